import type { Exercise } from "./exercise.types.js";
import type { Anchor, Point, PoseSpec } from "./figure.types.js";
import { leg, shoulderOf, sidePose, straightArm } from "./poses.js";

/**
 * Hip hinges for the gluteus maximus and hamstrings (seed-004: deadlifts, Romanian
 * deadlifts, hamstring curls; seed-003: single-leg Romanian deadlift).
 */

const FOOT: Point = [62, 1];
const hands: readonly Anchor[] = [{ on: "nearForearm", at: 1 }];

/** A side-view hinge: hips at `pelvis`, trunk at `trunk` degrees, arms hanging straight down. */
function hinge(pelvis: Point, trunk: number, reach = 27): PoseSpec {
  const shoulder = shoulderOf(pelvis, trunk);
  const hand: Point = [shoulder[0] + 1, shoulder[1] - reach];
  return {
    ...sidePose({
      pelvis,
      trunk,
      head: trunk + 10,
      nearFoot: FOOT,
      farFoot: [FOOT[0] - 1, FOOT[1]],
      feet: [0, 0],
      nearHand: hand,
      farHand: hand,
    }),
    nearArm: straightArm(shoulder, hand),
    farArm: straightArm(shoulder, [hand[0] - 1, hand[1]]),
    weights: hands,
  };
}

const rdlTop = hinge([60, 42], 90);
const rdlBottom = hinge([47, 38], 22);
const deadliftBottom = hinge([44, 25], 42, 25);

/** Single-leg hinge: standing on the near leg, the far leg reaching back as the trunk tips. */
function singleLeg(trunk: number, backLeg: number): PoseSpec {
  const pelvis: Point = [58, 41.5];
  const shoulder = shoulderOf(pelvis, trunk);
  return {
    pelvis,
    trunk,
    head: trunk + 12,
    nearLeg: leg(pelvis, FOOT, { foot: 0 }),
    farLeg: { upper: backLeg, lower: backLeg, end: backLeg + 90 },
    nearArm: straightArm(shoulder, [shoulder[0] + 1, shoulder[1] - 27]),
    farArm: straightArm(shoulder, [shoulder[0], shoulder[1] - 27]),
  };
}

/** Lying on the back with the heels on a ball and the hips lifted. */
function ballCurl(pelvis: Point, heel: Point): PoseSpec {
  const trunk = 180 + (Math.asin((pelvis[1] - 8) / 28) * 180) / Math.PI;
  const shoulder = shoulderOf(pelvis, trunk);
  return {
    pelvis,
    trunk,
    head: 180,
    nearLeg: leg(pelvis, heel, { foot: 80 }),
    farLeg: leg(pelvis, [heel[0] + 1, heel[1]], { foot: 80 }),
    nearArm: straightArm(shoulder, [shoulder[0] + 24, 1.5]),
    farArm: straightArm(shoulder, [shoulder[0] + 23, 2]),
  };
}

const hingeSteps = {
  cues: [
    "Hips go back, not down",
    "Back long and flat from head to tailbone",
    "Weights brush the legs",
  ],
  faults: [
    "Rounding the back to reach lower",
    "Bending the knees into a squat instead of hinging",
    "Leaning back at the top instead of finishing with the buttocks",
  ],
} as const;

/** This group's exercises, easiest first within each ladder. */
export const HINGE_EXERCISES: readonly Exercise[] = [
  {
    id: "romanian-deadlift",
    name: "Romanian deadlift",
    aliases: ["RDL", "Romanian deadlifts", "stiff-leg deadlift"],
    kind: "strength",
    targets: ["hamstrings", "gluteus-maximus", "erector-spinae"],
    equipment: ["weights"],
    timing: "strength-day",
    startPosition:
      "Standing tall, feet hip-width apart, knees soft, a weight in each hand in front of the thighs.",
    steps: [
      "Push the hips straight back and let the trunk tip forward with the back flat.",
      "Slide the weights down the thighs until you feel a strong pull behind the thighs, about mid-shin.",
      "Squeeze the buttocks to bring the hips forward and stand tall.",
    ],
    cues: [...hingeSteps.cues],
    commonFaults: [...hingeSteps.faults],
    dose: {
      sets: [3, 3],
      reps: [10, 10],
      perSide: false,
      note: "seed-004 gives no amount; the seeds' strength dose of 3 × 10 at moderate resistance (seed-001) is used.",
    },
    doseSource: "seed-001",
    doseBasis: "clinic-default",
    minutes: 4,
    why: "Strengthens the hamstrings at length with the gluteus maximus; back-of-thigh tightness is often weakness from a forward-tipped pelvis.",
    helpsWith: ["hip-driven-knee-pain", "knee-strength-deficit"],
    progression: "single-leg-romanian-deadlift",
    phases: [1, 2],
    sources: ["seed-004", "seed-001", "nascimento-2018"],
    illustration: {
      panels: [
        { start: rdlTop },
        {
          start: rdlBottom,
          arrows: [{ from: [62, 72], to: [84, 58], bend: -6 }],
          focus: [{ on: "nearThigh", at: 0.5, shift: [0, 3] }],
        },
      ],
    },
  },
  {
    id: "single-leg-romanian-deadlift",
    name: "Single-leg Romanian deadlift",
    aliases: ["single leg RDL", "SL RDL", "single-leg deadlift", "one-leg hinge"],
    kind: "strength",
    targets: ["gluteus-maximus", "hamstrings", "gluteus-medius"],
    equipment: ["none"],
    timing: "strength-day",
    startPosition: "Standing on one leg with the core braced, the other foot just off the floor.",
    steps: [
      "Hinge forward at the standing hip while the free leg reaches back in line with the trunk.",
      "Keep the pelvis square to the floor and stop where the back of the standing thigh is at its full length.",
      "Drive from the buttock of the standing leg to bring the trunk back up.",
      "Finish the set, then stand on the other leg.",
    ],
    cues: [
      "Hip bones point at the floor, like headlights",
      "A slight bend in the standing knee eases the hamstring",
      "Rise by squeezing the buttock, not by lifting with the back",
    ],
    commonFaults: [
      "Hip of the free leg opening towards the ceiling",
      "Standing knee falling inward",
      "Rounding the back to reach further",
    ],
    dose: {
      sets: [2, 3],
      reps: [10, 15],
      perSide: true,
      note: "Hold a weight in the opposite hand when it is easy.",
    },
    doseSource: "seed-003",
    doseBasis: "as-published",
    minutes: 6,
    why: "Loads the gluteus maximus and hamstrings on one leg while the outer hip keeps the pelvis level, the same job as in running.",
    helpsWith: ["hip-driven-knee-pain"],
    regression: "romanian-deadlift",
    phases: [2],
    sources: ["seed-003", "seed-004"],
    illustration: {
      panels: [
        { start: singleLeg(90, -100) },
        {
          start: singleLeg(8, 186),
          arrows: [{ from: [62, 74], to: [88, 56], bend: -8 }],
          focus: [{ on: "nearThigh", at: 0.1, shift: [-2, 3] }],
        },
      ],
    },
  },
  {
    id: "deadlift",
    name: "Deadlift",
    aliases: ["deadlifts", "kettlebell deadlift", "dumbbell deadlift"],
    kind: "strength",
    targets: ["gluteus-maximus", "hamstrings", "quadriceps", "erector-spinae"],
    equipment: ["weights"],
    timing: "strength-day",
    startPosition:
      "Standing with feet hip-width apart and a kettlebell or two dumbbells on the floor beside the feet.",
    steps: [
      "Push the hips back and bend the knees to take hold of the weight with a flat back.",
      "Brace, then push the floor away and stand up, hips and shoulders rising together.",
      "Finish tall with the buttocks squeezed, then lower along the same path.",
    ],
    cues: ["Chest proud, back flat", "Push the floor away", "Buttocks finish the lift"],
    commonFaults: [
      "Hips shooting up first so the back does the lifting",
      "Weight drifting away from the legs",
      "Knees caving in as you stand",
    ],
    dose: {
      sets: [3, 3],
      reps: [10, 10],
      perSide: false,
      note: "seed-004 gives no amount; the seeds' strength dose of 3 × 10 at moderate resistance (seed-001) is used.",
    },
    doseSource: "seed-001",
    doseBasis: "clinic-default",
    minutes: 4,
    why: "Loads the gluteus maximus, the body's most powerful hip extensor, together with the thighs and back.",
    helpsWith: ["hip-driven-knee-pain", "knee-strength-deficit"],
    phases: [2],
    sources: ["seed-004", "seed-001", "nascimento-2018"],
    illustration: {
      panels: [
        { start: deadliftBottom },
        {
          start: rdlTop,
          arrows: [{ from: [46, 30], to: [46, 52] }],
          focus: [{ on: "nearThigh", at: 0.05, shift: [-3, 0] }],
        },
      ],
    },
  },
  {
    id: "hamstring-curl",
    name: "Hamstring curl on a ball",
    aliases: ["hamstring curls", "ball leg curl", "stability ball curl", "leg curl"],
    kind: "strength",
    targets: ["hamstrings", "gluteus-maximus"],
    equipment: ["exercise-ball"],
    timing: "strength-day",
    startPosition:
      "Lying on your back, arms out on the floor, heels resting on top of a gym ball, legs straight.",
    steps: [
      "Lift the hips until the body is straight from shoulders to heels.",
      "Keeping the hips up, bend the knees and roll the ball towards you.",
      "Roll it back out slowly until the legs are straight, hips still lifted.",
    ],
    cues: ["Hips stay high throughout", "Pull with the heels", "Slow on the way out"],
    commonFaults: [
      "Hips sagging as the ball rolls in",
      "Pushing the belly up and arching the back",
      "Letting the ball roll out fast",
    ],
    dose: {
      sets: [3, 3],
      reps: [10, 10],
      perSide: false,
      note: "seed-004 gives no amount; 3 × 10 as for the other strength work (seed-001). A machine or band curl suits too.",
    },
    doseSource: "seed-001",
    doseBasis: "clinic-default",
    minutes: 4,
    why: "Builds hamstring strength that helps the glutes control the pelvis and shares work around the knee.",
    helpsWith: ["knee-strength-deficit", "hip-driven-knee-pain"],
    phases: [2],
    sources: ["seed-004", "seed-001", "nascimento-2018"],
    illustration: {
      panels: [
        {
          start: ballCurl([66, 15], [106, 22]),
          props: [{ kind: "ball", at: [106, 11], radius: 11 }],
        },
        {
          start: ballCurl([67, 23], [90, 22]),
          props: [{ kind: "ball", at: [90, 11], radius: 11 }],
          arrows: [{ from: [108, 12], to: [102, 12] }],
          focus: [{ on: "nearThigh", at: 0.6, shift: [0, -3] }],
        },
      ],
    },
  },
];
