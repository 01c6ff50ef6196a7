import { formatNumber } from "../core/format.js";
import type { NextStep, ProgressReport } from "../core/running/progression.js";
import { SOURCES } from "../core/sources.js";
import { heading, table, wrap } from "./text-layout.js";

const STEP_LABEL: Record<NextStep, string> = {
  progress: "PROGRESS",
  repeat: "REPEAT",
  "step-back": "STEP BACK",
  "stop-see-professional": "STOP — SEE A PROFESSIONAL",
};

/** The decisions for the next sessions, an alert first when there is one, with reasons and sources. */
export function renderProgress(
  report: ProgressReport & { nextRungs: Record<string, string> },
): string {
  const parts = [`hipcheck progress · rules ${report.rulesVersion}`];
  if (report.alert)
    parts.push(heading("Stop and see a professional"), wrap(report.alert, 2, "!! "));
  parts.push(heading("Next sessions"));
  const sources = new Set<string>();
  for (const d of report.decisions) {
    const next = d.exercise ? report.nextRungs[d.exercise] : undefined;
    parts.push(
      "",
      `  ${d.subject} — ${STEP_LABEL[d.decision]}${next ? `: next ${next}` : ""} (last done ${d.date})`,
    );
    for (const reason of d.reasons) parts.push(wrap(reason, 4, "- "));
    sources.add(d.source);
  }
  if (report.painTrend.length > 0)
    parts.push(
      heading("Pain by week"),
      table(
        ["Week of", "Sessions", "Mean peak", "Max", "Next morning", "Change"],
        report.painTrend.map((w) => [
          w.weekStart,
          String(w.sessions),
          formatNumber(w.meanPeakPain, 1),
          formatNumber(w.maxPeakPain, 1),
          w.meanNextMorningPain === undefined ? "—" : formatNumber(w.meanNextMorningPain, 1),
          w.change === undefined ? "—" : `${w.change > 0 ? "+" : ""}${formatNumber(w.change, 1)}`,
        ]),
      ),
    );
  sources.add(report.trend.source);
  parts.push(
    heading("Sources"),
    ...[...sources].map((id) =>
      wrap(SOURCES[id as keyof typeof SOURCES]?.citation ?? id, 2, `[${id}] `),
    ),
  );
  return `${parts.join("\n")}\n`;
}
