import { type AssessmentResult, assess } from "../../core/assessment/assess.js";
import { assessmentSchema } from "../../core/assessment/assessment.schema.js";
import { DomainError, InputError, parseWith, prefixIssues } from "../../core/errors.js";
import type { Equipment } from "../../core/exercises/exercise.types.js";
import { isExerciseId } from "../../core/exercises/library.js";
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

/**
 * The one place the server calls the clinical core: validation, assessment, programme,
 * progression and pain trend. Pure functions in, plain data out; storage is the caller's.
 */

export type { AssessmentResult, Programme, ProgressReport, TrainingLogEntry };
export { RULES_VERSION };

/** Checks the sections present in a partial assessment (an intake filled in step by step). */
export function checkDraftAssessment(input: unknown): void {
  parseWith(assessmentSchema.partial(), input, "assessment");
}

/** Assesses a complete input with the current rules; InputError names every missing or bad field. */
export function assessInput(input: unknown): AssessmentResult {
  return assess(input);
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

// Built once: making a zod schema is costly, parsing with a built one is cheap.
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

/** The vocabularies an upload form chooses from: dynamometer tests and body positions. */
export {
  STRENGTH_POSITIONS,
  STRENGTH_TEST_NAMES,
} from "../../core/strength/strength.types.js";
