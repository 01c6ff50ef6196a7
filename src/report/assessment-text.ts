import type { AssessmentResult } from "../core/assessment/assess.js";
import type { Finding } from "../core/findings/finding.types.js";
import { formatNumber, joinWords } from "../core/format.js";
import type { AssessmentStep } from "../core/retest/compare-assessments.js";
import { SOURCES, type SourceId } from "../core/sources.js";
import { URGENCY_ACTION } from "../core/symptoms/red-flags.js";
import { strengthSection } from "./strength-text.js";
import { heading, table, wrap } from "./text-layout.js";

export type Audience = "clinician" | "runner";

/**
 * The assessment as a readable report. A referral, when there is one, is the first thing
 * printed; findings follow in the runner's or the clinician's wording.
 */
export function renderAssessment(
  result: AssessmentResult,
  audience: Audience = "clinician",
): string {
  const cited = new Set<SourceId>();
  const cite = (id: SourceId): string => {
    cited.add(id);
    return `[${id}]`;
  };
  const parts = [
    `hipcheck assessment · ${result.assessedOn} · rules ${result.rulesVersion}`,
    personLine(result.person),
    summaryLine(result),
    redFlagSection(result, audience, cite),
  ];
  // A referral stands alone: no overuse label, no office test, no programme next to it.
  if (!result.redFlags.referral) {
    if (result.progress) parts.push(progressSection(result.progress));
    parts.push(
      conditionSection(result, cite),
      findingsSection(result.findings, audience, cite, result.progress),
    );
    if (result.strength) parts.push(strengthSection(result.strength));
    if (result.movement.length > 0) parts.push(movementSection(result, cite));
    if (result.load.length > 0) parts.push(loadSection(result, cite));
    if (result.questionnaires.length > 0) parts.push(questionnaireSection(result));
    if (result.notComputed.length > 0) parts.push(notComputedSection(result.notComputed));
  }
  parts.push(
    heading("Sources"),
    ...[...cited].sort().map((id) => wrap(SOURCES[id].citation, 2, `[${id}] `)),
    "",
    wrap(
      "hipcheck supports clinical decisions; it does not diagnose. If knee pain persists or gets worse, have it assessed by a physiotherapist or doctor.",
    ),
  );
  return `${parts.join("\n")}\n`;
}

/** "female, 34 years, 62.0 kg, 168 cm"; an unknown detail is said to be unknown. */
function personLine(p: AssessmentResult["person"]): string {
  return [
    ...(p.name ? [p.name] : []),
    p.sex ?? "sex unknown",
    p.age === undefined ? "age unknown" : `${p.age} years`,
    p.bodyMassKg === undefined ? "body mass unknown" : `${formatNumber(p.bodyMassKg, 1)} kg`,
    p.heightCm === undefined ? "height unknown" : `${p.heightCm} cm`,
  ].join(", ");
}

function redFlagSection(
  result: AssessmentResult,
  audience: Audience,
  cite: (id: SourceId) => string,
): string {
  const screen = result.redFlags;
  const lines = [
    heading(screen.referral ? "Referral needed — read this first" : "Red-flag screen"),
  ];
  if (screen.referral && screen.urgency) {
    lines.push(wrap(`${URGENCY_ACTION[screen.urgency]}.`, 2, "!! "));
    for (const hit of screen.hits) {
      const why = audience === "runner" ? hit.flag.plainReason : hit.flag.reason;
      const label = audience === "runner" ? "" : ` (${hit.flag.urgency}): ${hit.because}`;
      lines.push(wrap(`${hit.flag.title}${label}. ${why} ${cite(hit.flag.source)}`, 2, "- "));
      lines.push(wrap(hit.meanwhile, 4));
    }
    lines.push(
      wrap(
        "No exercise programme, no strength or hopping tests, and no other findings until a professional has seen the knee.",
        2,
      ),
    );
  } else {
    lines.push(wrap("No red flag raised.", 2));
  }
  for (const yes of screen.notRaised)
    lines.push(
      wrap(`Answered yes, no flag raised: ${yes.answer}, because ${yes.reason}.`, 2, "· "),
    );
  if (screen.unanswered.length > 0) {
    lines.push(wrap("Not yet answered (ask before treating):", 2));
    for (const flag of screen.unanswered) lines.push(wrap(flag.question, 4, "? "));
  }
  for (const advice of screen.advice) lines.push(wrap(advice, 2, "· "));
  return lines.join("\n");
}

function conditionSection(result: AssessmentResult, cite: (id: SourceId) => string): string {
  if (result.likelyConditions.length === 0) return "";
  return [
    heading("Where it hurts"),
    ...result.likelyConditions.map((c) => wrap(`${c.statement} ${cite(c.source)}`, 2, "- ")),
    wrap("A likely name from the pain's location, not a diagnosis.", 2),
  ].join("\n");
}

function findingsSection(
  findings: readonly Finding[],
  audience: Audience,
  cite: (id: SourceId) => string,
  progress?: AssessmentStep,
): string {
  const lines = [heading("Findings")];
  findings.forEach((f, i) => {
    lines.push("", `${i + 1}. ${f.title}${f.side ? ` (${f.side})` : ""}`);
    lines.push(wrap(f.label[audience], 3));
    const since = progress?.findings.find((p) => p.id === f.id);
    if (since) lines.push(wrap(`Since last time: ${since.statement}`, 3));
    lines.push(wrap(audience === "runner" ? f.plain : f.clinical, 3));
    if (f.status !== "undetermined") {
      // Supporting evidence first; the runner sees only what points towards the finding.
      const shown = [
        ...f.evidence.filter((e) => e.supports),
        ...(audience === "clinician" ? f.evidence.filter((e) => !e.supports) : []),
      ];
      for (const e of shown) {
        // A reference is a phrase of its own ("threshold 5.0° …"); a threshold is only the line.
        const numbers = [e.value, e.threshold ? `threshold ${e.threshold}` : "", e.reference]
          .filter(Boolean)
          .join("; ");
        lines.push(
          wrap(
            `${e.statement}${numbers ? ` (${numbers})` : ""} ${cite(e.source)}`,
            5,
            e.supports ? "+ " : "− ",
          ),
        );
      }
    }
    for (const step of f.next) lines.push(wrap(step, 5, "→ "));
  });
  return lines.join("\n");
}

function movementSection(result: AssessmentResult, cite: (id: SourceId) => string): string {
  const analyses = result.videoAnalyses.flatMap((v) => [
    wrap(
      `Video analysis (${v.task}${v.input ? `, ${v.input}` : ""}): measured under rules ${v.analysisRulesVersion}, judged now under rules ${v.judgedWithRulesVersion} with this clinic's movement thresholds.`,
      2,
      "· ",
    ),
    ...v.warnings.map((w) => wrap(`Warning: ${w.message}`, 4, "! ")),
    ...v.skipped.map((s) =>
      wrap(`Not judged: ${s.metric}${s.side ? ` (${s.side})` : ""}: ${s.reason}`, 4, "- "),
    ),
  ]);
  return [
    heading("Movement"),
    ...analyses,
    table(
      ["Task", "Sign", "Side", "Seen", "Measured", "By", "Confidence", "Source"],
      result.movement.map((m) => [
        m.task,
        m.sign,
        m.side ?? "",
        m.present ? "yes" : "no",
        m.measured ? `${formatNumber(m.measured.value, 1)} ${m.measured.unit}` : "",
        m.method,
        m.confidence,
        cite(m.source),
      ]),
    ),
  ].join("\n");
}

function loadSection(result: AssessmentResult, cite: (id: SourceId) => string): string {
  return [
    heading("Running load"),
    ...result.load.map((c) =>
      wrap(
        `${c.detail}${c.evaluated ? ` (threshold ${c.threshold})` : ""} ${cite(c.source)}`,
        2,
        c.triggered ? "! " : "- ",
      ),
    ),
  ].join("\n");
}

function questionnaireSection(result: AssessmentResult): string {
  const lines = [heading("Outcome questionnaires")];
  for (const q of result.questionnaires) {
    const latest = q.latest;
    lines.push(
      wrap(
        latest
          ? `${q.name}: ${formatNumber(latest.score, 1)} (range ${latest.range[0]}–${latest.range[1]}, ${latest.higherIsBetter ? "higher is better" : "lower is better"}) on ${latest.date}${latest.note ? ` — ${latest.note}` : ""}`
          : `${q.name}: not scorable — ${q.scores
              .map((s) => s.note)
              .filter(Boolean)
              .join("; ")}`,
        2,
        "- ",
      ),
    );
    if (q.fromFirst) lines.push(wrap(q.fromFirst.statement, 4));
  }
  return lines.join("\n");
}

/** What changed since the previous assessment, before the findings. */
export function progressSection(step: AssessmentStep, title = `Since ${step.from}`): string {
  const real = step.changes.filter((c) => c.judgement !== "no real change");
  const rest = step.changes.filter((c) => c.judgement === "no real change");
  return [
    heading(title),
    ...real.map((c) => wrap(c.statement, 2, c.judgement === "improved" ? "↑ " : "↓ ")),
    ...rest.map((c) => wrap(c.statement, 2, "= ")),
    ...(step.changes.length === 0 ? [wrap("No measure was taken both times.", 2)] : []),
  ].join("\n");
}

function notComputedSection(notComputed: readonly string[]): string {
  return [heading("Not computed"), ...notComputed.map((n) => wrap(n, 2, "- "))].join("\n");
}

/** One line that says where the assessment landed, before any detail. */
function summaryLine(result: AssessmentResult): string {
  const { referral, urgency } = result.redFlags;
  if (referral && urgency)
    return `\nIn short: ${URGENCY_ACTION[urgency].toLowerCase()} (red flag below). No programme is made.`;
  const likely = result.findings
    .filter((f) => f.status === "likely")
    .map((f) => `${f.title.toLowerCase()}${f.side ? ` (${f.side})` : ""}`);
  const possible = result.findings
    .filter((f) => f.status === "possible")
    .map((f) => f.title.toLowerCase());
  const words = [
    likely.length ? `likely ${joinWords(likely)}` : "",
    possible.length ? `possible ${joinWords(possible)}` : "",
  ].filter(Boolean);
  const moved = (result.progress?.findings ?? [])
    .filter((f) => f.from !== f.to)
    .map((f) => `${f.title.toLowerCase()} ${f.from} then, ${f.to} now`);
  const since = moved.length ? ` Since ${result.progress?.from}: ${moved.join("; ")}.` : "";
  return `\nIn short: ${words.length ? words.join("; ") : "no pattern stands out yet"}.${since}`;
}
