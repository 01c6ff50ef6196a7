import type { FindingId } from "../findings/finding.types.js";
import type { SourceId } from "../sources.js";
import type { Illustration } from "./figure.types.js";

/**
 * Every exercise id, stable across releases: programmes, logs and reports store these.
 * Add new ids at the end; never rename or reuse one.
 */
export const EXERCISE_IDS = [
  // Clamshell ladder (strength-hip-abductors.ts)
  "side-lying-clamshell",
  "banded-clamshell",
  "side-lying-hip-abduction",
  "side-plank-hip-abduction",
  // Side plank ladder (strength-side-plank.ts)
  "side-plank-from-knees",
  "side-v-up",
  // Band walks (strength-band-walks.ts)
  "lateral-band-walk",
  "lateral-band-walk-band-at-feet",
  // Hip extensors (strength-hip-extensors.ts)
  "glute-bridge",
  "single-leg-glute-bridge",
  "glute-blaster",
  // Fire hydrants (strength-fire-hydrants.ts)
  "quadruped-fire-hydrant",
  "fire-hydrant",
  // Squat ladder (strength-squats.ts)
  "sit-to-stand",
  "squat",
  "knees-out-squat",
  // Hinges and hamstrings (strength-hinges.ts)
  "romanian-deadlift",
  "single-leg-romanian-deadlift",
  "deadlift",
  "hamstring-curl",
  // Lunges and steps (strength-lunges-steps.ts)
  "lunge",
  "step-up",
  "step-down",
  "crossover-step-up",
  // Sideways strength for the inner and outer hip (strength-adductors.ts)
  "side-lunge",
  "pallof-side-step",
  // Daily hip stretches (stretches-hip.ts)
  "kneeling-hip-flexor-stretch",
  "hip-90-90-stretch",
  "figure-4-stretch",
  "piriformis-stretch",
  // Stretches around each run (stretches-run.ts)
  "standing-groin-stretch",
  "standing-quadriceps-stretch",
  // Foam rolling (mobility-rolling.ts)
  "foam-roll-lateral-hip",
  "foam-roll-quadriceps",
  // Mobility (mobility.ts)
  "half-kneeling-lunge",
  "quadruped-rocking",
  "walking-child-pose",
  // Activation in daily life and running (activation.ts)
  "glute-squeeze-standing",
  "glute-squeeze-walking",
  "glute-squeeze-running",
  "glute-squeeze-hills",
  "side-shuffle",
] as const;

export type ExerciseId = (typeof EXERCISE_IDS)[number];

export type ExerciseKind = "strength" | "stretch" | "mobility" | "activation";

/** What the exercise needs beyond a floor or a mat; "none" stands alone. */
export type Equipment =
  | "none"
  | "band" // loop band around the thighs, knees or feet
  | "cable-or-band" // long band or cable fixed to a post at one end
  | "weights" // dumbbells or a kettlebell
  | "step" // a stair or a box of 15–30 cm
  | "chair"
  | "foam-roller"
  | "foam-roller-or-ball" // foam roller, or a lacrosse or massage ball
  | "exercise-ball"; // large inflatable gym ball

export type Muscle =
  | "gluteus-medius"
  | "gluteus-maximus"
  | "hip-external-rotators"
  | "piriformis"
  | "hip-internal-rotators"
  | "tensor-fasciae-latae"
  | "iliotibial-band"
  | "hip-flexors"
  | "quadriceps"
  | "hamstrings"
  | "adductors"
  | "obliques"
  | "trunk"
  | "erector-spinae"
  | "quadratus-lumborum"
  | "calves";

/** An inclusive range [min, max]; min equals max for a single value. */
export type Range = readonly [min: number, max: number];

/**
 * How much of an exercise to do in one session. A set is `reps` repetitions, or a hold or
 * bout of `seconds`, or a walk of `metres` one way; `perSide` means the numbers are per
 * leg (or per direction for side-stepping).
 */
export interface Dose {
  sets: Range;
  /** Repetitions per set (per side when perSide). */
  reps?: Range;
  /** Hold or work time per set, seconds. */
  seconds?: Range;
  /** Distance per set, metres, one way. */
  metres?: Range;
  perSide: boolean;
  /** Anything the numbers do not say: resistance, tempo, how to split a daily total. */
  note?: string;
}

/**
 * Where the dose numbers come from: "as-published" means exactly as in `doseSource`;
 * "clinic-default" means the source names the exercise without an amount, and the numbers
 * are hipcheck's reasoned starting point (dose.note says why), which a clinician adjusts.
 */
export type DoseBasis = "as-published" | "clinic-default";

/** Another dose a source gives for the same exercise, kept so a clinician can choose it. */
export interface AlternativeDose {
  label: string;
  dose: Dose;
  source: SourceId;
}

/**
 * Programme phases in the order seed-001 gives them: build strength and mobility first,
 * then learn to switch the muscles on and take harder variations, then carry it into running.
 */
export type ExercisePhase = 1 | 2 | 3;

/** Name and aim of each phase, for programme headings. */
export const PHASES: Readonly<Record<ExercisePhase, { name: string; aim: string }>> = {
  1: {
    name: "Strength and mobility",
    aim: "Work up to 3 sets of 10 of each strength exercise at moderate resistance, with daily stretching (seed-001).",
  },
  2: {
    name: "Activation and harder variations",
    aim: "Once the basics are easy with good form, use the glutes in standing and walking and move up the ladders (seed-001).",
  },
  3: {
    name: "Running integration",
    aim: "Switch the stance-side glute on while running, slowly at first, then on hills and uneven ground (seed-001).",
  },
};

/**
 * When in the week an exercise belongs. Strength work goes on non-running days (seed-000,
 * seed-002); stretching daily (seed-001); groin and quadriceps stretches around each run
 * (seed-002); activation in daily life and in runs (seed-001).
 */
export type ExerciseTiming =
  | "strength-day"
  | "daily"
  | "before-and-after-run"
  | "during-daily-life"
  | "during-run";

export interface Exercise {
  id: ExerciseId;
  name: string;
  /** Other names clinicians and articles use; searched by findExercise's suggestions. */
  aliases: readonly string[];
  kind: ExerciseKind;
  targets: readonly Muscle[];
  equipment: readonly Equipment[];
  timing: ExerciseTiming;
  startPosition: string;
  steps: readonly string[];
  cues: readonly string[];
  commonFaults: readonly string[];
  dose: Dose;
  doseSource: SourceId;
  doseBasis: DoseBasis;
  alternativeDoses?: readonly AlternativeDose[];
  /** Typical minutes to complete the dose, both sides, including changeovers. */
  minutes: number;
  /** Why it helps, in one plain sentence. */
  why: string;
  helpsWith: readonly FindingId[];
  /** The next easier step on its ladder. */
  regression?: ExerciseId;
  /** The next harder step on its ladder. */
  progression?: ExerciseId;
  phases: readonly ExercisePhase[];
  sources: readonly SourceId[];
  illustration: Illustration;
}
