import { joinWords } from "../format.js";
import { confidenceOf, type EvidenceQuality, type SignGroup } from "./confidence.js";
import type { Finding } from "./finding.types.js";

const STATUS_WORDS: Record<Finding["status"], { runner: string; clinician: string }> = {
  likely: { runner: "Likely", clinician: "LIKELY" },
  possible: { runner: "Possible", clinician: "POSSIBLE" },
  unlikely: { runner: "Unlikely", clinician: "UNLIKELY" },
  undetermined: { runner: "Not known yet", clinician: "UNDETERMINED" },
};

const SURE_WORDS: Record<Finding["confidence"]["level"], string> = {
  high: "sure",
  moderate: "fairly sure",
  low: "not sure",
};

const QUALITY_WORDS: Record<EvidenceQuality, { runner: string; clinician: string }> = {
  measured: { runner: "measured", clinician: "measured" },
  "clinician-observation": { runner: "seen by a clinician", clinician: "observed" },
  "self-report": { runner: "your own answers or self-tests", clinician: "self-reported" },
};

type Signs = Finding["confidence"]["signs"];

function listed(signs: Signs, audience: "runner" | "clinician"): string {
  return joinWords(
    signs.map((s) => (s.quality ? `${s.name} (${QUALITY_WORDS[s.quality][audience]})` : s.name)),
  );
}

/**
 * How likely, how sure and why, in one line: "Likely, fairly sure: for it hip symmetry
 * (measured), pelvic control (seen by a clinician); against it none; not tested: knee alignment."
 * Confidence is about the status shown: for an unlikely finding, how sure it is unlikely.
 */
export function findingLabel(finding: Pick<Finding, "status" | "confidence">): {
  runner: string;
  clinician: string;
} {
  const { status, confidence } = finding;
  const present = confidence.signs.filter((s) => s.state === "present");
  const absent = confidence.signs.filter((s) => s.state === "absent");
  const untested = confidence.signs.filter((s) => s.state === "not-tested");
  const make = (audience: "runner" | "clinician"): string => {
    const head =
      audience === "runner"
        ? `${STATUS_WORDS[status].runner}${status === "undetermined" ? "" : `, ${SURE_WORDS[confidence.level]}`}`
        : `${STATUS_WORDS[status].clinician} · confidence ${confidence.level}`;
    if (confidence.signs.length === 0) return head;
    const parts = [
      `${audience === "runner" ? "pointing to it" : "for"}: ${present.length ? listed(present, audience) : "none"}`,
      `${audience === "runner" ? "pointing away" : "against"}: ${absent.length ? listed(absent, audience) : "none"}`,
    ];
    if (untested.length) parts.push(`not tested: ${listed(untested, audience)}`);
    return `${head} — ${parts.join("; ")}`;
  };
  return { runner: make("runner"), clinician: make("clinician") };
}

/** A finding's confidence from its sign groups, and the one-line label that states it. */
export function rateFinding(
  status: Finding["status"],
  groups: readonly SignGroup[],
): Pick<Finding, "confidence" | "label"> {
  const confidence = confidenceOf(status, groups);
  return { confidence, label: findingLabel({ status, confidence }) };
}
