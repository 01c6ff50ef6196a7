import { z } from "zod";
import { formatNumber } from "../format.js";
import { as, type Centimetres, type ForceUnit, type Newtons, toNewtons } from "../units.js";
import { centimetresToMetres, fromNewtons } from "./conversions.js";
import {
  STRENGTH_METHODS,
  STRENGTH_POSITIONS,
  STRENGTH_TEST_NAMES,
  type StrengthTestInput,
  type StrengthTestName,
} from "./strength.types.js";

/** Hand-held readings at or above this are taken as a typing or unit error. */
export const MAX_PLAUSIBLE_FORCE_N = 2000;
/** Lever arm limits, cm: joint centre to dynamometer pad. */
export const LEVER_ARM_CM = { min: 5, max: 100 } as const;
/** Trials per side that may be entered (2–4 are recommended, thorborg-2010). */
export const TRIALS_PER_SIDE = { min: 1, max: 6 } as const;

const FORCE_UNITS = ["N", "kgf", "lbf"] as const satisfies readonly ForceUnit[];
// z.enum wants a non-empty tuple; the catalogue is a plain list of the same names.
const STRENGTH_TEST_ENUM = STRENGTH_TEST_NAMES as [StrengthTestName, ...StrengthTestName[]];

/** What each choice field needs, said when it is missing or wrong. */
const CHOICES = {
  test: `name the test, one of ${STRENGTH_TEST_NAMES.join(", ")}`,
  side: "say which side was tested, left or right",
  position: `the body position during the test, one of ${STRENGTH_POSITIONS.join(", ")}`,
  method:
    "make (the patient pushes against the held dynamometer) or break (the tester overcomes the patient)",
  unit: "the unit of the readings, N, kgf or lbf",
} as const;

/** "is required: …" when missing, "… got "x"" when wrong. */
const choiceError =
  (need: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined
      ? `is required: ${need}`
      : `${need}; got ${JSON.stringify(issue.input)}`;

const positiveForce = (what: string) =>
  z
    .number()
    .gt(0, { error: (issue) => `${what} must be a force above 0, got ${String(issue.input)}` });

const trialsSchema = z
  .array(z.number().meta({ exclusiveMinimum: 0 }))
  .min(TRIALS_PER_SIDE.min, { error: (issue) => trialCountMessage(issue.input) })
  .max(TRIALS_PER_SIDE.max, { error: (issue) => trialCountMessage(issue.input) })
  .superRefine((trials, ctx) => {
    trials.forEach((value, i) => {
      if (value <= 0) {
        ctx.addIssue({
          code: "custom",
          path: [i],
          message: `trial ${i + 1} must be a force above 0, got ${value}`,
        });
      }
    });
  });

function trialCountMessage(input: unknown): string {
  const count = Array.isArray(input) ? input.length : 0;
  return `enter ${TRIALS_PER_SIDE.min} to ${TRIALS_PER_SIDE.max} trials for each side (2–4 are recommended), got ${count}`;
}

const traceSchema = z
  .object({
    rateHz: z
      .number()
      .gt(0, { error: (issue) => `sampling rate must be above 0 Hz, got ${String(issue.input)}` })
      .max(100_000, { error: "sampling rate must be at most 100,000 Hz" }),
    samples: z
      .array(z.number())
      .min(2, { error: "a force trace needs at least 2 samples" })
      .max(1_000_000, { error: "a force trace may hold at most 1,000,000 samples" }),
  })
  .strict();

/** What a dynamometer reports per trial beside its peak: RFD in `unit` per second, time to peak in ms. */
const trialMetricSchema = z
  .object({
    rfd: z
      .number()
      .gt(0, { error: "rate of force development must be above 0 per second" })
      .optional(),
    timeToPeakMs: z
      .number()
      .gt(0, { error: "time to peak must be above 0 ms" })
      .max(10_000, { error: "time to peak must be at most 10,000 ms" })
      .optional(),
  })
  .strict();

const strengthTestEntrySchema = z
  .object({
    test: z
      .enum(STRENGTH_TEST_ENUM, { error: choiceError(CHOICES.test) })
      .meta({ description: "The test done." }),
    side: z
      .enum(["left", "right"], { error: choiceError(CHOICES.side) })
      .meta({ description: "The side tested, the person's own left or right." }),
    position: z.enum(STRENGTH_POSITIONS, { error: choiceError(CHOICES.position) }).meta({
      description: "Body position; sides are compared only within one position.",
    }),
    method: z
      .enum(STRENGTH_METHODS, { error: choiceError(CHOICES.method) })
      .meta({ description: "make: the patient pushes; break: the tester overcomes." }),
    leverArmCm: z
      .number()
      .min(LEVER_ARM_CM.min, { error: (issue) => leverArmMessage(issue.input) })
      .max(LEVER_ARM_CM.max, { error: (issue) => leverArmMessage(issue.input) })
      .optional()
      .meta({ description: "Joint centre to dynamometer pad, cm (5–100); needed for torque." }),
    unit: z
      .enum(FORCE_UNITS, { error: choiceError(CHOICES.unit) })
      .meta({ description: "Unit of trials, testerLimit and trace samples." }),
    trials: trialsSchema.meta({ description: "Peak force of each trial, 1–6 (2–4 recommended)." }),
    testerLimit: positiveForce("tester limit")
      .optional()
      .meta({ description: "The most the tester can hold, in `unit`." }),
    trace: traceSchema
      .optional()
      .meta({ description: "Raw force–time trace of one trial, in `unit`." }),
    trialMetrics: z
      .array(trialMetricSchema)
      .optional()
      .meta({ description: "Per trial, as the device reports: rfd (`unit`/s), timeToPeakMs." }),
  })
  .strict()
  // The plausible ceiling per unit, for editors (JSON Schema if/then); the check below enforces it.
  .meta({ allOf: FORCE_UNITS.map(ceilingForUnit) })
  .superRefine((entry, ctx) => {
    // Plausibility depends on the unit, so it is checked once the entry is otherwise valid.
    const unit = entry.unit;
    if (unit === undefined) return;
    const limit = fromNewtons(as<Newtons>(MAX_PLAUSIBLE_FORCE_N), unit);
    const tooHigh = (value: number) =>
      `${formatNumber(value, 1)} ${unit} is not a plausible hand-held reading: it must be below ${formatNumber(limit, 1)} ${unit} (${MAX_PLAUSIBLE_FORCE_N} N). Check the number and the unit.`;
    entry.trials.forEach((value, i) => {
      if (value >= limit) {
        ctx.addIssue({
          code: "custom",
          path: ["trials", i],
          message: `trial ${i + 1}: ${tooHigh(value)}`,
        });
      }
    });
    if (entry.trialMetrics && entry.trialMetrics.length !== entry.trials.length) {
      ctx.addIssue({
        code: "custom",
        path: ["trialMetrics"],
        message: `give one entry per trial: ${entry.trials.length} trials, ${entry.trialMetrics.length} trial metrics`,
      });
    }
    if (entry.testerLimit !== undefined && entry.testerLimit >= limit) {
      ctx.addIssue({
        code: "custom",
        path: ["testerLimit"],
        message: `tester limit: ${tooHigh(entry.testerLimit)}`,
      });
    }
  })
  .transform((entry): StrengthTestInput => {
    const { test, side, position, method, unit } = entry;
    const newtons = (value: number) => toNewtons(value, unit);
    return {
      test,
      side,
      position,
      method,
      ...(entry.leverArmCm === undefined
        ? {}
        : { leverArmM: centimetresToMetres(as<Centimetres>(entry.leverArmCm)) }),
      trialsN: entry.trials.map(newtons),
      ...(entry.testerLimit === undefined ? {} : { testerLimitN: newtons(entry.testerLimit) }),
      ...(entry.trace === undefined
        ? {}
        : { trace: { rateHz: entry.trace.rateHz, samplesN: entry.trace.samples.map(newtons) } }),
      ...(entry.trialMetrics === undefined
        ? {}
        : {
            trialMetrics: entry.trialMetrics.map((m) => ({
              ...(m.rfd === undefined ? {} : { rfdNPerS: newtons(m.rfd) }),
              ...(m.timeToPeakMs === undefined ? {} : { timeToPeakMs: m.timeToPeakMs }),
            })),
          }),
      enteredUnit: unit,
    };
  });

function ceilingForUnit(unit: ForceUnit): Record<string, unknown> {
  const limit = Math.floor(fromNewtons(as<Newtons>(MAX_PLAUSIBLE_FORCE_N), unit) * 10) / 10;
  return {
    if: { properties: { unit: { const: unit } }, required: ["unit"] },
    // biome-ignore lint/suspicious/noThenProperty: the JSON Schema keyword, not a promise
    then: {
      properties: {
        trials: { items: { exclusiveMaximum: limit } },
        testerLimit: { exclusiveMaximum: limit },
      },
    },
  };
}

function leverArmMessage(input: unknown): string {
  return `lever arm must be between ${LEVER_ARM_CM.min} and ${LEVER_ARM_CM.max} cm (joint centre to the dynamometer pad), got ${String(input)} cm`;
}

/**
 * The `strength` section of an assessment file: dynamometer tests, one entry per test, side
 * and position. Forces are converted to newtons and lever arms to metres (thorborg-2010, krause-2014).
 */
export const strengthSchema = z
  .object({
    tests: z
      .array(strengthTestEntrySchema)
      .min(1, { error: "list at least one test, or leave the strength section out" })
      .superRefine((tests, ctx) => {
        const seen = new Map<string, number>();
        tests.forEach((entry, i) => {
          const key = `${entry.test} ${entry.position} ${entry.side}`;
          const first = seen.get(key);
          if (first === undefined) {
            seen.set(key, i);
            return;
          }
          ctx.addIssue({
            code: "custom",
            path: [i],
            message: `${entry.side} ${entry.test} (${entry.position}) is already entered at tests[${first}]: put all trials of one side in one entry`,
          });
        });
      }),
  })
  .strict();

/** The strength section as written in a file (before conversion). */
export type StrengthSectionInput = z.input<typeof strengthSchema>;
/** The strength section after validation: readings in newtons, lever arms in metres. */
export type StrengthSection = z.output<typeof strengthSchema>;
