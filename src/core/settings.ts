import {
  DEFAULT_MOVEMENT_THRESHOLDS,
  type MovementThresholds,
} from "./movement/movement-thresholds.js";
import type { DistanceUnit } from "./units.js";

/**
 * Clinic-adjustable thresholds. Each default names its source (docs/clinical-sources.md). Core functions take settings as an argument, never a global.
 */

/** How side-to-side asymmetry is expressed; vendors differ, so reports name the formula. */
export type AsymmetryFormula =
  | "lsi-deficit" // 100 − involved ÷ uninvolved × 100
  | "difference-over-max" // (right − left) ÷ max(left, right) × 100, signed
  | "difference-over-mean"; // |left − right| ÷ mean(left, right) × 100

export interface StrengthSettings {
  asymmetryFormula: AsymmetryFormula;
  /** LSI below this (percent) is a meaningful deficit (lsi-convention). */
  lsiDeficitPercent: number;
  /** Between-trial coefficient of variation above this (percent) flags inconsistent trials (thorborg-2010: 3–12 %). */
  trialVariationPercent: number;
  /** z-score below this is "below" reference values; above its negation, "above". */
  referenceZ: number;
}

export interface LoadSettings {
  /** Weekly distance growth over two weeks above this (percent) is a load error (nielsen-2014). */
  twoWeekIncreasePercent: number;
  /** A single run longer than the longest of the last 30 days by more than this (percent) (frandsen-2025). */
  singleRunSpikePercent: number;
  /** A break from running of at least this many weeks (default 1: a short break costs conditioning too) counts as a return after a break (seed-003, mujika-2000). */
  breakWeeks: number;
  /** The unit distances are shown in; the rules themselves work in km. */
  distanceUnit: DistanceUnit;
}

export interface PainSettings {
  /** Pain during activity up to this (0–10) is safe (silbernagel-2007). */
  safeMax: number;
  /** Pain during activity up to this is acceptable; above it, too much (silbernagel-2007). */
  acceptableMax: number;
  /** Morning-after pain above this, or above the baseline, means it has not settled. */
  nextMorningMax: number;
}

export interface Settings {
  strength: StrengthSettings;
  load: LoadSettings;
  pain: PainSettings;
  /** Where a measured movement counts as a sign; applied when an assessment judges a video analysis. */
  movement: MovementThresholds;
}

export const DEFAULT_SETTINGS: Settings = {
  strength: {
    asymmetryFormula: "lsi-deficit",
    lsiDeficitPercent: 90,
    trialVariationPercent: 10,
    referenceZ: 1,
  },
  load: {
    twoWeekIncreasePercent: 30,
    singleRunSpikePercent: 10,
    breakWeeks: 1,
    distanceUnit: "km",
  },
  pain: { safeMax: 3, acceptableMax: 5, nextMorningMax: 3 },
  movement: DEFAULT_MOVEMENT_THRESHOLDS,
};

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
export type SettingsOverrides = DeepPartial<Settings>;

/** Defaults with a clinic's overrides applied. */
export function resolveSettings(overrides: SettingsOverrides = {}): Settings {
  return {
    strength: { ...DEFAULT_SETTINGS.strength, ...overrides.strength },
    load: { ...DEFAULT_SETTINGS.load, ...overrides.load },
    pain: { ...DEFAULT_SETTINGS.pain, ...overrides.pain },
    movement: { ...DEFAULT_SETTINGS.movement, ...overrides.movement },
  };
}
