import type { AssessmentResult } from "../core/assessment/assess.js";
import type { Finding, FindingStatus } from "../core/findings/finding.types.js";
import { formatNumber, joinWords } from "../core/format.js";
import { SOURCES, type SourceId } from "../core/sources.js";
import { URGENCY_ACTION } from "../core/symptoms/red-flags.js";
import { strengthSection } from "./strength-text.js";
import { heading, table, wrap } from "./text-layout.js";

export type Audience = "clinician" | "runner";

const STATUS_LABEL: Record<FindingStatus, string> = {
  likely: "LIKELY",
  possible: "POSSIBLE",
  unlikely: "UNLIKELY",
  undetermined: "UNDETERMINED",
};

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
  const p = result.person;
  const parts = [
    `hipcheck assessment · ${result.assessedOn} · rules ${result.rulesVersion}`,
    `${p.name ? `${p.name}, ` : ""}${p.sex}, ${p.age} years, ${formatNumber(p.bodyMassKg, 1)} kg, ${p.heightCm} cm`,
    summaryLine(result),
    redFlagSection(result, cite),
    conditionSection(result, cite),
    findingsSection(result.findings, audience, cite),
  ];
  if (result.strength) parts.push(strengthSection(result.strength));
  if (result.movement.length > 0) parts.push(movementSection(result, cite));
  if (result.load.length > 0) parts.push(loadSection(result, cite));
  if (result.questionnaires.length > 0) parts.push(questionnaireSection(result));
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

function redFlagSection(result: AssessmentResult, cite: (id: SourceId) => string): string {
  const screen = result.redFlags;
  const lines = [
    heading(screen.referral ? "Referral needed — read this first" : "Red-flag screen"),
  ];
  if (screen.referral && screen.urgency) {
    lines.push(wrap(`${URGENCY_ACTION[screen.urgency]}.`, 2, "!! "));
    for (const hit of screen.hits)
      lines.push(
        wrap(
          `${hit.flag.title} (${hit.flag.urgency}): ${hit.because}. ${hit.flag.reason} ${cite(hit.flag.source)}`,
          2,
          "- ",
        ),
      );
    lines.push(wrap("No exercise programme is made until a professional has seen the knee.", 2));
  } else {
    lines.push(wrap("No red flag raised.", 2));
  }
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
): string {
  const lines = [heading("Findings")];
  findings.forEach((f, i) => {
    const confidence =
      f.confidence.considered === 0
        ? ""
        : ` · confidence ${f.confidence.level} (${f.confidence.agreeing} of ${f.confidence.considered} signs agree)`;
    lines.push(
      "",
      `${i + 1}. ${f.title}${f.side ? ` (${f.side})` : ""} — ${STATUS_LABEL[f.status]}${confidence}`,
    );
    lines.push(wrap(audience === "runner" ? f.plain : f.clinical, 3));
    if (f.status !== "undetermined") {
      // Supporting evidence first; the runner sees only what points towards the finding.
      const shown = [
        ...f.evidence.filter((e) => e.supports),
        ...(audience === "clinician" ? f.evidence.filter((e) => !e.supports) : []),
      ];
      for (const e of shown) {
        const numbers = [e.value, e.threshold ? `threshold ${e.threshold}` : ""]
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
  return [
    heading("Movement"),
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

/** One line that says where the assessment landed, before any detail. */
function summaryLine(result: AssessmentResult): string {
  if (result.redFlags.referral)
    return "\nIn short: see a professional first (red flag below). No programme is made.";
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
  return `\nIn short: ${words.length ? words.join("; ") : "no pattern stands out yet"}.`;
}
