import { as, type Kilometres, type PainScore } from "../../units.js";
import type { ExerciseLog, RunLogEntry, StrengthLogEntry } from "../logs.types.js";

/** A run log entry with sensible defaults: settled, no swelling, limp or stiffness. */
export function runEntry(
  date: string,
  run: {
    level?: number;
    durationMin?: number;
    distanceKm?: number;
    painDuring?: number;
    painAfter?: number;
    /** null: not recorded yet; default 0. */
    painNextMorning?: number | null;
    swelling?: boolean;
    limp?: boolean;
    stiffness?: boolean;
  } = {},
): RunLogEntry {
  const { distanceKm, painDuring, painAfter, painNextMorning, ...rest } = run;
  return {
    date,
    type: "run",
    run: {
      ...rest,
      swelling: run.swelling ?? false,
      limp: run.limp ?? false,
      stiffness: run.stiffness ?? false,
      painDuring: as<PainScore>(painDuring ?? 0),
      ...(painAfter === undefined ? {} : { painAfter: as<PainScore>(painAfter) }),
      ...(painNextMorning === null ? {} : { painNextMorning: as<PainScore>(painNextMorning ?? 0) }),
      ...(distanceKm === undefined ? {} : { distanceKm: as<Kilometres>(distanceKm) }),
    },
  };
}

/** A strength day with one exercise. */
export function strengthEntry(
  date: string,
  exercise: Partial<Omit<ExerciseLog, "pain">> & { exercise: string; pain?: number },
): StrengthLogEntry {
  return {
    date,
    type: "strength",
    exercises: [
      {
        sets: 3,
        reps: 15,
        effort: 4,
        ...exercise,
        pain: as<PainScore>(exercise.pain ?? 0),
      },
    ],
  };
}
