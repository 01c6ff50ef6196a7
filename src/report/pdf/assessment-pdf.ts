/**
 * The assessment report as a PDF: referral first when there is one, then the findings in the
 * runner's or the clinician's words with their evidence and sources, the strength table and
 * chart, movement (with up to two annotated frames), running load, questionnaires, and the
 * programme summary.
 */
import type { AssessmentResult } from "../../core/assessment/assess.js";
import type { Finding } from "../../core/findings/finding.types.js";
import { formatNumber, joinWords } from "../../core/format.js";
import type { Programme } from "../../core/program/programme.types.js";
import { compareAssessments } from "../../core/retest/compare-assessments.js";
import { SIDES } from "../../core/side.js";
import { SOURCES, type SourceId } from "../../core/sources.js";
import { strengthTestLabel } from "../../core/strength/strength.types.js";
import { URGENCY_ACTION } from "../../core/symptoms/red-flags.js";
import type { Audience } from "../assessment-text.js";
import { doseText } from "../programme-calendar.js";
import { deviceLines } from "../strength-text.js";
import {
  alertBox,
  COLOURS,
  createPdf,
  ensureSpace,
  heading,
  type PageSize,
  type PdfWriter,
  paragraph,
  table,
  title,
} from "./pdf-document.js";
import { progressSection } from "./progress-pdf.js";
import { strengthChart } from "./strength-chart.js";

/** An annotated picture from `hipcheck analyze --out`: its caption and PNG bytes. */
export interface AnnotatedFrame {
  caption: string;
  png: Buffer;
}

export interface AssessmentPdfOptions {
  audience: Audience;
  page: PageSize;
  programme?: Programme;
  /** Up to two pictures are printed beside the movement metrics. */
  frames?: readonly AnnotatedFrame[];
  /** Earlier assessments of the same runner, oldest first: adds the progress section. */
  earlier?: readonly AssessmentResult[];
}

/** Renders the report; the PDF's creation date is the assessment date. */
export async function assessmentPdf(
  result: AssessmentResult,
  options: AssessmentPdfOptions,
): Promise<Buffer> {
  const who = result.person.name ?? "Runner";
  const w = createPdf({
    title: `hipcheck assessment · ${who} · ${result.assessedOn}`,
    date: result.assessedOn,
    page: options.page,
    subject: "Knee pain assessment (decision support)",
  });
  const cited = new Set<SourceId>();
  const cite = (id: SourceId): string => {
    cited.add(id);
    return `[${id}]`;
  };
  const p = result.person;
  title(
    w,
    `${options.earlier?.length ? "Progress report" : "Assessment report"} — ${who}`,
    `${result.assessedOn} · ${personLine(p)} · for the ${options.audience} · rules ${result.rulesVersion}`,
  );
  redFlags(w, result, cite);
  paragraph(w, summary(result), { style: "bold" });
  const earlier = options.earlier ?? [];
  // A referral stands alone: no progress is weighed next to it.
  if (earlier.length > 0 && !result.redFlags.referral) {
    const all = [...earlier, result];
    progressSection(w, all, compareAssessments(all), cite);
  }
  if (result.likelyConditions.length > 0) {
    heading(w, "Where it hurts");
    for (const c of result.likelyConditions)
      paragraph(w, `${c.statement} ${cite(c.source)}`, { bullet: "•" });
    paragraph(w, "A likely name from where the pain is, not a diagnosis.", {
      colour: COLOURS.muted,
    });
  }
  findings(w, result.findings, options.audience, cite);
  if (result.strength) strength(w, result);
  if (result.movement.length > 0) movement(w, result, options.frames ?? [], cite);
  if (result.load.length > 0) {
    heading(w, "Running load");
    for (const c of result.load)
      paragraph(
        w,
        `${c.detail}${c.evaluated ? ` (threshold ${c.threshold})` : ""} ${cite(c.source)}`,
        {
          bullet: c.triggered ? "!" : "•",
          ...(c.triggered ? { colour: COLOURS.alert } : {}),
        },
      );
  }
  if (result.questionnaires.length > 0) questionnaires(w, result);
  programmeSummary(w, result, options.programme, cite);
  heading(w, "Sources");
  for (const id of [...cited].sort()) paragraph(w, `[${id}] ${SOURCES[id].citation}`, { size: 8 });
  paragraph(
    w,
    "hipcheck supports clinical decisions; it does not diagnose. If knee pain persists or gets worse, have it assessed by a physiotherapist or doctor.",
    { colour: COLOURS.muted, size: 8.5 },
  );
  return w.finish();
}

/** Sex, age, height and body mass; an "unknown" answer is said so, never filled in. */
function personLine(p: AssessmentResult["person"]): string {
  return [
    p.sex ?? "sex unknown",
    p.age === undefined ? "age unknown" : `${p.age} years`,
    p.heightCm === undefined ? "height unknown" : `${formatNumber(p.heightCm, 0)} cm`,
    p.bodyMassKg === undefined ? "body mass unknown" : `${formatNumber(p.bodyMassKg, 1)} kg`,
  ].join(", ");
}

function redFlags(w: PdfWriter, result: AssessmentResult, cite: (id: SourceId) => string): void {
  const screen = result.redFlags;
  if (screen.referral && screen.urgency) {
    alertBox(w, "Referral needed — read this first", [
      `${URGENCY_ACTION[screen.urgency]}.`,
      ...screen.hits.map(
        (hit) =>
          `• ${hit.flag.title} (${hit.flag.urgency}): ${hit.because}. ${hit.flag.reason} ${cite(hit.flag.source)}`,
      ),
      "No exercise programme is made until a professional has seen the knee.",
    ]);
  } else {
    heading(w, "Red-flag screen");
    paragraph(w, "No red flag raised.");
  }
  if (screen.unanswered.length > 0) {
    paragraph(w, "Not yet answered (ask before treating):", { style: "bold" });
    for (const flag of screen.unanswered) paragraph(w, flag.question, { bullet: "?", indent: 8 });
  }
  for (const advice of screen.advice) paragraph(w, advice, { bullet: "•" });
}

function summary(result: AssessmentResult): string {
  if (result.redFlags.referral)
    return "In short: see a professional first (see the referral above). No programme is made.";
  const named = (status: Finding["status"]) =>
    result.findings
      .filter((f) => f.status === status)
      .map((f) => `${f.title.toLowerCase()}${f.side ? ` (${f.side})` : ""}`);
  const likely = named("likely");
  const possible = named("possible");
  const words = [
    likely.length ? `likely ${joinWords(likely)}` : "",
    possible.length ? `possible ${joinWords(possible)}` : "",
  ].filter(Boolean);
  return `In short: ${words.length ? words.join("; ") : "no pattern stands out yet"}.`;
}

function findings(
  w: PdfWriter,
  list: readonly Finding[],
  audience: Audience,
  cite: (id: SourceId) => string,
): void {
  heading(w, "Findings");
  list.forEach((f, i) => {
    ensureSpace(w, 50);
    paragraph(w, `${i + 1}. ${f.title}${f.side ? ` (${f.side})` : ""}`, { style: "bold" });
    // How likely, how sure and why: the same label as the text report.
    paragraph(w, f.label[audience], { indent: 12, size: 8.5, colour: COLOURS.muted });
    paragraph(w, audience === "runner" ? f.plain : f.clinical, { indent: 12 });
    if (f.status !== "undetermined") {
      const shown = [
        ...f.evidence.filter((e) => e.supports),
        ...(audience === "clinician" ? f.evidence.filter((e) => !e.supports) : []),
      ];
      for (const e of shown) {
        const numbers = [e.value, e.threshold ? `threshold ${e.threshold}` : ""]
          .filter(Boolean)
          .join("; ");
        paragraph(w, `${e.statement}${numbers ? ` (${numbers})` : ""} ${cite(e.source)}`, {
          bullet: e.supports ? "+" : "−",
          indent: 12,
          size: 8.5,
        });
      }
    }
    for (const step of f.next) paragraph(w, step, { bullet: "→", indent: 12, size: 8.5 });
  });
}

const num = (value: number | undefined, digits: number): string =>
  value === undefined ? "—" : formatNumber(value, digits);

function strength(w: PdfWriter, result: AssessmentResult): void {
  const report = result.strength;
  if (!report) return;
  heading(w, "Strength (hand-held dynamometer)");
  const rows: string[][] = [];
  for (const t of report.tests) {
    const cell = (side: "left" | "right") => {
      const s = t.sides[side];
      return s
        ? `${num(s.bestN, 0)} N${s.torqueNm === undefined ? "" : ` · ${num(s.torqueNm, 1)} N·m`}`
        : "—";
    };
    const perKg = SIDES.map((side) => {
      const s = t.sides[side];
      if (!s) return "—";
      return s.torqueNmPerKg === undefined
        ? `${num(s.forceNPerKg, 2)} N/kg`
        : num(s.torqueNmPerKg, 2);
    }).join(" / ");
    const reference = SIDES.flatMap((side) => {
      const ref = t.sides[side]?.reference;
      return ref ? [`${side === "left" ? "L" : "R"} ${ref.band} (${ref.expectedText})`] : [];
    }).join("; ");
    rows.push([
      `${strengthTestLabel(t.test)} (${t.position}, ${t.method})`,
      cell("left"),
      cell("right"),
      t.lsiPercent === undefined
        ? "—"
        : `${formatNumber(t.lsiPercent, 0)} %${t.deficit ? " ▼" : ""}`,
      perKg,
      reference || "—",
    ]);
  }
  table(
    w,
    [
      { header: "Test", weight: 2.3 },
      { header: "Left (best)", weight: 1.4, align: "right" },
      { header: "Right (best)", weight: 1.4, align: "right" },
      { header: "LSI", weight: 0.8, align: "right" },
      { header: "Nm/kg L / R", weight: 1.3, align: "right" },
      { header: "Reference", weight: 3 },
    ],
    rows,
  );
  paragraph(
    w,
    `LSI = involved ÷ uninvolved × 100 (on torque when both sides have a lever arm); ▼ below ${formatNumber(result.settings.strength.lsiDeficitPercent, 0)} %. Asymmetry formula: ${report.formulaText}.`,
    { size: 8, colour: COLOURS.muted },
  );
  strengthChart(w, report);
  for (const t of report.tests)
    for (const side of SIDES) {
      const trace = t.sides[side]?.trace;
      if (!trace) continue;
      const rfd = trace.rateOfForceDevelopment
        .map((r) => `0–${r.windowMs} ms ${formatNumber(r.newtonsPerSecond, 0)} N/s`)
        .join(", ");
      paragraph(
        w,
        `Force trace, ${side} ${strengthTestLabel(t.test).toLowerCase()}: peak ${formatNumber(trace.peakN, 0)} N, ${formatNumber(trace.timeToPeakMs, 0)} ms after onset; rate of force development ${rfd}.`,
        { bullet: "•", size: 8.5 },
      );
    }
  for (const line of deviceLines(report)) paragraph(w, line, { bullet: "•", size: 8.5 });
  const warnings = [
    ...report.warnings,
    ...report.tests.flatMap((t) => t.warnings.map((x) => `${strengthTestLabel(t.test)}: ${x}`)),
  ];
  for (const warning of new Set(warnings)) paragraph(w, warning, { bullet: "!", size: 8.5 });
}

function movement(
  w: PdfWriter,
  result: AssessmentResult,
  frames: readonly AnnotatedFrame[],
  cite: (id: SourceId) => string,
): void {
  heading(w, "Movement");
  table(
    w,
    [
      { header: "Task", weight: 1.3 },
      { header: "Sign", weight: 1.4 },
      { header: "Side", weight: 0.6 },
      { header: "Seen", weight: 0.6 },
      { header: "Measured", weight: 1.6 },
      { header: "By", weight: 1.4 },
      { header: "Confidence", weight: 1.1 },
      { header: "Source", weight: 1.3 },
    ],
    result.movement.map((m) => [
      m.task,
      m.sign,
      m.side ?? "",
      m.present ? "yes" : "no",
      m.measured
        ? `${formatNumber(m.measured.value, 1)} ${m.measured.unit}${m.measured.reference ? ` (${m.measured.reference})` : ""}`
        : "",
      m.method,
      m.confidence,
      cite(m.source),
    ]),
  );
  const shown = frames.slice(0, 2);
  if (shown.length === 0) return;
  const { doc } = w;
  const gap = 12;
  const width = (w.width - gap) / 2;
  const height = width * 0.75;
  ensureSpace(w, height + 24);
  const top = doc.y;
  shown.forEach((frame, i) => {
    const x = w.left + i * (width + gap);
    doc.image(frame.png, x, top, { fit: [width, height], align: "center", valign: "center" });
    doc
      .font("regular")
      .fontSize(8)
      .fillColor(COLOURS.muted)
      .text(frame.caption, x, top + height + 3, { width, align: "center" });
  });
  doc.x = w.left;
  doc.y = top + height + 20;
}

function questionnaires(w: PdfWriter, result: AssessmentResult): void {
  heading(w, "Questionnaires");
  table(
    w,
    [
      { header: "Questionnaire", weight: 2.2 },
      { header: "Score", weight: 0.8, align: "right" },
      { header: "Range", weight: 0.8, align: "right" },
      { header: "Date", weight: 1 },
      { header: "Change", weight: 3.2 },
    ],
    result.questionnaires.map((q) => [
      `${q.name} (${q.shortName})`,
      q.latest ? formatNumber(q.latest.score, 1) : "not scorable",
      q.latest
        ? `${q.latest.range[0]}–${q.latest.range[1]} (${q.latest.higherIsBetter ? "↑ better" : "↓ better"})`
        : "",
      q.latest?.date ?? "",
      q.fromFirst?.statement ?? "first response: no change yet",
    ]),
  );
}

function programmeSummary(
  w: PdfWriter,
  result: AssessmentResult,
  programme: Programme | undefined,
  cite: (id: SourceId) => string,
): void {
  heading(w, "Programme");
  if (!result.programmeAllowed) {
    paragraph(w, "No programme: a professional should see the knee first.");
    return;
  }
  if (!programme) {
    // Worded for the command (hipcheck report --plan) and the web app (a programme made later) alike.
    paragraph(w, "No programme is attached to this report.");
    return;
  }
  paragraph(
    w,
    `${programme.start} to ${programme.end}, ${programme.weeks} weeks, ${programme.availability.daysPerWeek} days a week, up to ${programme.availability.minutesPerSession} min a session.`,
  );
  if (programme.extraVolume)
    paragraph(w, `Extra work: ${programme.extraVolume.reason}.`, { bullet: "•" });
  for (const phase of programme.phases)
    paragraph(w, `Weeks ${phase.weeks[0]}–${phase.weeks[1]}: ${phase.name}. ${phase.aim}`, {
      bullet: `${phase.phase}.`,
    });
  const first = new Map<string, string>();
  for (const s of programme.sessions)
    for (const p of [...s.strength, ...s.stretching, ...s.aroundRun])
      if (!first.has(p.exercise)) first.set(p.exercise, doseText(p));
  paragraph(w, "Exercises (first dose):", { style: "bold" });
  for (const line of first.values()) paragraph(w, line, { bullet: "•", indent: 8, size: 8.5 });
  paragraph(w, "Running:", { style: "bold" });
  for (const rule of programme.runPlan.rules)
    paragraph(w, rule, { bullet: "•", indent: 8, size: 8.5 });
  for (const id of programme.sources) cite(id);
}
