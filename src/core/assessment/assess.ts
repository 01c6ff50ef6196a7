import { DomainError, parseWith } from "../errors.js";
import type { Finding } from "../findings/finding.types.js";
import { explainFindings } from "../findings/findings.js";
import type { MovementEvidence } from "../movement/evidence.js";
import { judgeMeasurements, type SkippedMeasurement } from "../movement/judge-movement.js";
import { selfTestEvidence } from "../movement/self-tests.js";
import { type AssessmentStep, compareTwo } from "../retest/compare-assessments.js";
import { RULES_VERSION } from "../rules-version.js";
import type { EntryAnswers } from "../running/entry-criteria.js";
import { checkLoad } from "../running/load.js";
import type { LoadCheck } from "../running/load.types.js";
import { resolveSettings, type Settings } from "../settings.js";
import type { Laterality, Side } from "../side.js";
import { analyseStrength } from "../strength/strength.service.js";
import type { StrengthReport } from "../strength/strength.types.js";
import type { Person, Symptoms } from "../symptoms/intake.schema.js";
import { type LikelyCondition, likelyConditions } from "../symptoms/likely-condition.js";
import {
  type QuestionnaireSummary,
  summariseQuestionnaires,
} from "../symptoms/questionnaires/index.js";
import { type RedFlagScreen, screenRedFlags } from "../symptoms/red-flags.js";
import { type AssessmentInput, assessmentSchema } from "./assessment.schema.js";

/** A stored video analysis as this assessment judged it. */
export interface JudgedVideoAnalysis {
  task: string;
  input?: string;
  /** The rules version the measurements were taken with. */
  analysisRulesVersion: string;
  /** The rules version that judged them (this assessment's). */
  judgedWithRulesVersion: string;
  warnings: { code: string; message: string }[];
  /** How many evidence items the judgement gave. */
  evidence: number;
  /** Measurements the analysis withheld as implausible, with its reason: never judged. */
  skipped: SkippedMeasurement[];
}

/** Everything hipcheck concludes from one assessment, reproducible from the input and `rulesVersion`. */
export interface AssessmentResult {
  rulesVersion: string;
  assessedOn: string;
  person: Person;
  /** The red-flag screen. When `referral` is true it comes first and no programme is made. */
  redFlags: RedFlagScreen;
  /** false when a red flag asks for a professional first. */
  programmeAllowed: boolean;
  likelyConditions: LikelyCondition[];
  /** The side the treatment should favour: the painful or weaker side, when one stands out. */
  involvedSide?: Side;
  strength?: StrengthReport;
  movement: MovementEvidence[];
  /** Each video analysis judged here: its own rules version, this one, its warnings, what was not judged. */
  videoAnalyses: JudgedVideoAnalysis[];
  load: LoadCheck[];
  questionnaires: QuestionnaireSummary[];
  /** Empty while a red flag asks for a professional: no overuse label, no office tests, until seen. */
  findings: Finding[];
  /** What could not be computed from what was given, and why (unknown body mass, age, lever arm …). */
  notComputed: string[];
  /** What the runner can already do without pain, for the return-to-run start criteria. */
  readiness?: EntryAnswers;
  /** Against the previous assessment, when one was given: changes per measure, findings as progress. */
  progress?: AssessmentStep;
  /** The highest weekly distance in the history, km: the distance a plan rebuilds towards. */
  usualWeeklyKm?: number;
  settings: Settings;
}

/**
 * Validates an assessment (parsed JSON or YAML) and assesses it. Throws InputError naming every
 * bad field. With `previous` (an earlier assessment of the same runner) the result carries the
 * progress since then.
 */
export function assess(raw: unknown, previous?: AssessmentResult): AssessmentResult {
  const result = assessInput(parseWith(assessmentSchema, raw, "assessment"));
  if (!previous) return result;
  if (previous.assessedOn > result.assessedOn)
    throw new DomainError(
      `The previous assessment (${previous.assessedOn}) is dated after this one (${result.assessedOn}).`,
    );
  return { ...result, progress: compareTwo(previous, result) };
}

/** Assesses an already-validated input. Pure and deterministic. */
export function assessInput(input: AssessmentInput): AssessmentResult {
  // Distances are shown in the unit the runner entered them in, unless the clinic says otherwise.
  const settings = resolveSettings({
    ...input.settings,
    load: {
      ...(input.training ? { distanceUnit: input.training.distanceUnit } : {}),
      ...input.settings?.load,
    },
  });
  const { person, symptoms } = input;
  const painSide = painLaterality(symptoms);
  const redFlags = screenRedFlags({ answers: input.redFlags, person, symptoms });
  const strength = input.strength
    ? analyseStrength(input.strength.tests, {
        bodyMassKg: person.bodyMassKg,
        age: person.age,
        sex: person.sex,
        ...(painSide ? { painSide } : {}),
        settings: settings.strength,
      })
    : undefined;
  // Stored video measurements are judged now, with this clinic's thresholds and these rules.
  const videoAnalyses = (input.videoAnalyses ?? []).map((analysis) => ({
    analysis,
    judged: judgeMeasurements(analysis.measurements, settings.movement),
  }));
  const movement = [
    ...(input.selfTests ? selfTestEvidence(input.selfTests) : []),
    ...(input.movement ?? []),
    ...videoAnalyses.flatMap((v) => v.judged.evidence),
  ];
  const load = input.training ? checkLoad(input.training, settings.load) : [];
  const findings = explainFindings({
    ...(painSide ? { painSide } : {}),
    painAreas: symptoms.pain.locations.map((l) => l.area),
    ...(symptoms.sittingHoursPerDay !== undefined
      ? { sittingHoursPerDay: symptoms.sittingHoursPerDay }
      : {}),
    aggravators: symptoms.aggravators,
    ...(strength ? { strength } : {}),
    movement,
    load,
    settings,
  });
  // A red flag owns the result: no overuse label or office test next to a possible fracture.
  const referral = redFlags.referral;
  const involvedSide = chooseInvolvedSide(painSide, findings);
  const usualWeeklyKm = Math.max(0, ...(input.training?.weeklyDistanceKm ?? []));
  return {
    rulesVersion: RULES_VERSION,
    assessedOn: input.assessedOn,
    person,
    redFlags,
    programmeAllowed: !referral,
    likelyConditions: referral ? [] : likelyConditions(symptoms.pain),
    ...(involvedSide ? { involvedSide } : {}),
    ...(strength ? { strength } : {}),
    movement,
    videoAnalyses: videoAnalyses.map(({ analysis, judged }) => ({
      task: analysis.task,
      ...(analysis.input ? { input: analysis.input } : {}),
      analysisRulesVersion: analysis.rulesVersion,
      judgedWithRulesVersion: RULES_VERSION,
      warnings: analysis.warnings,
      evidence: judged.evidence.length,
      skipped: judged.skipped,
    })),
    load,
    questionnaires: summariseQuestionnaires(input.questionnaires ?? []),
    findings: referral ? [] : findings,
    notComputed: [...personNotComputed(person), ...(strength?.notComputed ?? [])],
    ...(input.readiness ? { readiness: input.readiness } : {}),
    ...(usualWeeklyKm ? { usualWeeklyKm } : {}),
    settings,
  };
}

/** What an unknown personal detail keeps from being computed. */
function personNotComputed(person: Person): string[] {
  const out: string[] = [];
  if (person.age === undefined)
    out.push(
      "Age unknown: age-dependent red flags are worded for every age, the Ottawa age criterion stays unanswered, and the hip abduction reference equation (which needs age) is not applied.",
    );
  if (person.sex === undefined)
    out.push(
      "Sex unknown: reference values are judged against the female and the male values together, without a z-score.",
    );
  return out;
}

/** The side(s) where the knee hurts, or undefined when it does not hurt now. */
function painLaterality(symptoms: Symptoms): Laterality | undefined {
  const sides = new Set(symptoms.pain.locations.map((l) => l.side));
  if (sides.size === 0) return undefined;
  if (sides.has("both") || (sides.has("left") && sides.has("right"))) return "both";
  return sides.has("left") ? "left" : "right";
}

/** One painful knee decides; with both or none, the side of the hip finding does. */
function chooseInvolvedSide(
  painSide: Laterality | undefined,
  findings: readonly Finding[],
): Side | undefined {
  if (painSide === "left" || painSide === "right") return painSide;
  return findings.find((f) => f.id === "hip-driven-knee-pain")?.side;
}
