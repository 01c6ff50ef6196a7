import { z } from "zod";
import { DATE_RANGE_TEXT, isCalendarDate } from "../calendar-date.js";
import { parseWith } from "../errors.js";
import { as, type Kilometres, type PainScore, toKilometres } from "../units.js";
import type {
  ExerciseLog,
  RunLogEntry,
  RunSessionLog,
  StrengthLogEntry,
  TrainingLogEntry,
} from "./logs.types.js";

// Whole numbers are checked with a refinement, not .int(): zod reports .int() as a type error,
// whose wording the shared parseWith replaces with its own.

/** Longest single run the log accepts, km: beyond this a typo is likelier than a run. */
export const MAX_RUN_KM = 100;
/** Highest plan level the log accepts (templates are about 10 levels long). */
export const MAX_LEVEL = 30;

export interface LogsSchemaOptions {
  /** Whether an id names an exercise in the library (the library lives elsewhere). */
  isKnownExercise: (id: string) => boolean;
}

const shown = (value: unknown): string =>
  typeof value === "string" ? JSON.stringify(value) : String(value);

/** Pain on the 0–10 scale, with the field named in words in the message. */
const pain = (what: string) =>
  z
    .number()
    .min(0, {
      error: (issue) => `${what} must be between 0 and 10 (0 = no pain); got ${shown(issue.input)}`,
    })
    .max(10, {
      error: (issue) =>
        `${what} must be between 0 and 10 (10 = worst imaginable); got ${shown(issue.input)}`,
    })
    .transform((value) => as<PainScore>(value));

/** A YAML parser may hand over a date as a Date at midnight UTC: keep its calendar day. */
const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

const dateField = z.unknown().transform((value, ctx): string => {
  const text = value instanceof Date && !Number.isNaN(value.getTime()) ? isoDay(value) : value;
  if (typeof text === "string" && isCalendarDate(text)) return text;
  ctx.addIssue({
    code: "custom",
    message:
      value === undefined
        ? "date is required, written YYYY-MM-DD (e.g. 2026-12-02)"
        : `date must be a calendar date written YYYY-MM-DD ${DATE_RANGE_TEXT} (e.g. 2026-12-02); got ${shown(value)}`,
  });
  return z.NEVER;
});

const runSession = z
  .object({
    level: z
      .number()
      .refine(Number.isInteger, {
        error:
          "level must be a whole number: 0 for the walking block, 1 and up for walk/run levels",
      })
      .min(0, {
        error: (i) => `level must be from 0 (walking block) to ${MAX_LEVEL}; got ${shown(i.input)}`,
      })
      .max(MAX_LEVEL, {
        error: (i) => `level must be from 0 (walking block) to ${MAX_LEVEL}; got ${shown(i.input)}`,
      })
      .optional(),
    durationMin: z
      .number()
      .gt(0, {
        error: (i) =>
          `session duration must be more than 0 and at most 300 minutes; got ${shown(i.input)}`,
      })
      .max(300, {
        error: (i) =>
          `session duration must be more than 0 and at most 300 minutes; got ${shown(i.input)}`,
      })
      .optional(),
    distance: z
      .number()
      .gt(0, {
        error: (i) =>
          `run distance must be more than 0 (up to ${MAX_RUN_KM} km); got ${shown(i.input)}`,
      })
      .optional(),
    distanceUnit: z.enum(["km", "mi"]).default("km"),
    painDuring: pain("pain during the run"),
    painAfter: pain("pain after the run").optional(),
    painNextMorning: pain("pain the next morning").optional(),
    swelling: z.boolean().default(false),
    limp: z.boolean().default(false),
    stiffness: z.boolean().default(false),
    notes: z.string().max(1000, { error: "notes must be at most 1000 characters" }).optional(),
  })
  .strict()
  .superRefine((run, ctx) => {
    if (run.distance !== undefined && toKilometres(run.distance, run.distanceUnit) > MAX_RUN_KM) {
      ctx.addIssue({
        code: "custom",
        path: ["distance"],
        message: `run distance must be at most ${MAX_RUN_KM} km (62 mi); got ${run.distance} ${run.distanceUnit}`,
      });
    }
  })
  .transform((run): RunSessionLog => {
    const { distance, distanceUnit, ...rest } = run;
    const out: RunSessionLog = { ...dropUndefined(rest) };
    if (distance !== undefined)
      out.distanceKm = as<Kilometres>(toKilometres(distance, distanceUnit));
    return out;
  });

/** Removes keys whose value is undefined, so optional fields are absent rather than undefined. */
function dropUndefined<T extends object>(value: T): T {
  const out: Partial<T> = {};
  for (const key in value) if (value[key] !== undefined) out[key] = value[key];
  return out as T;
}

function exerciseSchema(options: LogsSchemaOptions) {
  return z
    .object({
      exercise: z
        .string()
        .min(1, { error: "exercise is required: an id from the exercise library" })
        .refine((id) => options.isKnownExercise(id), {
          error: (i) => `unknown exercise ${shown(i.input)}: use an id from the exercise library`,
        }),
      side: z.enum(["left", "right", "both"]).optional(),
      sets: z
        .number()
        .refine(Number.isInteger, { error: "sets must be a whole number" })
        .min(1, { error: (i) => `sets must be between 1 and 20; got ${shown(i.input)}` })
        .max(20, { error: (i) => `sets must be between 1 and 20; got ${shown(i.input)}` }),
      reps: z
        .number()
        .refine(Number.isInteger, { error: "reps must be a whole number" })
        .min(1, { error: (i) => `reps must be between 1 and 200 per set; got ${shown(i.input)}` })
        .max(200, { error: (i) => `reps must be between 1 and 200 per set; got ${shown(i.input)}` })
        .optional(),
      durationSec: z
        .number()
        .gt(0, {
          error: (i) =>
            `durationSec must be more than 0 and at most 600 seconds per set; got ${shown(i.input)}`,
        })
        .max(600, {
          error: (i) =>
            `durationSec must be more than 0 and at most 600 seconds per set; got ${shown(i.input)}`,
        })
        .optional(),
      load: z
        .string()
        .max(80, { error: 'load must be a short description such as "light band" or "5 kg"' })
        .optional(),
      effort: z
        .number()
        .min(0, {
          error: (i) =>
            `effort (RPE) must be between 0 (rest) and 10 (maximal); got ${shown(i.input)}`,
        })
        .max(10, {
          error: (i) =>
            `effort (RPE) must be between 0 (rest) and 10 (maximal); got ${shown(i.input)}`,
        }),
      pain: pain("pain during the exercise"),
    })
    .strict()
    .superRefine((entry, ctx) => {
      if (entry.reps === undefined && entry.durationSec === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["reps"],
          message: "give reps (repetitions per set) or durationSec (seconds per set)",
        });
      }
    })
    .transform((entry): ExerciseLog => dropUndefined(entry));
}

/** The logs file schema: `{ logs: [...] }`, strict, entries in date order. */
export function logsSchema(options: LogsSchemaOptions) {
  const runEntry = z
    .object({ date: dateField, type: z.literal("run"), run: runSession })
    .strict()
    .transform((entry): RunLogEntry => entry);
  const strengthEntry = z
    .object({
      date: dateField,
      type: z.literal("strength"),
      exercises: z
        .array(exerciseSchema(options))
        .min(1, { error: "a strength entry needs at least one exercise" }),
      notes: z.string().max(1000, { error: "notes must be at most 1000 characters" }).optional(),
    })
    .strict()
    .transform((entry): StrengthLogEntry => dropUndefined(entry));
  const entry = z.discriminatedUnion("type", [runEntry, strengthEntry], {
    error: (i) => (i.code === "invalid_union" ? 'type must be "run" or "strength"' : undefined),
  });
  return z
    .object({
      logs: z.array(entry).superRefine(checkDateOrder, { when: () => true }),
    })
    .strict();
}

/**
 * Entries must be in date order. Runs even when some entries have other problems (`when`),
 * so one pass reports everything; entries whose date is itself invalid are skipped.
 */
function checkDateOrder(entries: unknown[], ctx: z.RefinementCtx): void {
  let previous: { index: number; date: string } | undefined;
  entries.forEach((entry, index) => {
    const raw =
      typeof entry === "object" && entry !== null && "date" in entry ? entry.date : undefined;
    const date = raw instanceof Date && !Number.isNaN(raw.getTime()) ? isoDay(raw) : raw;
    if (typeof date !== "string" || !isCalendarDate(date)) return;
    if (previous && date < previous.date) {
      ctx.addIssue({
        code: "custom",
        path: [index, "date"],
        message: `entries must be in date order: logs[${index}] is dated ${date}, before logs[${previous.index}] (${previous.date}) above it`,
      });
      return;
    }
    previous = { index, date };
  });
}

/**
 * Validates a parsed logs file (YAML or JSON already turned into data). Distances come out
 * in km. Throws InputError listing every problem with its field path, e.g. `logs[2].run.painDuring`.
 */
export function parseLogs(data: unknown, options: LogsSchemaOptions): TrainingLogEntry[] {
  return parseWith(logsSchema(options), data, "training log").logs;
}
