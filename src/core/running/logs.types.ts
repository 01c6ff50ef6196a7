import type { Laterality } from "../side.js";
import type { Kilometres, PainScore } from "../units.js";

/**
 * The training log after validation: distances in km, dates 'YYYY-MM-DD', entries in date
 * order. Pain is the 0–10 numeric rating scale, knee pain unless the runner says otherwise.
 */

/** One walk/run session, or a run while rebuilding distance (no level). */
export interface RunSessionLog {
  /** Plan level: 0 = walking block, 1… walk/run levels; absent while rebuilding distance. */
  level?: number;
  /** Whole session, walking included, minutes. */
  durationMin?: number;
  distanceKm?: Kilometres;
  painDuring: PainScore;
  painAfter?: PainScore;
  /** Recorded the next morning; absent until then. */
  painNextMorning?: PainScore;
  swelling: boolean;
  limp: boolean;
  stiffness: boolean;
  notes?: string;
}

export interface RunLogEntry {
  date: string;
  type: "run";
  run: RunSessionLog;
}

/** One exercise as done: the dose, how hard it felt and how much it hurt. */
export interface ExerciseLog {
  /** Exercise id from the exercise library. */
  exercise: string;
  side?: Laterality;
  sets: number;
  reps?: number;
  /** Seconds per set, for timed exercises (e.g. band walks 60 s). */
  durationSec?: number;
  /** Free description: "light band", "5 kg". */
  load?: string;
  /** Rating of perceived exertion, 0 (rest) to 10 (maximal). */
  effort: number;
  pain: PainScore;
}

export interface StrengthLogEntry {
  date: string;
  type: "strength";
  exercises: ExerciseLog[];
  notes?: string;
}

export type TrainingLogEntry = RunLogEntry | StrengthLogEntry;
