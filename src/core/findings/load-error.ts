import type { LoadRule } from "../running/load.types.js";
import { rateFinding } from "./finding-label.js";

const RULE_NAMES: Record<LoadRule, string> = {
  "two-week-increase": "two-week increase",
  "single-run-spike": "single-run spike",
  "return-after-break": "return after a break",
};

import type { Finding, FindingStatus } from "./finding.types.js";
import type { FindingsInput } from "./findings-input.js";

/** "; not checked: single-run spike" for the rules the history could not feed. */
function notChecked(checks: FindingsInput["load"]): string {
  const missing = checks.filter((c) => !c.evaluated).map((c) => RULE_NAMES[c.rule]);
  return missing.length ? ` (not checked: ${missing.join(", ")})` : "";
}

/**
 * Load error: weekly distance up more than 30 % in two weeks (nielsen-2014), a run more than
 * 10 % longer than the longest of the last 30 days (frandsen-2025), or a return after a break
 * (seed-003). Too much too soon without rest is the usual overuse story (seed-002).
 */
export function loadErrorFinding(input: FindingsInput): Finding {
  const checks = input.load;
  const evaluated = checks.filter((c) => c.evaluated);
  const triggered = checks.filter((c) => c.triggered);
  const status: FindingStatus =
    triggered.length > 0 ? "likely" : evaluated.length > 0 ? "unlikely" : "undetermined";
  const list = triggered.map((c) => c.detail).join(" ");
  return {
    id: "load-error",
    title: "Load error (too much, too soon)",
    status,
    // A training record counts like an observation: a record, not an impression (docs/decisions/0006).
    ...rateFinding(
      status,
      checks.map((c) => ({
        name: RULE_NAMES[c.rule],
        supports: c.evaluated ? c.triggered : undefined,
        quality: "clinician-observation" as const,
      })),
    ),
    plain:
      status === "likely"
        ? `Your running load changed faster than your body could adapt: ${list} Build up more gradually, and keep rest days: the body adapts on the days off.`
        : status === "unlikely"
          ? `Your recent running shows no sudden jump in distance${notChecked(checks)}.`
          : "Enter your weekly distances and longest recent run to check whether you increased too fast.",
    clinical:
      status === "likely"
        ? `Training-load error: ${triggered.map((c) => `${c.rule} (${c.value}; threshold ${c.threshold})`).join("; ")}.`
        : status === "unlikely"
          ? "No load-progression error by the two-week, single-run and return-after-break rules."
          : "Training history insufficient to apply the load rules.",
    evidence: evaluated.map((c) => ({
      statement: c.detail,
      supports: c.triggered,
      value: c.value,
      threshold: c.threshold,
      source: c.source,
    })),
    next:
      status === "likely"
        ? [
            "Cap any single run at 10 % more than the longest of the last 30 days (frandsen-2025).",
            "Take at least three days a week off running; other activity is fine (seed-002).",
          ]
        : status === "undetermined"
          ? ["Record weekly running distance for the last 8 weeks and the longest recent run."]
          : [],
  };
}
