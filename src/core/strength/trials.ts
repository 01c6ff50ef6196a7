import { as, type Newtons } from "../units.js";

/** What repeated trials on one side add up to. */
export interface TrialSummary {
  bestN: Newtons;
  meanN: Newtons;
  /** Sample coefficient of variation, %; absent with a single trial. */
  cvPercent?: number;
  /** CV above the clinic's limit; always false with a single trial. */
  inconsistent: boolean;
}

/** Trials per side the evidence recommends (thorborg-2010 used the best of four). */
export const RECOMMENDED_TRIALS = { min: 2, max: 4 } as const;

/**
 * Between-trial coefficient of variation, % = sample SD (n − 1) ÷ mean × 100.
 * Needs ≥ 2 trials, all > 0 N; returns undefined otherwise (thorborg-2010).
 */
export function coefficientOfVariation(trials: readonly number[]): number | undefined {
  if (trials.length < 2) return undefined;
  const mean = trials.reduce((sum, t) => sum + t, 0) / trials.length;
  if (!(mean > 0)) return undefined;
  const squares = trials.reduce((sum, t) => sum + (t - mean) ** 2, 0);
  return (Math.sqrt(squares / (trials.length - 1)) / mean) * 100;
}

/**
 * Best (highest) and mean trial in N, and whether the trials disagree by more than
 * `maxCvPercent` (settings.trialVariationPercent, default 10 %; thorborg-2010: 3–12 %).
 * Needs at least one trial > 0 N.
 */
export function summariseTrials(trials: readonly Newtons[], maxCvPercent: number): TrialSummary {
  if (trials.length === 0) throw new RangeError("summariseTrials needs at least one trial");
  const bestN = as<Newtons>(Math.max(...trials));
  const meanN = as<Newtons>(trials.reduce((sum, t) => sum + t, 0) / trials.length);
  const cvPercent = coefficientOfVariation(trials);
  return {
    bestN,
    meanN,
    ...(cvPercent === undefined ? {} : { cvPercent }),
    inconsistent: cvPercent !== undefined && cvPercent > maxCvPercent,
  };
}
