import { formatNumber } from "../core/format.js";
import { SIDES } from "../core/side.js";
import type { StrengthReport } from "../core/strength/strength.types.js";
import { strengthTestLabel } from "../core/strength/strength.types.js";
import { heading, table, wrap } from "./text-layout.js";

const num = (value: number | undefined, digits: number): string =>
  value === undefined ? "—" : formatNumber(value, digits);

/** The dynamometry table: per test and side the best trial, torque, normalised values, symmetry and reference. */
export function strengthSection(report: StrengthReport): string {
  const rows: string[][] = [];
  for (const test of report.tests) {
    SIDES.forEach((side, i) => {
      const s = test.sides[side];
      if (!s) return;
      const ref = s.reference;
      rows.push([
        i === 0 || !test.sides.left
          ? `${strengthTestLabel(test.test)} (${test.position}, ${test.method})`
          : "",
        side === "left" ? "L" : "R",
        num(s.bestN, 0),
        num(s.meanN, 0),
        num(s.trialCvPercent, 1),
        num(s.torqueNm, 1),
        num(s.forceNPerKg, 2),
        num(s.torqueNmPerKg, 2),
        side === test.involvedSide && test.lsiPercent !== undefined
          ? `${formatNumber(test.lsiPercent, 0)} %`
          : "",
        ref
          ? `${ref.band} (${ref.expectedText}${ref.z === undefined ? "" : `, z ${formatNumber(ref.z, 1)}`})`
          : "",
        [s.inconsistent ? "inconsistent trials" : "", s.overpowered ? "tester overpowered?" : ""]
          .filter(Boolean)
          .join(", "),
      ]);
    });
  }
  const notes = [
    ...report.warnings,
    ...report.tests.flatMap((t) => t.warnings.map((w) => `${strengthTestLabel(t.test)}: ${w}`)),
    ...report.tests.flatMap((t) =>
      SIDES.flatMap((side) =>
        (t.sides[side]?.reference?.caveats ?? []).map(
          (c) => `${strengthTestLabel(t.test)} ${side}: ${c}`,
        ),
      ),
    ),
  ];
  // One line per distinct reason: usually the painful knee decides for every test at once.
  const involved = [
    ...new Set(report.tests.flatMap((t) => (t.involvedSideReason ? [t.involvedSideReason] : []))),
  ].map((reason) => {
    const tests = report.tests.filter((t) => t.involvedSideReason === reason);
    return tests.length === report.tests.length
      ? `Involved side: ${reason}`
      : `${tests.map((t) => strengthTestLabel(t.test)).join(", ")}: ${reason}`;
  });
  const traces = report.tests.flatMap((t) =>
    SIDES.flatMap((side) => {
      const trace = t.sides[side]?.trace;
      if (!trace) return [];
      const rfd = trace.rateOfForceDevelopment
        .map((r) => `0–${r.windowMs} ms ${formatNumber(r.newtonsPerSecond, 0)} N/s`)
        .join(", ");
      return [
        `Force trace, ${side} ${strengthTestLabel(t.test).toLowerCase()}: peak ${formatNumber(trace.peakN, 0)} N, ${formatNumber(trace.timeToPeakMs, 0)} ms after onset; rate of force development ${rfd}. ${trace.onsetMethod}`,
      ];
    }),
  );
  const device = deviceLines(report);
  return [
    heading("Strength (hand-held dynamometer)"),
    table(
      [
        "Test",
        "Side",
        "Best N",
        "Mean N",
        "CV %",
        "Nm",
        "N/kg",
        "Nm/kg",
        "LSI",
        "Reference",
        "Flags",
      ],
      rows,
    ),
    wrap(
      `LSI = involved ÷ uninvolved × 100 (on torque when both sides have a lever arm). Asymmetry formula: ${report.formulaText}.`,
      2,
    ),
    ...[...new Set(involved)].map((line) => wrap(line, 2, "· ")),
    ...traces.map((line) => wrap(line, 2, "· ")),
    ...device.map((line) => wrap(line, 2, "· ")),
    ...[...new Set(notes)].map((note) => wrap(note, 2, "! ")),
  ].join("\n");
}

/** "Device, right hip abduction (strongest trial): RFD 850 N/s, time to peak 420 ms." per side that has them. */
export function deviceLines(report: StrengthReport): string[] {
  return report.tests.flatMap((t) =>
    SIDES.flatMap((side) => {
      const m = t.sides[side]?.bestTrialMetrics;
      if (!m || (m.rfdNPerS === undefined && m.timeToPeakMs === undefined)) return [];
      const parts = [
        m.rfdNPerS === undefined
          ? ""
          : `rate of force development ${formatNumber(m.rfdNPerS, 0)} N/s`,
        m.timeToPeakMs === undefined ? "" : `time to peak ${formatNumber(m.timeToPeakMs, 0)} ms`,
      ].filter(Boolean);
      return [
        `Device, ${side} ${strengthTestLabel(t.test).toLowerCase()} (strongest trial): ${parts.join(", ")}.`,
      ];
    }),
  );
}
