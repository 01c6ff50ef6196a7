/**
 * The plan file that `hipcheck plan --json` writes and `hipcheck progress` reads back. A file
 * read back may have been edited by hand, so every part the decisions use is checked like any
 * input: a pain limit of "three" or a negative number of weeks would otherwise turn into
 * "NaN/10" or a false "stop and see a professional".
 */
import { z } from "zod";
import { loadSettingsSchema, painSettingsSchema } from "../assessment/assessment.schema.js";
import { DATE_RANGE_TEXT, isCalendarDate } from "../calendar-date.js";
import { parseWith } from "../errors.js";
import { isExerciseId } from "../exercises/library.js";
import { runProgressionSchema } from "../running/run-settings.schema.js";
import type { Programme } from "./programme.types.js";

/** What `plan --json` writes and `progress` reads. */
export interface PlanFile {
  format: "hipcheck-plan";
  version: 1;
  assessedOn: string;
  programme: Programme;
}

const date = z
  .string({ error: "expected a date written YYYY-MM-DD" })
  .refine(isCalendarDate, `expected a real date written YYYY-MM-DD, ${DATE_RANGE_TEXT}`);
const count = (min: number, max: number) => z.number().int().min(min).max(max);
const minutes = z.number().min(0).max(600);
const range = (max: number) =>
  z
    .tuple([z.number().min(0).max(max), z.number().min(0).max(max)])
    .refine(([a, b]) => a <= b, "the first number of a range must not be above the second");

const levelSchema = z.looseObject({
  id: z.string(),
  level: count(0, 30),
  label: z.string(),
  intervals: z.looseObject({
    walkMin: minutes,
    runMin: minutes,
    repeats: count(1, 20),
  }),
  totalMin: minutes,
  runMin: minutes,
  minSessions: count(1, 10),
});

const prescriptionSchema = z.looseObject({
  exercise: z.string().refine(isExerciseId, "not an exercise of the library"),
  sets: count(1, 20),
  reps: range(200).optional(),
  seconds: range(600).optional(),
});

const sessionSchema = z.looseObject({
  date,
  strength: z.array(prescriptionSchema),
  stretching: z.array(prescriptionSchema),
  aroundRun: z.array(prescriptionSchema),
});

const planFileSchema = z.object({
  format: z.literal("hipcheck-plan", {
    error: 'not a hipcheck plan: make one with "hipcheck plan --json"',
  }),
  version: z.literal(1, { error: "plan file version 1 expected" }),
  assessedOn: date,
  programme: z.looseObject({
    start: date,
    end: date,
    runPlan: z.looseObject({
      startLevel: count(0, 30),
      levels: z.array(levelSchema).min(1, "the run plan needs at least one level"),
      distanceBuild: z.looseObject({ targetWeeklyKm: z.number().positive().max(500) }).optional(),
    }),
    runSettings: z.object({
      load: loadSettingsSchema,
      pain: painSettingsSchema,
      run: runProgressionSchema,
    }),
    sessions: z.array(sessionSchema).min(1, "the plan has no sessions"),
  }),
});

/** Validates a plan file read back; throws InputError naming every bad field. */
export function parsePlanFile(data: unknown, subject: string): PlanFile {
  parseWith(planFileSchema, data, subject);
  // The checked parts are what the decisions read; the rest is hipcheck's own output, kept as is.
  return data as PlanFile;
}
