/** The strength section as a VALD-style CSV: one row per trial, the side on each row, forces in newtons. */
import type { StrengthSection } from "../../core/strength/strength.schema.js";

const HEADER = [
  "Test",
  "Position",
  "Method",
  "Laterality",
  "Repetition",
  "maxForceNewtons",
  "leverArmCm",
  "RFD",
  "timeToPeakSeconds",
];

const round = (value: number, places: number): string =>
  String(Math.round(value * 10 ** places) / 10 ** places);

/** CSV text that `strengthFromCsv(…, { format: "vald" })` reads back to the same section. */
export function strengthToCsv(section: StrengthSection): string {
  const rows = section.tests.flatMap((t) =>
    t.trialsN.map((force, i) => {
      const metric = t.trialMetrics?.[i];
      return [
        t.test,
        t.position,
        t.method,
        t.side === "left" ? "Left" : "Right",
        String(i + 1),
        round(force, 3),
        t.leverArmM === undefined ? "" : round(t.leverArmM * 100, 3),
        metric?.rfdNPerS === undefined ? "" : round(metric.rfdNPerS, 3),
        metric?.timeToPeakMs === undefined ? "" : round(metric.timeToPeakMs / 1000, 6),
      ];
    }),
  );
  return `${[HEADER, ...rows].map((r) => r.join(",")).join("\n")}\n`;
}
