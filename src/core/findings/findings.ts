import type { Finding, FindingStatus } from "./finding.types.js";
import { rateFinding } from "./finding-label.js";
import type { FindingsInput } from "./findings-input.js";
import { hipDrivenFinding } from "./hip-driven.js";
import { kneeDeficitFinding } from "./knee-deficit.js";
import { loadErrorFinding } from "./load-error.js";
import { hipFlexorFinding, overstridingFinding } from "./technique.js";

const STATUS_ORDER: Record<FindingStatus, number> = {
  likely: 0,
  possible: 1,
  undetermined: 2,
  unlikely: 3,
};

/**
 * All findings, most certain first, then a "not enough data" finding naming the tests that
 * would decide the undetermined ones. Deterministic: same input, same findings in the same order.
 */
export function explainFindings(input: FindingsInput): Finding[] {
  const findings = [
    hipDrivenFinding(input),
    loadErrorFinding(input),
    hipFlexorFinding(input),
    overstridingFinding(input),
    kneeDeficitFinding(input),
  ];
  const ordered = findings
    .map((finding, index) => ({ finding, index }))
    .sort(
      (a, b) =>
        STATUS_ORDER[a.finding.status] - STATUS_ORDER[b.finding.status] ||
        b.finding.confidence.agreeing - a.finding.confidence.agreeing ||
        a.index - b.index,
    )
    .map((entry) => entry.finding);
  const missing = notEnoughData(findings);
  return missing ? [...ordered, missing] : ordered;
}

/** Gathers the deciding tests of every undetermined finding (or a possible one that a test would settle). */
function notEnoughData(findings: readonly Finding[]): Finding | undefined {
  const open = findings.filter((f) => f.status === "undetermined" || f.status === "possible");
  const next = [...new Set(open.flatMap((f) => f.next.filter(isTestToDo)))];
  if (next.length === 0) return undefined;
  return {
    id: "not-enough-data",
    title: "Not enough data",
    status: "undetermined",
    ...rateFinding("undetermined", []),
    plain: `Some questions stay open until more is known: ${open.map((f) => f.title.toLowerCase()).join("; ")}. These would decide them:`,
    clinical: `Undetermined or unconfirmed: ${open.map((f) => f.title).join("; ")}. Deciding tests:`,
    evidence: [],
    next,
  };
}

/** Next steps that are tests or records to gather, rather than treatment. */
function isTestToDo(step: string): boolean {
  return /^(Test|Record|Enter|Film|A clinician can confirm)/.test(step);
}
