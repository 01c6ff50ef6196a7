import type { Equipment, Exercise, ExercisePhase } from "../exercises/exercise.types.js";
import { EXERCISES, findExercise, ladderOf } from "../exercises/library.js";
import type { Finding, FindingId } from "../findings/finding.types.js";
import type { Side } from "../side.js";
import type { Prescription } from "./programme.types.js";

const FINDING_WORDS: Record<FindingId, string> = {
  "hip-driven-knee-pain": "hip weakness behind the knee pain",
  "load-error": "a training-load error",
  "hip-flexor-tightness": "tight hip flexors",
  overstriding: "overstriding",
  "knee-strength-deficit": "weak knee muscles",
  "not-enough-data": "",
};

/** The findings a programme answers: likely or possible ones. Hip work is always included (seed-003). */
export function activeFindings(findings: readonly Finding[]): FindingId[] {
  const active = findings
    .filter((f) => f.id !== "not-enough-data" && (f.status === "likely" || f.status === "possible"))
    .map((f) => f.id);
  return active.includes("hip-driven-knee-pain") ? active : [...active, "hip-driven-knee-pain"];
}

/** True when everything the exercise needs is at hand. */
export function equipmentAvailable(exercise: Exercise, available: readonly Equipment[]): boolean {
  return exercise.equipment.every((e) => HOUSEHOLD.includes(e) || available.includes(e));
}

/** Found in any home: a chair, a stair for a step; "none" needs nothing. */
const HOUSEHOLD: readonly Equipment[] = ["none", "chair", "step"];

/** The lowest rung of an exercise's ladder. */
function ladderRoot(exercise: Exercise): Exercise {
  let current = exercise;
  const seen = new Set<string>();
  while (current.regression && !seen.has(current.id)) {
    seen.add(current.id);
    current = findExercise(current.regression);
  }
  return current;
}

/**
 * Exercises of one kind and timing for a phase, one rung per ladder: in phase 1 the easiest
 * rung that can be done with the equipment at hand, later the hardest (seed-001: harder
 * variations once the basics are easy). Ordered by priority: the seed-000 routine first,
 * then by how many active findings an exercise answers, then library order.
 */
export function candidatesFor(options: {
  phase: ExercisePhase;
  timing: Exercise["timing"];
  findings: readonly FindingId[];
  equipment: readonly Equipment[];
}): Exercise[] {
  const { phase, timing, findings, equipment } = options;
  const eligible = EXERCISES.filter(
    (e) =>
      e.timing === timing &&
      e.phases.includes(phase) &&
      e.helpsWith.some((f) => findings.includes(f)) &&
      equipmentAvailable(e, equipment),
  );
  const byLadder = new Map<string, Exercise[]>();
  for (const e of eligible) {
    const root = ladderRoot(e).id;
    byLadder.set(root, [...(byLadder.get(root) ?? []), e]);
  }
  const chosen = [...byLadder.values()].map((rungs) => {
    const ordered = [...rungs].sort((a, b) => rungIndex(a) - rungIndex(b));
    // Phase 1 keeps the rung the seed-000 routine names (e.g. the single-leg bridge), else the easiest.
    const seedRung = ordered.find((e) => e.doseSource === "seed-000");
    return (phase === 1 ? (seedRung ?? ordered[0]) : ordered[ordered.length - 1]) as Exercise;
  });
  const score = (e: Exercise) => e.helpsWith.filter((f) => findings.includes(f)).length;
  const seed000 = (e: Exercise) =>
    ladderOf(e.id).some((rung) => rung.doseSource === "seed-000") ? 1 : 0;
  return chosen.sort(
    (a, b) =>
      seed000(b) - seed000(a) || score(b) - score(a) || EXERCISES.indexOf(a) - EXERCISES.indexOf(b),
  );
}

function rungIndex(exercise: Exercise): number {
  let index = 0;
  let current = exercise;
  while (current.regression) {
    index++;
    current = findExercise(current.regression);
    if (index > 20) break;
  }
  return index;
}

/** How the hip work is dosed: extra sets on these sides, or maintenance (treatment-basis.ts). */
export interface HipDosing {
  emphasis: readonly Side[];
  maintenance: boolean;
}

/**
 * The exercise as prescribed: the upper end of its seed's set range (the sets are the seed's,
 * progression comes from the logs), one more set on each emphasised side of a single-leg hip
 * exercise (both sides when both are weak), the lower end when the hip is only maintained.
 * `reasons` records, per finding, the words saying why it chose the exercise.
 */
export function prescribe(options: {
  exercise: Exercise;
  findings: readonly FindingId[];
  hip?: HipDosing;
  reasons?: Partial<Record<FindingId, string>>;
}): Prescription {
  const { exercise, findings, hip } = options;
  const answers = exercise.helpsWith.filter((f) => findings.includes(f));
  const hipStrength = exercise.kind === "strength" && answers.includes("hip-driven-knee-pain");
  const onlyHip = hipStrength && answers.length === 1;
  const sets = hip?.maintenance && onlyHip ? exercise.dose.sets[0] : exercise.dose.sets[1];
  const emphasis = hipStrength && exercise.dose.perSide ? (hip?.emphasis ?? []) : [];
  const perSet = exercise.minutes / Math.max(1, sets);
  const both = emphasis.length === 2;
  const oneSide = emphasis.length === 1 ? emphasis[0] : undefined;
  const extraMinutes = both ? perSet : oneSide ? perSet / 2 : 0;
  const chosenBy = answers.map((f) => options.reasons?.[f] ?? FINDING_WORDS[f]).filter(Boolean);
  return {
    exercise: exercise.id,
    name: exercise.name,
    kind: exercise.kind,
    sets: both ? sets + 1 : sets,
    ...(oneSide
      ? {
          setsBySide: {
            left: sets + (oneSide === "left" ? 1 : 0),
            right: sets + (oneSide === "right" ? 1 : 0),
          },
        }
      : {}),
    ...(exercise.dose.reps ? { reps: exercise.dose.reps } : {}),
    ...(exercise.dose.seconds ? { seconds: exercise.dose.seconds } : {}),
    ...(exercise.dose.metres ? { metres: exercise.dose.metres } : {}),
    perSide: exercise.dose.perSide,
    ...(exercise.dose.note ? { note: exercise.dose.note } : {}),
    // One extra set on one side takes half a set's time of a per-side exercise, on both a whole set.
    minutes: Math.round((exercise.minutes + extraMinutes) * 10) / 10,
    why: `${exercise.why} In this programme for ${answers.map((f) => FINDING_WORDS[f]).join(" and ")}.`,
    forFindings: answers,
    chosenBy,
    doseSource: exercise.doseSource,
  };
}

/** Takes prescriptions in order while they fit the minutes; always at least the first. */
export function fitToMinutes(items: readonly Prescription[], minutes: number): Prescription[] {
  const taken: Prescription[] = [];
  let used = 0;
  for (const item of items) {
    if (taken.length > 0 && used + item.minutes > minutes) continue;
    taken.push(item);
    used += item.minutes;
  }
  return taken;
}
