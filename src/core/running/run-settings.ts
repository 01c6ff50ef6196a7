import {
  DEFAULT_SETTINGS,
  type LoadSettings,
  type PainSettings,
  type Settings,
} from "../settings.js";

/**
 * Settings of the return-to-run plan and of the progression decisions. Defaults are a
 * clinic's starting point, each with its source; a clinic may change any of them.
 */

/** What a runner must manage before the first run (clinic practice, configurable). */
export interface EntryCriteriaSettings {
  /** Minutes of brisk walking without pain or limp (default 30). */
  briskWalkMin: number;
  /** Single-leg squats on the painful leg without pain (default 10). */
  singleLegSquatReps: number;
  /** Seconds of hopping on the painful leg without pain (default 60). */
  hopSec: number;
}

export interface RunProgressionSettings {
  /** Sessions needed at a walk/run level before moving up (trials-2023: at least 2; Blake uses 3). */
  repeatsPerLevel: number;
  /** Rest days between two runs (seed-000: alternate days; trials-2023: at least 1). */
  minRestDaysBetweenRuns: number;
  /** Runs a week while rebuilding distance (seed-002: three or more days a week off running). */
  runsPerWeek: number;
  /** Largest week-on-week growth of weekly distance while rebuilding, percent (clinic default 15). */
  weeklyIncreasePercent: number;
  /** The distance rebuild is planned for at most this many weeks. */
  maxBuildWeeks: number;
  /** A step back while rebuilding distance shortens the next run by this percent (clinic default 20). */
  distanceStepBackPercent: number;
  /** An exercise progresses only when its effort (RPE 0–10) was at most this (seed-001: "easy"). */
  exerciseEffortMax: number;
  /** Rise in weekly mean pain (0–10 points) that counts as "worse" (silbernagel-2007; NPRS resolution is 1). */
  painRiseMin: number;
  /** Consecutive week-on-week rises that mean: stop and see a professional (seed-000). */
  worseningWeeks: number;
  /** Consecutive weeks with mean pain above the safe maximum that mean: see a professional (seed-000, seed-004). */
  persistentPainWeeks: number;
  entry: EntryCriteriaSettings;
}

/** Everything the running part reads: the clinic's load and pain thresholds plus the above. */
export interface RunPlanSettings {
  load: LoadSettings;
  pain: PainSettings;
  run: RunProgressionSettings;
}

/** Clinic-practice start criteria: 30 min walk, 10 single-leg squats, 60 s hopping (clinic-return-criteria). */
export const DEFAULT_ENTRY_CRITERIA: EntryCriteriaSettings = {
  briskWalkMin: 30,
  singleLegSquatReps: 10,
  hopSec: 60,
};

/** Default run progression; each field above names its source. */
export const DEFAULT_RUN_PROGRESSION: RunProgressionSettings = {
  repeatsPerLevel: 2,
  minRestDaysBetweenRuns: 1,
  runsPerWeek: 3,
  weeklyIncreasePercent: 15,
  maxBuildWeeks: 26,
  distanceStepBackPercent: 20,
  exerciseEffortMax: 5,
  painRiseMin: 1,
  worseningWeeks: 2,
  persistentPainWeeks: 3,
  entry: DEFAULT_ENTRY_CRITERIA,
};

/** The clinic defaults of ../settings.ts with the default run progression. */
export const DEFAULT_RUN_PLAN_SETTINGS: RunPlanSettings = {
  load: DEFAULT_SETTINGS.load,
  pain: DEFAULT_SETTINGS.pain,
  run: DEFAULT_RUN_PROGRESSION,
};

/** The clinic's settings (load, pain) joined with run-progression overrides over the defaults. */
export function resolveRunPlanSettings(
  settings: Pick<Settings, "load" | "pain"> = DEFAULT_SETTINGS,
  run: Partial<Omit<RunProgressionSettings, "entry">> & {
    entry?: Partial<EntryCriteriaSettings>;
  } = {},
): RunPlanSettings {
  return {
    load: settings.load,
    pain: settings.pain,
    run: {
      ...DEFAULT_RUN_PROGRESSION,
      ...run,
      entry: { ...DEFAULT_ENTRY_CRITERIA, ...run.entry },
    },
  };
}
