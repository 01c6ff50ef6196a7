import { InputError } from "../../core/errors.js";
import type { Exercise } from "../../core/exercises/exercise.types.js";
import {
  findExercise,
  isExerciseId,
  unknownExerciseMessage,
} from "../../core/exercises/library.js";
import type { Prescription } from "../../core/program/programme.types.js";
import type { Programme } from "./core-calls.js";

/** Swapping one exercise for another and adding one: the library's dose, the clinician's choice. */

export function libraryExercise(id: string, path: string): Exercise {
  if (!isExerciseId(id)) throw new InputError([{ path, message: unknownExerciseMessage(id) }]);
  return findExercise(id);
}

function prescriptionOf(exercise: Exercise, base?: Prescription): Prescription {
  const { dose } = exercise;
  return {
    exercise: exercise.id,
    name: exercise.name,
    kind: exercise.kind,
    sets: base?.sets ?? dose.sets[1],
    ...(dose.reps ? { reps: dose.reps } : {}),
    ...(dose.seconds ? { seconds: dose.seconds } : {}),
    ...(dose.metres ? { metres: dose.metres } : {}),
    perSide: dose.perSide,
    ...(dose.note ? { note: dose.note } : {}),
    minutes: exercise.minutes,
    why: base
      ? `${exercise.why} (chosen by the clinician in place of ${base.name})`
      : `${exercise.why} (added by the clinician)`,
    forFindings: base?.forFindings ?? [...exercise.helpsWith],
    chosenBy: base
      ? [...base.chosenBy, `the clinician, in place of ${base.name}`]
      : ["the clinician"],
    doseSource: exercise.doseSource,
  };
}

const LISTS = ["strength", "stretching", "aroundRun", "activation"] as const;

/** Replaces an exercise everywhere it is prescribed, keeping its sets and the findings it answers. */
export function swapExercise(programme: Programme, from: string, to: Exercise): Programme {
  if (!programme.exercises.includes(from as Programme["exercises"][number]))
    throw new InputError([{ path: "exercise", message: `"${from}" is not in this programme` }]);
  if (programme.exercises.includes(to.id))
    throw new InputError([{ path: "with", message: `"${to.id}" is already in this programme` }]);
  return {
    ...programme,
    sessions: programme.sessions.map((s) => {
      const next = { ...s };
      for (const key of LISTS)
        next[key] = s[key].map((p) => (p.exercise === from ? prescriptionOf(to, p) : p));
      return next;
    }),
    exercises: programme.exercises.map((e) => (e === from ? to.id : e)),
  };
}

/** Adds an exercise to every strength session, at the library's dose. */
export function addExercise(programme: Programme, exercise: Exercise): Programme {
  if (programme.exercises.includes(exercise.id))
    throw new InputError([
      { path: "exercise", message: `"${exercise.id}" is already in this programme` },
    ]);
  const prescription = prescriptionOf(exercise);
  return {
    ...programme,
    sessions: programme.sessions.map((s) =>
      s.kind === "strength" ? { ...s, strength: [...s.strength, prescription] } : s,
    ),
    exercises: [...programme.exercises, exercise.id],
  };
}
