import { z } from "zod";
import { DATE_RANGE_TEXT, isCalendarDate } from "../calendar-date.js";
import { movementEvidenceSchema } from "../movement/evidence.schema.js";
import { videoAnalysisSchema } from "../movement/measurements.schema.js";
import { selfTestsSchema } from "../movement/self-tests.schema.js";
import { strengthSchema } from "../strength/strength.schema.js";
import { personSchema, symptomsSchema, trainingSchema } from "../symptoms/intake.schema.js";
import { questionnairesSchema } from "../symptoms/questionnaires/questionnaire.schema.js";
import { redFlagAnswersSchema } from "../symptoms/red-flags.js";

const isoDate = z
  .string({ error: "expected a date as YYYY-MM-DD" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD")
  .refine(isCalendarDate, `expected a real calendar date written YYYY-MM-DD, ${DATE_RANGE_TEXT}`);

/** A clinic's load thresholds, every field. */
export const loadSettingsSchema = z
  .object({
    twoWeekIncreasePercent: z.number().min(0).max(200),
    singleRunSpikePercent: z.number().min(0).max(100),
    breakWeeks: z.number().min(1).max(520),
    distanceUnit: z.enum(["km", "mi"]),
  })
  .strict();

/** A clinic's pain zones (0–10), every field. */
export const painSettingsSchema = z
  .object({
    safeMax: z.number().min(0).max(10),
    acceptableMax: z.number().min(0).max(10),
    nextMorningMax: z.number().min(0).max(10),
  })
  .strict();

const settingsSchema = z
  .object({
    strength: z
      .object({
        asymmetryFormula: z.enum(["lsi-deficit", "difference-over-max", "difference-over-mean"]),
        lsiDeficitPercent: z.number().min(50).max(100),
        trialVariationPercent: z.number().min(1).max(50),
        referenceZ: z.number().min(0.5).max(3),
      })
      .partial()
      .strict(),
    load: loadSettingsSchema.partial().strict(),
    pain: painSettingsSchema.partial().strict(),
    movement: z
      .object({
        pelvicDropDeg: z.number().min(0).max(30),
        pelvicDropAsymmetryDeg: z.number().min(0).max(30),
        kneeFppaDeg: z.number().min(0).max(45),
        trunkLeanDeg: z.number().min(0).max(30),
        shankAngleDeg: z.number().min(0).max(45),
        lowCadence: z.number().min(100).max(220),
        crossoverShare: z.number().min(0).max(1),
        squatFppaDeg: z.number().min(0).max(45),
        stanceDropDeg: z.number().min(0).max(30),
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict();

/** Readiness to run (clinic start criteria, clinic-return-criteria): what was done without pain. */
const readinessSchema = z
  .object({
    painFreeBriskWalkMin: z
      .number()
      .min(0, "minutes cannot be negative")
      .max(600, "at most 600 minutes")
      .optional(),
    painFreeSingleLegSquats: z
      .number()
      .min(0, "squats cannot be negative")
      .max(200, "at most 200 squats")
      .optional(),
    painFreeHopSec: z
      .number()
      .min(0, "seconds cannot be negative")
      .max(600, "at most 600 seconds")
      .optional(),
  })
  .strict();

/**
 * An assessment file: what is known about one runner on one day. Only `assessedOn`, `person`,
 * `symptoms` and `redFlags` are required; every other section adds evidence.
 */
export const assessmentSchema = z
  .object({
    $schema: z.string().optional(),
    assessedOn: isoDate,
    person: personSchema,
    symptoms: symptomsSchema,
    redFlags: redFlagAnswersSchema,
    training: trainingSchema.optional(),
    strength: strengthSchema.optional(),
    selfTests: selfTestsSchema.optional(),
    movement: z.array(movementEvidenceSchema).optional(),
    videoAnalyses: z.array(videoAnalysisSchema).optional(),
    questionnaires: questionnairesSchema.optional(),
    readiness: readinessSchema.optional(),
    settings: settingsSchema.optional(),
  })
  .strict();

export type AssessmentInput = z.output<typeof assessmentSchema>;
