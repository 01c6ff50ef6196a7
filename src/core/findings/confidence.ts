import type { Confidence, EvidenceMethod, MovementEvidence } from "../movement/evidence.js";
import type { Finding, FindingStatus } from "./finding.types.js";

/**
 * How a sign was obtained, weakest first: the person's own report or self-test, a clinician's
 * observation, an instrument (dynamometer, video of good quality). docs/decisions/0006.
 */
export type EvidenceQuality = "self-report" | "clinician-observation" | "measured";

/** Weight of a sign by how it was obtained (docs/decisions/0006-evidence-quality.md). */
export const QUALITY_WEIGHT: Readonly<Record<EvidenceQuality, number>> = {
  "self-report": 1,
  "clinician-observation": 2,
  measured: 3,
};

/** A sign's state: seen, looked for and not seen, or never looked at. Unknown is not negative. */
export type SignState = "present" | "absent" | "not-tested";

/** A group of related evidence counted as one independent sign. */
export interface SignGroup {
  name: string;
  /** true: points towards the finding; false: looked at and points away; undefined: not tested. */
  supports: boolean | undefined;
  /** How the evidence deciding the group was obtained; required when `supports` is defined. */
  quality?: EvidenceQuality;
}

/** The state of a sign group in words the reports use. */
export function signState(group: SignGroup): SignState {
  if (group.supports === undefined) return "not-tested";
  return group.supports ? "present" : "absent";
}

/**
 * Confidence of a finding from its sign groups, weighted by quality (docs/decisions/0006):
 * for a likely or possible finding the signs for it count, for an unlikely one the signs
 * against it. High: weight ≥ 6, a measured sign among them, and the other side at most a
 * third as heavy. Moderate: weight ≥ 3, heavier than the other side, and not self-reported
 * only. Low otherwise. So self-tests alone can never give more confidence than a measured deficit.
 */
export function confidenceOf(
  status: FindingStatus,
  groups: readonly SignGroup[],
): Finding["confidence"] {
  const looked = groups.filter((g) => g.supports !== undefined);
  const forIt = looked.filter((g) => g.supports);
  const againstIt = looked.filter((g) => !g.supports);
  const [deciding, other] = status === "unlikely" ? [againstIt, forIt] : [forIt, againstIt];
  const weight = (list: readonly SignGroup[]) =>
    list.reduce((total, g) => total + QUALITY_WEIGHT[g.quality ?? "self-report"], 0);
  const decidingWeight = weight(deciding);
  const otherWeight = weight(other);
  const measured = deciding.some((g) => g.quality === "measured");
  const selfOnly = deciding.every((g) => (g.quality ?? "self-report") === "self-report");
  let level: Confidence = "low";
  if (status !== "undetermined") {
    if (decidingWeight >= 6 && measured && otherWeight * 3 <= decidingWeight) level = "high";
    else if (decidingWeight >= 3 && decidingWeight > otherWeight && !selfOnly) level = "moderate";
  }
  return {
    level,
    agreeing: forIt.length,
    considered: looked.length,
    against: againstIt.length,
    signs: groups.map((g) => ({
      name: g.name,
      state: signState(g),
      ...(g.quality && g.supports !== undefined ? { quality: g.quality } : {}),
    })),
  };
}

/** The quality of a movement sign group: the best method among the observations that decided it. */
export function movementQuality(items: readonly MovementEvidence[]): EvidenceQuality | undefined {
  const rank = (m: MovementEvidence) => QUALITY_WEIGHT[qualityOfMethod(m.method, m.confidence)];
  const best = [...items].sort((a, b) => rank(b) - rank(a))[0];
  return best ? qualityOfMethod(best.method, best.confidence) : undefined;
}

/** Self-tests are self-report; video counts as measured unless its quality is low. */
export function qualityOfMethod(method: EvidenceMethod, confidence: Confidence): EvidenceQuality {
  if (method === "self-test") return "self-report";
  if (method === "video") return confidence === "low" ? "clinician-observation" : "measured";
  return "clinician-observation";
}
