/**
 * The progress pages of the report: the retest beside the earlier assessments. The changes per
 * measure (more than measurement error or not, from `compareAssessments`), the findings as
 * progress, and a chart per test of the LSI and of each side's Nm/kg over the assessments.
 */
import type { AssessmentResult } from "../../core/assessment/assess.js";
import { formatNumber } from "../../core/format.js";
import type { AssessmentComparison, MeasureChange } from "../../core/retest/compare-assessments.js";
import { SIDES } from "../../core/side.js";
import type { SourceId } from "../../core/sources.js";
import { type StrengthTestName, strengthTestLabel } from "../../core/strength/strength.types.js";
import { COLOURS, ensureSpace, heading, type PdfWriter, paragraph, table } from "./pdf-document.js";

const JUDGEMENT_MARK = { improved: "↑", worse: "↓", "no real change": "=" } as const;

/** Writes the progress section: summary table, findings, then the charts. */
export function progressSection(
  w: PdfWriter,
  results: readonly AssessmentResult[],
  comparison: AssessmentComparison,
  cite: (id: SourceId) => string,
): void {
  const { overall } = comparison;
  heading(w, `Progress since ${overall.from} (${comparison.dates.length} assessments)`);
  paragraph(
    w,
    "A change counts when it is at least the smallest change a retest shows by chance (strength) or the smallest change that matters to patients (questionnaires); smaller changes are shown as no real change.",
    { colour: COLOURS.muted, size: 8.5 },
  );
  if (overall.changes.length > 0) {
    const cited = [...new Set(overall.changes.map((c) => c.threshold.source))].map(cite);
    table(
      w,
      [
        { header: "Measure", weight: 3.1 },
        { header: overall.from, weight: 1.3, align: "right" },
        { header: overall.to, weight: 1.3, align: "right" },
        { header: "Change", weight: 1.5, align: "right" },
        { header: "Smallest real change", weight: 1.5, align: "right" },
        { header: "Beyond the error?", weight: 1.5 },
      ],
      overall.changes.map(changeRow),
    );
    paragraph(w, `Thresholds: ${cited.join(" ")}`, { size: 8, colour: COLOURS.muted });
  } else paragraph(w, "No measure was taken the same way at both assessments.");
  for (const f of overall.findings) paragraph(w, f.statement, { bullet: "•", size: 8.5 });
  strengthTrend(w, results);
}

function value(n: number, unit: string): string {
  return unit === "%" ? `${formatNumber(n, 0)} %` : `${formatNumber(n, 2)} ${unit}`;
}

/** "MDC 7.1 points", "MDC 5 %" (of the first value), "MCID 10 points". */
function thresholdText(c: MeasureChange): string {
  const unit = c.threshold.unit.startsWith("%") ? "%" : "points";
  return `${c.threshold.kind.toUpperCase()} ${formatNumber(c.threshold.value, 1)} ${unit}`;
}

const signedWhole = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "±0");

function changeRow(c: MeasureChange): string[] {
  const sign = c.change > 0 ? "+" : c.change < 0 ? "−" : "±";
  const digits = c.kind === "torque-per-kg" ? 2 : 0;
  const shown = (n: number) => (c.kind === "questionnaire" ? formatNumber(n, 0) : value(n, c.unit));
  return [
    c.measure,
    shown(c.from),
    shown(c.to),
    `${sign}${formatNumber(Math.abs(c.change), digits)}${c.changePercent === undefined ? " points" : ` (${signedWhole(c.changePercent)} %)`}`,
    thresholdText(c),
    c.exceeds ? `${JUDGEMENT_MARK[c.judgement]} yes, ${c.judgement}` : "no",
  ];
}

interface Series {
  label: string;
  colour: string;
  values: (number | undefined)[];
}

const ROW = 74;
const LABEL_WIDTH = 110;
const PANEL_GAP = 24;

/** One row per test measured at two or more assessments: LSI on the left, Nm/kg on the right. */
function strengthTrend(w: PdfWriter, results: readonly AssessmentResult[]): void {
  const keys = new Map<string, { test: StrengthTestName; position: string }>();
  for (const r of results)
    for (const t of r.strength?.tests ?? [])
      keys.set(`${t.test}|${t.position}`, { test: t.test, position: t.position });
  const find = (r: AssessmentResult, key: string) =>
    r.strength?.tests.find((t) => `${t.test}|${t.position}` === key);
  const rows = [...keys].filter(([key]) => results.filter((r) => find(r, key)).length >= 2);
  if (rows.length === 0) return;
  const line = results[results.length - 1]?.settings.strength.lsiDeficitPercent ?? 90;
  const { doc } = w;
  ensureSpace(w, 40 + ROW * Math.min(rows.length, 3));
  doc.moveDown(0.4);
  doc
    .font("bold")
    .fontSize(9)
    .fillColor(COLOURS.text)
    .text("Strength over the assessments: LSI and Nm/kg per test", w.left, doc.y);
  doc.moveDown(0.3);
  const panelWidth = (w.width - LABEL_WIDTH - PANEL_GAP) / 2;
  for (const [key, { test, position }] of rows) {
    ensureSpace(w, ROW + 6);
    const top = doc.y;
    const tests = results.map((r) => find(r, key));
    doc
      .font("regular")
      .fontSize(8)
      .fillColor(COLOURS.text)
      .text(strengthTestLabel(test), w.left, top + 8, {
        width: LABEL_WIDTH - 6,
      })
      .fillColor(COLOURS.muted)
      .text(position, { width: LABEL_WIDTH - 6 });
    const dates = results.map((r) => r.assessedOn);
    plot(w, {
      x: w.left + LABEL_WIDTH,
      y: top,
      width: panelWidth,
      title: "LSI %",
      dates,
      series: [{ label: "LSI", colour: COLOURS.text, values: tests.map((t) => t?.lsiPercent) }],
      guide: { value: line, label: `${line} % line` },
      digits: 0,
    });
    plot(w, {
      x: w.left + LABEL_WIDTH + panelWidth + PANEL_GAP,
      y: top,
      width: panelWidth,
      title: "Nm/kg",
      dates,
      series: SIDES.map((s) => ({
        label: s === "left" ? "L" : "R",
        colour: s === "left" ? COLOURS.left : COLOURS.right,
        values: tests.map((t) => t?.sides[s]?.torqueNmPerKg),
      })),
      digits: 2,
      fromZero: true,
    });
    doc.x = w.left;
    doc.y = top + ROW;
  }
  paragraph(
    w,
    "Blue: left side; orange: right side; a gap: not measured that day (or no lever arm or body mass).",
    {
      size: 8,
      colour: COLOURS.muted,
    },
  );
}

interface Plot {
  x: number;
  y: number;
  width: number;
  title: string;
  dates: readonly string[];
  series: readonly Series[];
  guide?: { value: number; label: string };
  digits: number;
  /** Draw the axis from zero, so that small changes look small. */
  fromZero?: boolean;
}

/** A small line chart: points per assessment, joined where consecutive values exist. */
function plot(w: PdfWriter, p: Plot): void {
  const { doc } = w;
  const height = ROW - 26;
  const top = p.y + 10;
  const numbers = p.series.flatMap((s) => s.values.filter((v): v is number => v !== undefined));
  if (p.guide) numbers.push(p.guide.value);
  doc.font("regular").fontSize(7).fillColor(COLOURS.muted).text(p.title, p.x, p.y, {
    lineBreak: false,
  });
  if (numbers.length === 0) {
    doc.text("not measured per body mass", p.x, top + height / 2, { lineBreak: false });
    return;
  }
  const low = Math.min(...numbers);
  const high = Math.max(...numbers);
  const min = p.fromZero ? 0 : Math.max(0, low - (high - low || high || 1) * 0.15);
  // Room above the highest point for its label.
  const pad = (high - min || high || 1) * 0.2;
  const max = high + pad;
  const yOf = (v: number) => top + height - ((v - min) / (max - min)) * height;
  const step = p.dates.length > 1 ? p.width / (p.dates.length - 1) : 0;
  const xOf = (i: number) => p.x + (p.dates.length > 1 ? i * step : p.width / 2);
  doc.rect(p.x, top, p.width, height).fill(COLOURS.band);
  if (p.guide) {
    const gy = yOf(p.guide.value);
    doc
      .moveTo(p.x, gy)
      .lineTo(p.x + p.width, gy)
      .dash(2, { space: 2 })
      .lineWidth(0.7);
    doc.strokeColor(COLOURS.alert).stroke().undash();
    doc
      .fillColor(COLOURS.alert)
      .fontSize(6)
      .text(p.guide.label, p.x + 2, gy - 7, {
        lineBreak: false,
      });
  }
  for (const s of p.series) {
    s.values.forEach((v, i) => {
      const next = s.values[i + 1];
      if (v !== undefined && next !== undefined)
        doc
          .moveTo(xOf(i), yOf(v))
          .lineTo(xOf(i + 1), yOf(next))
          .lineWidth(1.2)
          .strokeColor(s.colour)
          .stroke();
    });
    s.values.forEach((v, i) => {
      if (v === undefined) return;
      doc.circle(xOf(i), yOf(v), 2).fill(s.colour);
      // The highest value of a date is labelled above its point, the others below: no overlap.
      const highest = Math.max(...p.series.map((o) => o.values[i] ?? Number.NEGATIVE_INFINITY));
      const above = p.series.findIndex((o) => o.values[i] === highest) === p.series.indexOf(s);
      const text = `${p.series.length > 1 ? `${s.label} ` : ""}${formatNumber(v, p.digits)}`;
      const last = i === s.values.length - 1;
      doc
        .fillColor(s.colour)
        .fontSize(6.5)
        .text(text, xOf(i) + (last ? -34 : 3), yOf(v) + (above ? -8 : 2), {
          width: 32,
          align: last ? "right" : "left",
          lineBreak: false,
        });
    });
  }
  p.dates.forEach((d, i) => {
    const first = i === 0 && p.dates.length > 1;
    const last = i === p.dates.length - 1 && p.dates.length > 1;
    doc
      .fillColor(COLOURS.muted)
      .fontSize(6)
      .text(d, first ? xOf(i) : last ? xOf(i) - 48 : xOf(i) - 24, top + height + 2, {
        width: 48,
        align: first ? "left" : last ? "right" : "center",
        lineBreak: false,
      });
  });
}
