/**
 * Intake sections of an assessment file: the person, their knee symptoms and their recent
 * running. Units are converted here, at the boundary (lb → kg, mi → km), so everything
 * downstream works in SI units. Messages say what was expected and the valid range.
 */
import { z } from "zod";
import { DATE_RANGE_TEXT, isCalendarDate } from "../calendar-date.js";
import type { RunRecord, TrainingHistory } from "../running/load.types.js";
import type { Laterality } from "../side.js";
import {
  type DistanceUnit,
  KG_PER_LB,
  type Kilograms,
  type PainScore,
  toKilograms,
  toKilometres,
} from "../units.js";
import { type Trauma, traumaSchema } from "./trauma.schema.js";

export type { RecentTrauma, Trauma } from "./trauma.schema.js";
export { traumaSchema } from "./trauma.schema.js";

// ---------------------------------------------------------------------------------------
// Person

export const SEXES = ["female", "male", "other"] as const;
export type Sex = (typeof SEXES)[number];

/** Plausible adult and adolescent body mass; 0 or 700 kg is a typing error, not a runner. */
export const BODY_MASS_RANGE_KG = { min: 20, max: 300 } as const;

/**
 * The person assessed. Body mass is always in kilograms here, whatever was typed. A field is
 * absent when the person answered "unknown": the rules that need it say what they could not do.
 */
export interface Person {
  /** The runner's name as they write it, for reports and records; optional. */
  name?: string;
  /** Whole years, 10–100. */
  age?: number;
  sex?: Sex;
  /** Centimetres, 100–230. */
  heightCm?: number;
  /** Kilograms, 20–300 (converted from pounds when entered in lb). */
  bodyMassKg?: Kilograms;
}

/** Written where a person does not know a value; the field is then left out of the result. */
export const UNKNOWN = "unknown";
const unknown = z.literal(UNKNOWN);
/** The message of a value-or-"unknown" field: "is required: …" when it is left out. */
const orUnknown =
  (message: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? `is required: ${message}` : message;

const AGE_MESSAGE = 'age must be a whole number of years between 10 and 100, or "unknown"';
const HEIGHT_MESSAGE = 'height must be between 100 and 230 cm, or "unknown"';

function bodyMassMessage(value: number, unit: "kg" | "lb"): string {
  const { min, max } = BODY_MASS_RANGE_KG;
  const base = `body mass must be between ${min} and ${max} kg, or "unknown"`;
  if (unit === "kg") return base;
  // Rounded inwards to 0.1 lb, so that every mass the message allows is accepted.
  const lbMin = Math.ceil((min / KG_PER_LB) * 10) / 10;
  const lbMax = Math.floor((max / KG_PER_LB) * 10) / 10;
  const kg = Math.round(value * KG_PER_LB * 10) / 10;
  return `body mass must be between ${min} and ${max} kg (${lbMin}–${lbMax} lb), or "unknown"; ${value} lb is ${kg} kg`;
}

/** Body-mass bounds in pounds as the JSON Schema carries them (rounded inwards to 0.1 lb). */
const BODY_MASS_RANGE_LB = {
  min: Math.ceil((BODY_MASS_RANGE_KG.min / KG_PER_LB) * 10) / 10,
  max: Math.floor((BODY_MASS_RANGE_KG.max / KG_PER_LB) * 10) / 10,
};

function bodyMassRangeByUnit(): Record<string, unknown> {
  const range = (min: number, max: number) => ({
    properties: {
      bodyMass: { anyOf: [{ type: "number", minimum: min, maximum: max }, { const: UNKNOWN }] },
    },
  });
  return {
    if: { properties: { bodyMassUnit: { const: "lb" } }, required: ["bodyMassUnit"] },
    // biome-ignore lint/suspicious/noThenProperty: the JSON Schema keyword, not a promise
    then: range(BODY_MASS_RANGE_LB.min, BODY_MASS_RANGE_LB.max),
    else: range(BODY_MASS_RANGE_KG.min, BODY_MASS_RANGE_KG.max),
  };
}

/**
 * `person:` section. Each field is a value or "unknown". Body mass in kg or lb (default kg) →
 * `bodyMassKg`, 20–300 kg, checked after conversion.
 */
export const personSchema = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1, "name cannot be empty; leave it out instead")
      .max(200, "name must be at most 200 characters")
      .optional(),
    age: z.union(
      [
        z.number().refine(Number.isInteger, AGE_MESSAGE).min(10, AGE_MESSAGE).max(100, AGE_MESSAGE),
        unknown,
      ],
      { error: orUnknown(AGE_MESSAGE) },
    ),
    sex: z.union([z.enum(SEXES), unknown], {
      error: orUnknown('sex must be female, male, other or "unknown"'),
    }),
    heightCm: z.union([z.number().min(100, HEIGHT_MESSAGE).max(230, HEIGHT_MESSAGE), unknown], {
      error: orUnknown(HEIGHT_MESSAGE),
    }),
    bodyMass: z
      .union([z.number(), unknown], { error: orUnknown('body mass must be a number or "unknown"') })
      .meta({
        description: `Body mass in bodyMassUnit: ${BODY_MASS_RANGE_KG.min}–${BODY_MASS_RANGE_KG.max} kg or ${BODY_MASS_RANGE_LB.min}–${BODY_MASS_RANGE_LB.max} lb, or "unknown".`,
      }),
    bodyMassUnit: z.enum(["kg", "lb"]).default("kg"),
  })
  // The range checked after conversion, spelt out per unit for editors (JSON Schema if/then).
  .meta({ allOf: [bodyMassRangeByUnit()] })
  .superRefine(
    (person, ctx) => {
      if (person.bodyMass === UNKNOWN) return;
      // Checked after conversion, so that 700 lb and 700 kg are judged on the same scale.
      const kg = toKilograms(person.bodyMass, person.bodyMassUnit);
      if (kg < BODY_MASS_RANGE_KG.min || kg > BODY_MASS_RANGE_KG.max) {
        ctx.addIssue({
          code: "custom",
          path: ["bodyMass"],
          message: bodyMassMessage(person.bodyMass, person.bodyMassUnit),
        });
      }
    },
    // Run even when another field is wrong, so every problem is reported in one go.
    { when: (payload) => hasValidBodyMass(payload.value) },
  )
  .transform((person): Person => {
    const out: Person = person.name === undefined ? {} : { name: person.name };
    if (person.age !== UNKNOWN) out.age = person.age;
    if (person.sex !== UNKNOWN) out.sex = person.sex;
    if (person.heightCm !== UNKNOWN) out.heightCm = person.heightCm;
    if (person.bodyMass !== UNKNOWN)
      out.bodyMassKg = toKilograms(person.bodyMass, person.bodyMassUnit);
    return out;
  });

function hasValidBodyMass(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const { bodyMass, bodyMassUnit } = value as { bodyMass?: unknown; bodyMassUnit?: unknown };
  return (
    (bodyMass === UNKNOWN || (typeof bodyMass === "number" && Number.isFinite(bodyMass))) &&
    (bodyMassUnit === undefined || bodyMassUnit === "kg" || bodyMassUnit === "lb")
  );
}

// ---------------------------------------------------------------------------------------
// Symptoms

/** Where around the knee it hurts (seed-003): outside, front, inside, back. */
export const PAIN_AREAS = ["lateral", "anterior", "medial", "posterior"] as const;
export type PainArea = (typeof PAIN_AREAS)[number];

export const PAIN_TRENDS = ["improving", "same", "worsening"] as const;
export type PainTrend = (typeof PAIN_TRENDS)[number];

export interface PainLocation {
  area: PainArea;
  side: Laterality;
}

/** When in a run the pain starts: after a time, or after a distance (km). */
export type PainOnset = { kind: "time"; minutes: number } | { kind: "distance"; km: number };

export interface Pain {
  /** At least one place where the knee hurts. */
  locations: PainLocation[];
  onset?: PainOnset;
  /** Numeric rating 0–10 at rest, during a run and after it; absent when answered "unknown". */
  atRest?: PainScore;
  duringRun?: PainScore;
  afterRun?: PainScore;
  trend?: PainTrend;
  /** How long it has hurt, in weeks. */
  durationWeeks?: number;
}

/** Activities that bring the pain on (seeds 001, 004). Absent means not asked. */
export interface Aggravators {
  hills?: boolean;
  unevenGround?: boolean;
  stairs?: boolean;
  squats?: boolean;
  prolongedSitting?: boolean;
}

export interface Symptoms {
  pain: Pain;
  aggravators: Aggravators;
  /** Hours a day spent sitting, 0–24 (seeds 001, 002). */
  sittingHoursPerDay?: number;
  /** Absent when the injury question was not answered: the red-flag screen lists it. */
  trauma?: Trauma;
}

const PAIN_MESSAGE =
  'pain is rated 0–10, where 0 is no pain and 10 the worst imaginable, or "unknown"';
const painScore = z
  .union([z.number().min(0, PAIN_MESSAGE).max(10, PAIN_MESSAGE), unknown], {
    error: orUnknown(PAIN_MESSAGE),
  })
  .transform((value) => (value === UNKNOWN ? undefined : (value as PainScore)));

const ONSET_MINUTES_MESSAGE = "pain onset must be between 0 and 600 minutes into a run";
const ONSET_DISTANCE_MESSAGE = "pain onset distance must be between 0 and 200 (km or mi)";

const onsetSchema = z
  .strictObject({
    afterMinutes: z
      .number()
      .min(0, ONSET_MINUTES_MESSAGE)
      .max(600, ONSET_MINUTES_MESSAGE)
      .optional(),
    afterDistance: z
      .number()
      .min(0, ONSET_DISTANCE_MESSAGE)
      .max(200, ONSET_DISTANCE_MESSAGE)
      .optional(),
    unit: z.enum(["km", "mi"]).optional(),
  })
  .superRefine((onset, ctx) => {
    const hasTime = onset.afterMinutes !== undefined;
    const hasDistance = onset.afterDistance !== undefined;
    if (hasTime && hasDistance) {
      ctx.addIssue({
        code: "custom",
        path: [],
        message: "give either afterMinutes or afterDistance, not both",
      });
    } else if (!hasTime && !hasDistance) {
      ctx.addIssue({
        code: "custom",
        path: [],
        message:
          "say when in a run the pain starts: afterMinutes, or afterDistance with unit km or mi",
      });
    } else if (hasTime && onset.unit !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["unit"],
        message: "unit goes with afterDistance, not afterMinutes",
      });
    }
  })
  .transform((onset): PainOnset => {
    if (onset.afterDistance !== undefined) {
      return { kind: "distance", km: toKilometres(onset.afterDistance, onset.unit ?? "km") };
    }
    return { kind: "time", minutes: onset.afterMinutes ?? 0 };
  });

const painLocationSchema = z.strictObject({
  area: z.enum(PAIN_AREAS),
  side: z.enum(["left", "right", "both"]),
});

const DURATION_MESSAGE = "how long it has hurt must be between 0 and 520 weeks";

/** `symptoms.pain`: where, when in a run, how much (0–10 or "unknown"), which way it is going. */
export const painSchema = z
  .strictObject({
    locations: z.array(painLocationSchema).min(1, "list at least one place where the knee hurts"),
    onset: onsetSchema.optional(),
    atRest: painScore,
    duringRun: painScore,
    afterRun: painScore,
    trend: z.enum(PAIN_TRENDS).optional(),
    durationWeeks: z.number().min(0, DURATION_MESSAGE).max(520, DURATION_MESSAGE).optional(),
  })
  .transform((pain): Pain => {
    const { atRest, duringRun, afterRun, ...rest } = pain;
    return {
      ...rest,
      ...(atRest === undefined ? {} : { atRest }),
      ...(duringRun === undefined ? {} : { duringRun }),
      ...(afterRun === undefined ? {} : { afterRun }),
    };
  });

const aggravatorsSchema = z.strictObject({
  hills: z.boolean().optional(),
  unevenGround: z.boolean().optional(),
  stairs: z.boolean().optional(),
  squats: z.boolean().optional(),
  prolongedSitting: z.boolean().optional(),
});

const SITTING_MESSAGE = "sitting hours per day must be between 0 and 24";

/** `symptoms:` section: pain, aggravating activities, sitting, and any recent injury. */
export const symptomsSchema = z
  .strictObject({
    pain: painSchema,
    aggravators: aggravatorsSchema.default({}),
    sittingHoursPerDay: z.number().min(0, SITTING_MESSAGE).max(24, SITTING_MESSAGE).optional(),
    trauma: traumaSchema.optional(),
  })
  // No conversion: this pins the parsed shape to the documented Symptoms type.
  .transform((symptoms): Symptoms => symptoms);

// ---------------------------------------------------------------------------------------
// Training

/** Sanity caps in the entered unit: beyond them a number is a typing or unit error. */
const MAX_WEEKLY_DISTANCE = 500;
const MAX_RUN_DISTANCE = 300;

function distance(label: string, max: number) {
  return z
    .number()
    .min(0, `${label} cannot be negative`)
    .max(max, `${label} above ${max} is not plausible: check the number and distanceUnit`);
}

const DATE_MESSAGE = `date must be a calendar date written YYYY-MM-DD ${DATE_RANGE_TEXT}, e.g. 2026-11-14`;
const RUN_DURATION_MESSAGE = "run duration must be between 1 and 1440 minutes";
const CADENCE_MESSAGE = "average cadence must be between 60 and 260 steps a minute";
const HEART_RATE_MESSAGE = "average heart rate must be between 30 and 240 beats a minute";

const runSchema = z.strictObject({
  date: z.string().refine(isCalendarDate, DATE_MESSAGE),
  distance: distance("run distance", MAX_RUN_DISTANCE),
  durationMin: z.number().min(1, RUN_DURATION_MESSAGE).max(1440, RUN_DURATION_MESSAGE).optional(),
  cadenceSpm: z.number().min(60, CADENCE_MESSAGE).max(260, CADENCE_MESSAGE).optional(),
  heartRateBpm: z.number().min(30, HEART_RATE_MESSAGE).max(240, HEART_RATE_MESSAGE).optional(),
});

const BREAK_MESSAGE = "a break from running must last between 1 and 2600 weeks";
const RESUMED_MESSAGE = "weeks since running resumed must be between 0 and 520 (0 = not yet)";

const breakSchema = z.strictObject({
  weeks: z.number().min(1, BREAK_MESSAGE).max(2600, BREAK_MESSAGE),
  resumedWeeksAgo: z.number().min(0, RESUMED_MESSAGE).max(520, RESUMED_MESSAGE),
});

/** Recent running in km, ready for the load rules; `distanceUnit` is kept for display. */
export interface Training extends TrainingHistory {
  /** The unit the runner typed distances in. */
  distanceUnit: DistanceUnit;
}

/** `training:` section. Distances in km or mi (default km) → km; weekly totals oldest first, up to 8. */
export const trainingSchema = z
  .strictObject({
    distanceUnit: z.enum(["km", "mi"]).default("km"),
    weeklyDistance: z
      .array(distance("weekly distance", MAX_WEEKLY_DISTANCE))
      .max(8, "give up to 8 weeks of weekly distance, oldest first")
      .default([]),
    longestRecentRun: distance("longest recent run", MAX_RUN_DISTANCE).optional(),
    latestRun: distance("latest run", MAX_RUN_DISTANCE).optional(),
    runs: z.array(runSchema).optional(),
    breakFromRunning: breakSchema.optional(),
  })
  .transform((training): Training => {
    const unit = training.distanceUnit;
    const km = (value: number): number => toKilometres(value, unit);
    const out: Training = {
      distanceUnit: unit,
      weeklyDistanceKm: training.weeklyDistance.map(km),
    };
    if (training.longestRecentRun !== undefined)
      out.longestRecentRunKm = km(training.longestRecentRun);
    if (training.latestRun !== undefined) out.latestRunKm = km(training.latestRun);
    if (training.runs !== undefined) {
      out.runs = training.runs.map((run): RunRecord => {
        const record: RunRecord = { date: run.date, distanceKm: km(run.distance) };
        if (run.durationMin !== undefined) record.durationMin = run.durationMin;
        if (run.cadenceSpm !== undefined) record.cadenceSpm = run.cadenceSpm;
        if (run.heartRateBpm !== undefined) record.heartRateBpm = run.heartRateBpm;
        return record;
      });
    }
    if (training.breakFromRunning !== undefined) out.breakFromRunning = training.breakFromRunning;
    return out;
  });
