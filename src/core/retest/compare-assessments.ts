import type { AssessmentResult } from "../assessment/assess.js";
import { DomainError } from "../errors.js";
import type { FindingId, FindingStatus } from "../findings/finding.types.js";
import { RULES_VERSION } from "../rules-version.js";
import { compareScores } from "../symptoms/questionnaires/index.js";
import { type MeasureChange, strengthChanges } from "./strength-change.js";

export type { MeasureChange } from "./strength-change.js";

/** How a finding moved between two assessments. */
export interface FindingProgress {
  id: FindingId;
  title: string;
  from: FindingStatus;
  to: FindingStatus;
  /** The finding worded as progress, e.g. "was likely on 2026-11-20, now unlikely: …". */
  statement: string;
}

/** One step between two consecutive assessments. */
export interface AssessmentStep {
  from: string;
  to: string;
  changes: MeasureChange[];
  findings: FindingProgress[];
}

/** Two or more assessments of one runner compared, oldest first. */
export interface AssessmentComparison {
  rulesVersion: string;
  dates: string[];
  /** First assessment → last. */
  overall: AssessmentStep;
  /** Each assessment → the next (one step when two are given). */
  steps: AssessmentStep[];
}

/**
 * Compares assessments of one runner, oldest first: per measure the change and whether it is
 * more than a retest shows by chance (strength: thorborg-2010) or matters to patients
 * (questionnaires: their MCIDs), and each finding worded as progress. Throws DomainError with
 * fewer than two, or dates out of order.
 */
export function compareAssessments(results: readonly AssessmentResult[]): AssessmentComparison {
  if (results.length < 2)
    throw new DomainError(`A comparison needs at least two assessments, got ${results.length}.`);
  results.forEach((r, i) => {
    const previous = results[i - 1];
    if (previous && r.assessedOn < previous.assessedOn)
      throw new DomainError(
        `Assessments must be given oldest first: ${r.assessedOn} comes after ${previous.assessedOn}.`,
      );
  });
  const first = results[0] as AssessmentResult;
  const last = results[results.length - 1] as AssessmentResult;
  return {
    rulesVersion: RULES_VERSION,
    dates: results.map((r) => r.assessedOn),
    overall: compareTwo(first, last),
    steps: results.slice(1).map((r, i) => compareTwo(results[i] as AssessmentResult, r)),
  };
}

/** One assessment against the one before it. */
export function compareTwo(before: AssessmentResult, after: AssessmentResult): AssessmentStep {
  const changes = [
    ...strengthChanges(before.strength, after.strength, after.settings.strength.lsiDeficitPercent),
    ...questionnaireChanges(before, after),
  ];
  return {
    from: before.assessedOn,
    to: after.assessedOn,
    changes,
    findings: findingProgress(before, after, changes),
  };
}

function questionnaireChanges(before: AssessmentResult, after: AssessmentResult): MeasureChange[] {
  const out: MeasureChange[] = [];
  for (const a of before.questionnaires) {
    const b = after.questionnaires.find((q) => q.instrument === a.instrument);
    if (!a.latest || !b?.latest || b.latest.date < a.latest.date) continue;
    const c = compareScores(a.latest, b.latest);
    out.push({
      measure: c.shortName,
      kind: "questionnaire",
      unit: "points",
      from: c.from.score,
      to: c.to.score,
      change: c.change,
      threshold: { kind: "mcid", value: c.mcid.points, unit: "points", source: c.mcid.source },
      exceeds: c.judgement !== "no meaningful change",
      judgement: c.judgement === "no meaningful change" ? "no real change" : c.judgement,
      statement: c.statement,
    });
  }
  return out;
}

const STATUS_WORD: Record<FindingStatus, string> = {
  likely: "likely",
  possible: "possible",
  unlikely: "unlikely",
  undetermined: "undetermined",
};

function findingProgress(
  before: AssessmentResult,
  after: AssessmentResult,
  changes: readonly MeasureChange[],
): FindingProgress[] {
  const out: FindingProgress[] = [];
  const strengthWords = changes
    .filter((c) => c.kind === "lsi" && c.judgement !== "no real change")
    .map((c) => c.statement.replace(/\.$/, ""))
    .map((w) => `${w[0]?.toLowerCase() ?? ""}${w.slice(1)}`);
  for (const a of before.findings) {
    if (a.id === "not-enough-data") continue;
    const b = after.findings.find((f) => f.id === a.id);
    if (!b) continue;
    const why =
      a.id === "hip-driven-knee-pain" || a.id === "knee-strength-deficit"
        ? strengthWords.filter((w) =>
            a.id === "hip-driven-knee-pain" ? /hip/.test(w) : /knee/.test(w),
          )
        : [];
    const moved =
      a.status === b.status
        ? `${STATUS_WORD[b.status]} on ${before.assessedOn} and still ${STATUS_WORD[b.status]}`
        : `was ${STATUS_WORD[a.status]} on ${before.assessedOn}, now ${STATUS_WORD[b.status]}`;
    out.push({
      id: a.id,
      title: a.title,
      from: a.status,
      to: b.status,
      statement: `${a.title}: ${moved}${why.length ? `: ${why.join("; ")}` : ""}.`,
    });
  }
  return out;
}
