import { DomainError } from "../errors.js";
import type { FindingId } from "../findings/finding.types.js";
import { ACTIVATION_EXERCISES } from "./activation.js";
import type {
  Equipment,
  Exercise,
  ExerciseId,
  ExerciseKind,
  ExercisePhase,
} from "./exercise.types.js";
import { EXERCISE_IDS } from "./exercise.types.js";
import { renderIllustration } from "./illustration.js";
import { MOBILITY_EXERCISES } from "./mobility.js";
import { ROLLING_EXERCISES } from "./mobility-rolling.js";
import { ADDUCTOR_EXERCISES } from "./strength-adductors.js";
import { BAND_WALK_EXERCISES } from "./strength-band-walks.js";
import { FIRE_HYDRANT_EXERCISES } from "./strength-fire-hydrants.js";
import { HINGE_EXERCISES } from "./strength-hinges.js";
import { HIP_ABDUCTOR_EXERCISES } from "./strength-hip-abductors.js";
import { HIP_EXTENSOR_EXERCISES } from "./strength-hip-extensors.js";
import { LUNGE_STEP_EXERCISES } from "./strength-lunges-steps.js";
import { SIDE_PLANK_EXERCISES } from "./strength-side-plank.js";
import { SQUAT_EXERCISES } from "./strength-squats.js";
import { HIP_STRETCH_EXERCISES } from "./stretches-hip.js";
import { RUN_STRETCH_EXERCISES } from "./stretches-run.js";
import { nameDistance } from "./suggest.js";

/** Every exercise hipcheck can prescribe, in the order of EXERCISE_IDS. */
export const EXERCISES: readonly Exercise[] = [
  ...HIP_ABDUCTOR_EXERCISES,
  ...SIDE_PLANK_EXERCISES,
  ...BAND_WALK_EXERCISES,
  ...HIP_EXTENSOR_EXERCISES,
  ...FIRE_HYDRANT_EXERCISES,
  ...SQUAT_EXERCISES,
  ...HINGE_EXERCISES,
  ...LUNGE_STEP_EXERCISES,
  ...ADDUCTOR_EXERCISES,
  ...HIP_STRETCH_EXERCISES,
  ...RUN_STRETCH_EXERCISES,
  ...ROLLING_EXERCISES,
  ...MOBILITY_EXERCISES,
  ...ACTIVATION_EXERCISES,
].sort((a, b) => EXERCISE_IDS.indexOf(a.id) - EXERCISE_IDS.indexOf(b.id));

const BY_ID: ReadonlyMap<string, Exercise> = new Map(EXERCISES.map((e) => [e.id, e]));

/** True when `value` is the id of an exercise in the library. */
export function isExerciseId(value: string): value is ExerciseId {
  return BY_ID.has(value);
}

/** Up to `limit` exercise ids whose id, name or other names are close to `query`, best first. */
export function suggestExercises(query: string, limit = 3): ExerciseId[] {
  return EXERCISES.map((exercise) => ({
    id: exercise.id,
    distance: Math.min(
      ...[exercise.id, exercise.name, ...exercise.aliases].map((name) => nameDistance(query, name)),
    ),
  }))
    .filter((match) => match.distance <= 0.5)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, limit)
    .map((match) => match.id);
}

/** The words used when an id is not in the library, with close matches to choose from. */
export function unknownExerciseMessage(id: string): string {
  const close = suggestExercises(id);
  return close.length > 0
    ? `no exercise has the id "${id}"; did you mean ${close.map((c) => `"${c}"`).join(", ")}?`
    : `no exercise has the id "${id}"; ids are written like "side-lying-clamshell"`;
}

/** The exercise with this id; throws a DomainError naming close matches when there is none. */
export function findExercise(id: string): Exercise {
  const exercise = BY_ID.get(id);
  if (!exercise) throw new DomainError(`Unknown exercise: ${unknownExerciseMessage(id)}`);
  return exercise;
}

/** Narrows exercisesFor to one phase, one kind, or what the person has at hand. */
export interface ExerciseFilter {
  phase?: ExercisePhase;
  kind?: ExerciseKind;
  /** Equipment available; exercises needing anything else are left out. "none" is implied. */
  equipment?: readonly Equipment[];
}

/**
 * Exercises that address a finding (seed-000…004; docs/clinical-sources.md, "Exercises"), in library order,
 * optionally narrowed by phase, kind and available equipment.
 */
export function exercisesFor(finding: FindingId, filter: ExerciseFilter = {}): Exercise[] {
  const available = new Set<Equipment>(["none", ...(filter.equipment ?? [])]);
  return EXERCISES.filter(
    (exercise) =>
      exercise.helpsWith.includes(finding) &&
      (filter.phase === undefined || exercise.phases.includes(filter.phase)) &&
      (filter.kind === undefined || exercise.kind === filter.kind) &&
      (filter.equipment === undefined || exercise.equipment.every((item) => available.has(item))),
  );
}

/**
 * The whole ladder an exercise sits on, easiest first: follows regressions down, then
 * progressions up. An exercise on no ladder gives a ladder of one.
 */
export function ladderOf(id: string): Exercise[] {
  let bottom = findExercise(id);
  const seen = new Set<ExerciseId>([bottom.id]);
  while (bottom.regression) {
    bottom = findExercise(bottom.regression);
    if (seen.has(bottom.id)) throw new DomainError(`The ladder of "${id}" loops at "${bottom.id}"`);
    seen.add(bottom.id);
  }
  const ladder = [bottom];
  const climbed = new Set<ExerciseId>([bottom.id]);
  let current = bottom;
  while (current.progression) {
    current = findExercise(current.progression);
    if (climbed.has(current.id))
      throw new DomainError(`The ladder of "${id}" loops at "${current.id}"`);
    climbed.add(current.id);
    ladder.push(current);
  }
  return ladder;
}

/** The exercise's figure as a self-contained SVG string titled with its name. */
export function illustrate(id: string): string {
  const exercise = findExercise(id);
  return renderIllustration(exercise.illustration, exercise.name);
}
