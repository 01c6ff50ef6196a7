import type { AssessmentComparison } from "../core/retest/compare-assessments.js";
import { SOURCES, type SourceId } from "../core/sources.js";
import { progressSection } from "./assessment-text.js";
import { heading, wrap } from "./text-layout.js";

/**
 * A retest comparison as a readable report: findings as progress first, then each measure with
 * its change and whether it is more than a retest shows by chance (MDC) or matters (MCID).
 */
export function renderComparison(comparison: AssessmentComparison): string {
  const { overall, steps } = comparison;
  const parts = [
    `hipcheck comparison · ${comparison.dates.join(" → ")} · rules ${comparison.rulesVersion}`,
    heading("Findings"),
    ...overall.findings.map((f) => wrap(f.statement, 2, "- ")),
    progressSection(overall, `Measures, ${overall.from} → ${overall.to}`),
  ];
  if (steps.length > 1)
    for (const step of steps) parts.push(progressSection(step, `${step.from} → ${step.to}`));
  const sources = new Set<SourceId>(overall.changes.map((c) => c.threshold.source));
  parts.push(
    heading("Sources"),
    ...[...sources].sort().map((id) => wrap(SOURCES[id].citation, 2, `[${id}] `)),
    "",
    wrap(
      "A change counts as real when it is at least the smallest change a retest shows by chance (MDC, strength) or the smallest change patients notice (MCID, questionnaires).",
    ),
  );
  return `${parts.join("\n")}\n`;
}
