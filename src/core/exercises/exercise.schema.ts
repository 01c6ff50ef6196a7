import { z } from "zod";
import type { Dose, ExerciseId, Range } from "./exercise.types.js";
import { isExerciseId, unknownExerciseMessage } from "./library.js";

/** Metres per foot (exact, international foot). Seed-003 gives its band walk in feet. */
export const METRES_PER_FOOT = 0.3048;

/**
 * An exercise id in an input file, e.g. a programme line. Unknown ids are refused with the
 * closest ids named, so a typing slip is easy to fix.
 */
export const exerciseIdSchema = z.custom<ExerciseId>(
  (value) => typeof value === "string" && isExerciseId(value),
  { error: (issue) => unknownExerciseMessage(String(issue.input)) },
);

interface AmountLimits {
  /** What the number counts, as said in a message: "sets", "repetitions". */
  what: string;
  unit: string;
  min: number;
  max: number;
  whole: boolean;
  /** A typical range, shown in messages. */
  example: Range;
}

/** A single number or a [min, max] pair within limits, always returned as a Range. */
function amountSchema(limits: AmountLimits) {
  const unit = limits.unit === "" ? "" : ` ${limits.unit}`;
  const kind = limits.whole ? "a whole number" : "a number";
  const example = `[${limits.example[0]}, ${limits.example[1]}]`;
  const message = `${limits.what} must be ${kind} from ${limits.min} to ${limits.max}${unit}, or a [min, max] pair such as ${example}`;
  const single = limits.whole
    ? z.number({ error: message }).int({ error: message }).min(limits.min, { error: message })
    : z.number({ error: message }).min(limits.min, { error: message });
  const bounded = single.max(limits.max, { error: message });
  return z
    .union([bounded, z.tuple([bounded, bounded], { error: message })], { error: message })
    .transform((value): Range => (typeof value === "number" ? [value, value] : value))
    .refine((range) => range[0] <= range[1], {
      error: `${limits.what}: the first number of a range must not be above the second, e.g. ${example}`,
    });
}

/**
 * A clinician's change to an exercise's dose, as written in an input file. Every field is
 * optional; what is left out keeps the library's value. Distances may be given in metres or
 * feet and come out in metres.
 */
export const doseOverrideSchema = z
  .object({
    sets: amountSchema({
      what: "sets",
      unit: "",
      min: 1,
      max: 10,
      whole: true,
      example: [2, 3],
    }).optional(),
    reps: amountSchema({
      what: "repetitions",
      unit: "",
      min: 1,
      max: 100,
      whole: true,
      example: [10, 15],
    }).optional(),
    seconds: amountSchema({
      what: "hold time",
      unit: "s",
      min: 1,
      max: 600,
      whole: false,
      example: [20, 30],
    }).optional(),
    metres: amountSchema({
      what: "distance",
      unit: "m",
      min: 1,
      max: 200,
      whole: false,
      example: [10, 20],
    }).optional(),
    feet: amountSchema({
      what: "distance",
      unit: "ft",
      min: 3,
      max: 650,
      whole: false,
      example: [25, 50],
    }).optional(),
    perSide: z.boolean({ error: "perSide must be true or false" }).optional(),
    note: z
      .string({ error: "note must be text" })
      .max(300, { error: "note must be at most 300 characters" })
      .optional(),
  })
  .strict()
  .refine((dose) => !(dose.metres && dose.feet), {
    error: "give the distance in metres or in feet, not both",
    path: ["feet"],
  })
  .transform(({ feet, ...rest }) => {
    if (!feet) return rest;
    const metres: Range = [feet[0] * METRES_PER_FOOT, feet[1] * METRES_PER_FOOT];
    return { ...rest, metres };
  });

export type DoseOverride = z.output<typeof doseOverrideSchema>;

/** One line of a prescription: an exercise and, optionally, a changed dose. */
export const prescribedExerciseSchema = z
  .object({
    exercise: exerciseIdSchema,
    dose: doseOverrideSchema.optional(),
  })
  .strict();

export type PrescribedExerciseInput = z.output<typeof prescribedExerciseSchema>;

/**
 * The library dose with a clinician's override applied. Giving any of reps, seconds or
 * metres replaces all three (a timed hold does not keep the old repetitions).
 */
export function withDoseOverride(base: Dose, override: DoseOverride): Dose {
  const amountGiven =
    override.reps !== undefined || override.seconds !== undefined || override.metres !== undefined;
  const amounts = amountGiven
    ? {
        ...(override.reps && { reps: override.reps }),
        ...(override.seconds && { seconds: override.seconds }),
        ...(override.metres && { metres: override.metres }),
      }
    : {
        ...(base.reps && { reps: base.reps }),
        ...(base.seconds && { seconds: base.seconds }),
        ...(base.metres && { metres: base.metres }),
      };
  const note = override.note ?? base.note;
  return {
    sets: override.sets ?? base.sets,
    ...amounts,
    perSide: override.perSide ?? base.perSide,
    ...(note !== undefined && { note }),
  };
}
