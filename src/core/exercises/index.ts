/**
 * The exercise library: every exercise, stretch, mobility drill and activation drill the
 * seed articles name, dosed, explained and illustrated, with their ladders.
 */
export {
  AROUND_RUN_STRETCH_DOSE,
  DAILY_STRETCH_DOSE,
  DAILY_STRETCH_MINUTES,
  formatDose,
  formatRange,
  totalReps,
  totalSeconds,
} from "./dose.js";
export {
  type DoseOverride,
  doseOverrideSchema,
  exerciseIdSchema,
  METRES_PER_FOOT,
  type PrescribedExerciseInput,
  prescribedExerciseSchema,
  withDoseOverride,
} from "./exercise.schema.js";
export {
  type AlternativeDose,
  type Dose,
  type DoseBasis,
  type Equipment,
  EXERCISE_IDS,
  type Exercise,
  type ExerciseId,
  type ExerciseKind,
  type ExercisePhase,
  type ExerciseTiming,
  type Muscle,
  PHASES,
  type Range,
} from "./exercise.types.js";
export type { Illustration } from "./figure.types.js";
export { renderIllustration } from "./illustration.js";
export {
  EXERCISES,
  type ExerciseFilter,
  exercisesFor,
  findExercise,
  illustrate,
  isExerciseId,
  ladderOf,
  suggestExercises,
} from "./library.js";
