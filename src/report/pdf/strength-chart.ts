/** The left-against-right strength chart, drawn as vector shapes: one pair of bars per test. */
import { formatNumber } from "../../core/format.js";
import type {
  SideStrength,
  StrengthReport,
  StrengthTestResult,
} from "../../core/strength/strength.types.js";
import { strengthTestLabel } from "../../core/strength/strength.types.js";
import { COLOURS, ensureSpace, type PdfWriter } from "./pdf-document.js";

const BAR = 9;
const GAP = 3;
const GROUP_GAP = 9;
const LABEL_WIDTH = 130;
const VALUE_WIDTH = 70;

/** Torque per body mass when there is a lever arm, otherwise force per body mass. */
function normalised(side: SideStrength): { value: number; unit: "Nm/kg" | "N/kg" } | undefined {
  if (side.torqueNmPerKg !== undefined) return { value: side.torqueNmPerKg, unit: "Nm/kg" };
  return side.forceNPerKg === undefined ? undefined : { value: side.forceNPerKg, unit: "N/kg" };
}

/** Tests with both sides per body mass (none when the body mass is unknown). */
function paired(report: StrengthReport): StrengthTestResult[] {
  return report.tests.filter(
    (t) => t.sides.left && t.sides.right && normalised(t.sides.left) && normalised(t.sides.right),
  );
}

/**
 * Draws the chart at the current position: for each test with both sides, the left (blue) and
 * right (orange) bar in Nm/kg (N/kg without a lever arm), the LSI, and a black tick at the
 * reference value where one exists. Bars of one unit share one scale.
 */
export function strengthChart(w: PdfWriter, report: StrengthReport): void {
  const tests = paired(report);
  if (tests.length === 0) return;
  const { doc } = w;
  const height = tests.length * (2 * BAR + GAP + GROUP_GAP) + 44;
  ensureSpace(w, height);
  doc
    .font("bold")
    .fontSize(9)
    .fillColor(COLOURS.text)
    .text("Left against right, per body mass", w.left, doc.y);
  doc.moveDown(0.3);
  const top = doc.y;
  const scale = new Map<string, number>();
  for (const t of tests)
    for (const side of [t.sides.left, t.sides.right]) {
      if (!side) continue;
      const { value, unit } = normalised(side) as { value: number; unit: string };
      const expected = side.reference?.expected ?? side.reference?.range?.high ?? 0;
      scale.set(unit, Math.max(scale.get(unit) ?? 0, value, expected));
    }
  const barLeft = w.left + LABEL_WIDTH;
  const barWidth = w.width - LABEL_WIDTH - VALUE_WIDTH;
  let y = top;
  for (const t of tests) {
    doc
      .font("regular")
      .fontSize(8)
      .fillColor(COLOURS.text)
      .text(strengthTestLabel(t.test), w.left, y + 2, { width: LABEL_WIDTH - 6, lineBreak: false });
    if (t.lsiPercent !== undefined)
      doc
        .fillColor(COLOURS.muted)
        .text(`LSI ${formatNumber(t.lsiPercent, 0)} %`, w.left, y + BAR + 3, {
          width: LABEL_WIDTH - 6,
          lineBreak: false,
        });
    (["left", "right"] as const).forEach((sideName, i) => {
      const side = t.sides[sideName];
      const shown = side && normalised(side);
      if (!shown) return;
      const { value, unit } = shown;
      const max = scale.get(unit) || 1;
      const barY = y + i * (BAR + GAP);
      const length = (value / max) * barWidth;
      doc.rect(barLeft, barY, length, BAR).fill(sideName === "left" ? COLOURS.left : COLOURS.right);
      doc
        .fillColor(COLOURS.text)
        .fontSize(7.5)
        .text(
          `${sideName === "left" ? "L" : "R"} ${formatNumber(value, 2)} ${unit}`,
          barLeft + barWidth + 4,
          barY + 1,
          {
            width: VALUE_WIDTH - 4,
            lineBreak: false,
          },
        );
      const range = side.reference?.range;
      if (range) {
        const from = barLeft + (range.low / max) * barWidth;
        const to = barLeft + (range.high / max) * barWidth;
        doc
          .rect(from, barY - 1.5, to - from, BAR + 3)
          .lineWidth(0.8)
          .strokeColor(COLOURS.reference)
          .stroke();
      }
      const expected = side.reference?.expected;
      if (expected !== undefined) {
        const x = barLeft + (expected / max) * barWidth;
        doc
          .moveTo(x, barY - 1.5)
          .lineTo(x, barY + BAR + 1.5)
          .lineWidth(1.2)
          .strokeColor(COLOURS.reference)
          .stroke();
      }
    });
    y += 2 * BAR + GAP + GROUP_GAP;
  }
  // Legend
  const legendY = y + 2;
  doc.rect(barLeft, legendY, 8, 8).fill(COLOURS.left);
  doc
    .fillColor(COLOURS.text)
    .fontSize(7.5)
    .text("left", barLeft + 11, legendY, { lineBreak: false });
  doc.rect(barLeft + 40, legendY, 8, 8).fill(COLOURS.right);
  doc.fillColor(COLOURS.text).text("right", barLeft + 51, legendY, { lineBreak: false });
  doc
    .moveTo(barLeft + 86, legendY - 1)
    .lineTo(barLeft + 86, legendY + 9)
    .lineWidth(1.2)
    .strokeColor(COLOURS.reference)
    .stroke();
  doc
    .fillColor(COLOURS.text)
    .text("reference value; a box: reference range", barLeft + 90, legendY, { lineBreak: false });
  doc.x = w.left;
  doc.y = legendY + 18;
}
