import { z } from "zod";
import { type AssessmentResult, assess } from "../../core/assessment/assess.js";
import { type AssessmentInput, assessmentSchema } from "../../core/assessment/assessment.schema.js";
import { DomainError, InputError, parseWith, prefixIssues } from "../../core/errors.js";
import type { Equipment } from "../../core/exercises/exercise.types.js";
import { isExerciseId } from "../../core/exercises/library.js";
import {
  movementMeasurementSchema,
  type VideoAnalysisInput,
} from "../../core/movement/measurements.schema.js";
import { generateProgramme, prescribedExercises } from "../../core/program/programme.js";
import type { Programme } from "../../core/program/programme.types.js";
import {
  type AssessmentComparison,
  compareAssessments,
} from "../../core/retest/compare-assessments.js";
import { RULES_VERSION } from "../../core/rules-version.js";
import { logsSchema } from "../../core/running/logs.schema.js";
import type { TrainingLogEntry } from "../../core/running/logs.types.js";
import {
  assessPainTrend,
  sessionPeakPain,
  weeklyPainTrend,
} from "../../core/running/pain-monitoring.js";
import { decideNext, type ProgressReport } from "../../core/running/progression.js";
import { DEFAULT_RUN_PLAN_SETTINGS } from "../../core/running/run-settings.js";
import {
  compareScores,
  INSTRUMENT_IDS,
  type InstrumentId,
  type QuestionnaireResponse,
  questionnaireResponseSchema,
  scoreQuestionnaire,
} from "../../core/symptoms/questionnaires/index.js";

/**
 * The one place the server calls the clinical core: validation, assessment, programme,
 * progression and pain trend. Pure functions in, plain data out; storage is the caller's.
 */

export type {
  AssessmentInput,
  AssessmentResult,
  InstrumentId,
  Programme,
  ProgressReport,
  QuestionnaireResponse,
  TrainingLogEntry,
};
export { INSTRUMENT_IDS, RULES_VERSION };

// Built once: making a zod schema is costly, parsing with a built one is cheap.
const DRAFT_SCHEMA = assessmentSchema.partial();

/** Checks the sections present in a partial assessment (an intake filled in step by step). */
export function checkDraftAssessment(input: unknown): void {
  parseDraftAssessment(input);
}

/**
 * Assesses a complete input with the current rules; InputError names every missing or bad field.
 * With the previous assessment, each finding is also worded against it (`progress`).
 */
export function assessInput(input: unknown, previous?: AssessmentResult): AssessmentResult {
  return assess(input, previous);
}

/** A complete input, validated and converted (N, m, kg, km) as the core reads it. */
export function parseAssessment(input: unknown): AssessmentInput {
  return parseWith(assessmentSchema, input, "assessment");
}

/** The sections present in a partial input, validated and converted as the core reads them. */
export function parseDraftAssessment(input: unknown): Partial<AssessmentInput> {
  return parseWith(DRAFT_SCHEMA, input, "assessment");
}

/** A retest against the earlier assessments, oldest first (at least two; else DomainError). */
export function compareResults(results: readonly AssessmentResult[]): AssessmentComparison {
  return compareAssessments(results);
}

export interface ProgrammeOptions {
  start: string;
  daysPerWeek: number;
  minutesPerSession: number;
  weeks?: number;
  equipment: Equipment[];
}

/** A dated programme from an assessment; a red flag refuses it (DomainError, said plainly). */
export function makeProgramme(result: AssessmentResult, options: ProgrammeOptions): Programme {
  if (!result.programmeAllowed)
    throw new DomainError(
      "a red flag asks for a professional first: no programme is made until a clinician has seen the knee",
    );
  return generateProgramme({
    assessment: result,
    availability: {
      daysPerWeek: options.daysPerWeek,
      minutesPerSession: options.minutesPerSession,
      equipment: options.equipment,
    },
    start: options.start,
    ...(options.weeks ? { weeks: options.weeks } : {}),
  });
}

const LOGS_SCHEMA = logsSchema({ isKnownExercise: isExerciseId });

/** Validates stored log entries (as entered, in date order) as the core reads a log file. */
export function parseLogEntries(entries: readonly unknown[]): TrainingLogEntry[] {
  return parseWith(LOGS_SCHEMA, { logs: entries }, "training log").logs;
}

/** Validates one training-log entry (a run or a strength session) as the core reads logs. */
export function parseLogEntry(entry: unknown): TrainingLogEntry {
  try {
    const [parsed] = parseLogEntries([entry]);
    if (!parsed) throw new DomainError("the log entry is empty");
    return parsed;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // The core names paths in a log file (`logs[0].run`); here the entry is the request's `entry`.
    const issues = error.issues.map((i) => ({ ...i, path: i.path.replace(/^logs\[0\]\.?/, "") }));
    throw new InputError(prefixIssues("entry", issues), "log entry");
  }
}

/** The worst pain of a session, 0–10 (for dashboards). */
export function peakPain(entry: TrainingLogEntry): number {
  return sessionPeakPain(entry);
}

/** The decision for the next run and each exercise, from the programme and its logs. */
export function decideNextSessions(
  programme: Programme,
  logs: readonly TrainingLogEntry[],
): ProgressReport {
  return decideNext(
    { run: programme.runPlan, exercises: prescribedExercises(programme) },
    logs,
    programme.runSettings,
  );
}

/** Weekly pain and whether it is worsening or persisting, for the runner's dashboard. */
export function painTrend(logs: readonly TrainingLogEntry[], programme?: Programme) {
  const settings = programme?.runSettings ?? DEFAULT_RUN_PLAN_SETTINGS;
  const weeks = weeklyPainTrend(logs, settings);
  return { weeks, ...assessPainTrend(weeks, settings) };
}

/**
 * Checks one questionnaire response as the core reads an assessment's `questionnaires` (every
 * wrong answer named: `answers.3`) and scores it; one that cannot be scored (too many blanks)
 * is refused with the instrument's missing-item rule.
 */
export function scoreResponse(raw: unknown): { response: QuestionnaireResponse; score: number } {
  const response = parseWith(questionnaireResponseSchema, raw, "questionnaire response");
  const scored = scoreQuestionnaire(response);
  if (!scored.valid) throw new InputError([{ path: "answers", message: scored.note }]);
  return { response, score: scored.score };
}

/**
 * The latest score of one instrument and its change from the one before, both scored again with
 * the current rules and judged against the instrument's minimal important change.
 */
export function scoreTrend(latest: QuestionnaireResponse, previous?: QuestionnaireResponse) {
  const now = scoreQuestionnaire(latest);
  if (!now.valid) return undefined;
  const base = {
    instrument: now.instrument,
    shortName: now.shortName,
    range: now.range,
    higherIsBetter: now.higherIsBetter,
    latest: { date: now.date, score: now.score },
  };
  const before = previous ? scoreQuestionnaire(previous) : undefined;
  if (!before?.valid)
    return {
      ...base,
      previous: null,
      change: null,
      judgement: null,
      statement: `${now.shortName} ${now.score} on ${now.date}; the change shows from the next one.`,
    };
  const compared = compareScores(before, now);
  return {
    ...base,
    previous: compared.from,
    change: compared.change,
    judgement: compared.judgement,
    statement: compared.statement,
  };
}

/** What the video job stores of an analysis and what an assessment needs of it. */
const storedAnalysisSchema = z.looseObject({
  rulesVersion: z.string().min(1),
  analysis: z.looseObject({
    kind: z.enum(["running", "single-leg-squat", "single-leg-stance"]),
    warnings: z.array(z.looseObject({ code: z.string(), message: z.string() })).default([]),
  }),
  measurements: z.array(movementMeasurementSchema),
});

/**
 * A finished analysis's measurements as an assessment's `videoAnalyses` entry, judged when the
 * assessment runs. Refused (DomainError) when nothing in it can be judged: every measurement
 * withheld as implausible, or none made.
 */
export function videoAnalysisOf(stored: unknown, source: string): VideoAnalysisInput {
  const parsed = storedAnalysisSchema.safeParse(stored);
  if (!parsed.success)
    throw new DomainError(
      "this analysis holds no measurements an assessment can judge: analyse the video again",
    );
  const { rulesVersion, analysis, measurements } = parsed.data;
  if (!measurements.some((m) => m.withheld === undefined)) {
    const reasons = [...new Set(measurements.flatMap((m) => (m.withheld ? [m.withheld] : [])))];
    throw new DomainError(
      reasons.length > 0
        ? `every measurement of this analysis was withheld as implausible, so it adds nothing to an assessment: ${reasons.join(" ")}`
        : "this analysis measured nothing (no steps or repetitions were found): film again as the guide says",
    );
  }
  return {
    rulesVersion,
    task: analysis.kind,
    measurements,
    warnings: analysis.warnings.map(({ code, message }) => ({ code, message })),
    input: source,
  };
}
/** The vocabularies an upload form chooses from: dynamometer tests and body positions. */
export {
  STRENGTH_POSITIONS,
  STRENGTH_TEST_NAMES,
} from "../../core/strength/strength.types.js";
