import { z } from "zod";
import { parseWith } from "../errors.js";
import type { RunInterval } from "./return-to-run.js";
import type { EntryCriteriaSettings, RunProgressionSettings } from "./run-settings.js";

/** A number within a range, with the field named in words in the message. */
const between = (what: string, min: number, max: number, unit = "") =>
  z
    .number()
    .min(min, {
      error: (i) => `${what} must be between ${min} and ${max}${unit}; got ${String(i.input)}`,
    })
    .max(max, {
      error: (i) => `${what} must be between ${min} and ${max}${unit}; got ${String(i.input)}`,
    });

const whole = (what: string, min: number, max: number, unit = "") =>
  between(what, min, max, unit).refine(Number.isInteger, {
    error: `${what} must be a whole number`,
  });

const intervalSchema = z
  .object({
    walkMin: between("walking minutes", 0, 60, " min"),
    runMin: between("running minutes", 0.5, 120, " min"),
    repeats: whole("repeats", 1, 20),
  })
  .strict();

const entrySchema = z
  .object({
    briskWalkMin: between("brisk walk", 0, 120, " min"),
    singleLegSquatReps: whole("single-leg squats", 0, 50),
    hopSec: between("hopping", 0, 300, " s"),
  })
  .strict();

/** Every run-progression setting with its plausible range (a plan file carries all of them). */
export const runProgressionSchema = z
  .object({
    repeatsPerLevel: whole("repeats per level", 1, 10),
    minRestDaysBetweenRuns: whole("rest days between runs", 0, 3, " days"),
    runsPerWeek: whole("runs a week", 1, 7),
    weeklyIncreasePercent: between("weekly increase", 0, 50, " %"),
    maxBuildWeeks: whole("weeks of distance rebuild", 1, 52),
    distanceStepBackPercent: between("step-back shortening", 0, 90, " %"),
    exerciseEffortMax: between("effort limit for progressing an exercise", 0, 10),
    painRiseMin: between("weekly pain rise that counts as worse", 0.1, 5, " points"),
    worseningWeeks: whole("weeks of worsening pain", 1, 8),
    persistentPainWeeks: whole("weeks of persistent pain", 1, 12),
    entry: entrySchema,
  })
  .strict();

/**
 * A clinic's overrides of the run-progression settings and its own walk/run template,
 * e.g. `{ repeatsPerLevel: 3, template: [{ walkMin: 4, runMin: 1, repeats: 6 }, …] }`.
 */
export const runSettingsOverridesSchema = runProgressionSchema
  .extend({
    entry: entrySchema.partial(),
    template: z
      .array(intervalSchema)
      .min(1, { error: "the template needs at least one level" })
      .max(30, {
        error: "the template may have at most 30 levels",
      }),
  })
  .strict()
  .partial()
  .superRefine((value, ctx) => {
    const runs = value.runsPerWeek;
    const rest = value.minRestDaysBetweenRuns ?? 1;
    if (runs !== undefined && runs * (rest + 1) > 7) {
      ctx.addIssue({
        code: "custom",
        path: ["runsPerWeek"],
        message: `${runs} runs a week cannot keep ${rest} rest day(s) between runs: at most ${Math.floor(7 / (rest + 1))}`,
      });
    }
  });

export interface RunSettingsOverrides {
  run: Partial<Omit<RunProgressionSettings, "entry">> & { entry?: Partial<EntryCriteriaSettings> };
  template?: RunInterval[];
}

/** Validates a clinic's run settings; throws InputError naming each bad field. */
export function parseRunSettingsOverrides(data: unknown): RunSettingsOverrides {
  const { template, ...run } = parseWith(runSettingsOverridesSchema, data, "run settings");
  return template ? { run, template } : { run };
}
