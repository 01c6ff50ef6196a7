import type { Exercise } from "./exercise.types.js";
import type { Point, PoseSpec } from "./figure.types.js";
import {
  armThrough,
  frontLeg,
  hipsOf,
  leg,
  legThrough,
  shouldersOf,
  sidePose,
  standingFront,
} from "./poses.js";

/**
 * Single-leg strength on the move (seed-004): lunges, step-ups and step-downs for the
 * gluteus maximus, and the crossover step-up for the inner thigh.
 */

const handsDown = (x: number, y: number) => ({
  nearHand: [x + 1, y] as Point,
  farHand: [x, y] as Point,
});

const standing = sidePose({
  pelvis: [50, 42],
  trunk: 90,
  nearFoot: [51, 1],
  farFoot: [50, 1],
  feet: [0, 0],
  ...handsDown(51, 16),
});
const lunged = sidePose({
  pelvis: [54, 24],
  trunk: 90,
  nearFoot: [73, 1],
  farFoot: [30, 6],
  knees: ["ccw", "ccw"],
  feet: [0, -40],
  ...handsDown(55, -2),
});

const STEP = { kind: "step", x: 60, width: 34, height: 10 } as const;
const footOnStep: Point = [70, 11];
const stepStart = sidePose({
  pelvis: [50, 42],
  trunk: 86,
  nearFoot: footOnStep,
  farFoot: [50, 1],
  feet: [0, 0],
  ...handsDown(52, 16),
});
const stepTop = sidePose({
  pelvis: [70, 52],
  trunk: 90,
  nearFoot: footOnStep,
  farFoot: [69, 11],
  feet: [0, 0],
  ...handsDown(71, 26),
});

const DOWN_STEP = { kind: "step", x: 40, width: 34, height: 10 } as const;
const downTop = sidePose({
  pelvis: [62, 52],
  trunk: 90,
  nearFoot: [63, 11],
  farFoot: [80, 16],
  knees: ["ccw", "ccw"],
  feet: [0, 0],
  ...handsDown(63, 26),
});
const downLow: PoseSpec = {
  ...sidePose({
    pelvis: [58, 41],
    trunk: 80,
    nearFoot: [63, 11],
    farFoot: [84, 1],
    feet: [0, -10],
    ...handsDown(62, 20),
  }),
  farLeg: leg([58, 41], [84, 1.5], { foot: 10 }),
};

/** Front view beside a step on the right; the far leg crosses over onto the step. */
const CROSS_STEP = { kind: "step", x: 66, width: 34, height: 10 } as const;
function crossStart(): PoseSpec {
  const base = standingFront(52, 6);
  const hips = hipsOf(base.pelvis, 90);
  return { ...base, farLeg: legThrough([hips.far, [62, 22], [76, 11]]) };
}
function crossTop(): PoseSpec {
  const pelvis: Point = [80, 51];
  const hips = hipsOf(pelvis, 90);
  const shoulders = shouldersOf(pelvis, 90);
  return {
    ...standingFront(80, 6),
    pelvis,
    farLeg: frontLeg(hips.far, [76, 11]),
    nearLeg: legThrough([hips.near, [89, 30], [88, 16]]),
    nearArm: armThrough([
      shoulders.near,
      [shoulders.near[0] + 2, shoulders.near[1] - 13],
      [shoulders.near[0] + 3, shoulders.near[1] - 26],
    ]),
  };
}

const dosedAsSeedStrength = {
  sets: [3, 3],
  reps: [10, 10],
  perSide: true,
  note: "seed-004 gives no amount; the seeds' strength dose of 3 × 10 at moderate resistance (seed-001) is used, per leg.",
} as const;

/** This group's exercises, easiest first within each ladder. */
export const LUNGE_STEP_EXERCISES: readonly Exercise[] = [
  {
    id: "lunge",
    name: "Lunge",
    aliases: ["lunges", "forward lunge", "split squat"],
    kind: "strength",
    targets: ["gluteus-maximus", "quadriceps", "gluteus-medius"],
    equipment: ["none"],
    timing: "strength-day",
    startPosition: "Standing tall, feet hip-width apart, hands on the hips or by the sides.",
    steps: [
      "Take a long step forward.",
      "Lower straight down until the back knee nearly touches the floor and the front thigh is about level.",
      "Push through the front heel, squeezing that buttock, to return to standing.",
      "Alternate legs, or finish all repetitions on one leg first.",
    ],
    cues: [
      "Go down like an elevator, not forward like an escalator",
      "Front knee over the middle of the foot, in line with the second toe",
      "Trunk tall",
    ],
    commonFaults: [
      "Front knee caving inward",
      "All the effort felt in the front of the thigh, none in the buttock",
      "Back knee banging into the floor",
    ],
    dose: dosedAsSeedStrength,
    doseSource: "seed-001",
    doseBasis: "clinic-default",
    minutes: 5,
    why: "Strengthens the gluteus maximus and thigh of the front leg in a long stride, with the hip controlling the knee's line.",
    helpsWith: ["hip-driven-knee-pain", "knee-strength-deficit"],
    phases: [2],
    sources: ["seed-004", "seed-001", "nascimento-2018"],
    illustration: {
      panels: [
        { start: standing },
        {
          start: lunged,
          arrows: [{ from: [40, 52], to: [40, 34] }],
          focus: [{ on: "nearThigh", at: 0.05, shift: [-3, 1] }],
        },
      ],
    },
  },
  {
    id: "step-up",
    name: "Step-up",
    aliases: ["step ups", "step-ups", "box step-up"],
    kind: "strength",
    targets: ["gluteus-maximus", "quadriceps"],
    equipment: ["step"],
    timing: "strength-day",
    startPosition: "Standing facing a stair or box of 15–30 cm with one whole foot on it.",
    steps: [
      "Lean slightly forward and push through the heel of the foot on the step.",
      "Stand up tall on the step; bring the other foot up beside it.",
      "Step back down with the second foot, controlling the lowering with the first leg.",
      "Finish the set, then lead with the other leg.",
    ],
    cues: [
      "Push through the heel",
      "Knee in line with the second toe",
      "Do not push off with the back foot",
    ],
    commonFaults: [
      "Springing off the floor with the trailing leg",
      "Knee of the working leg falling inward",
      "Dropping down instead of lowering",
    ],
    dose: dosedAsSeedStrength,
    doseSource: "seed-001",
    doseBasis: "clinic-default",
    minutes: 5,
    why: "Builds single-leg strength of the gluteus maximus and thigh in a stair-climbing pattern that often hurts knee-pain sufferers.",
    helpsWith: ["hip-driven-knee-pain", "knee-strength-deficit"],
    progression: "step-down",
    phases: [1, 2],
    sources: ["seed-004", "seed-001", "nascimento-2018"],
    illustration: {
      panels: [
        { start: stepStart, props: [STEP] },
        {
          start: stepTop,
          props: [STEP],
          arrows: [{ from: [52, 40], to: [56, 58] }],
          focus: [{ on: "nearThigh", at: 0.05, shift: [-3, 1] }],
        },
      ],
    },
  },
  {
    id: "step-down",
    name: "Step-down",
    aliases: ["step downs", "step-downs", "forward step-down", "eccentric step-down"],
    kind: "strength",
    targets: ["gluteus-medius", "gluteus-maximus", "quadriceps"],
    equipment: ["step"],
    timing: "strength-day",
    startPosition:
      "Standing on one leg on a stair or box of 15–20 cm, the other foot held just past the edge.",
    steps: [
      "Bend the standing knee and hip slowly, over about three seconds.",
      "Lower until the heel of the free foot lightly touches the floor.",
      "Push back up to straight through the standing heel.",
      "Finish the set, then stand on the other leg.",
    ],
    cues: [
      "Pelvis level, like a tray",
      "Standing knee stays over the second toe",
      "Touch the floor like a feather",
    ],
    commonFaults: [
      "Standing knee diving inward",
      "Hip on the free side dropping",
      "Putting weight through the lowered heel",
    ],
    dose: dosedAsSeedStrength,
    doseSource: "seed-001",
    doseBasis: "clinic-default",
    minutes: 5,
    why: "Trains the hip to control the knee while lowering on one leg, the part of stairs, squats and running landings that most often hurts.",
    helpsWith: ["hip-driven-knee-pain", "knee-strength-deficit"],
    regression: "step-up",
    phases: [2],
    sources: ["seed-004", "seed-001", "crossley-2011", "nascimento-2018"],
    illustration: {
      panels: [
        { start: downTop, props: [DOWN_STEP] },
        {
          start: downLow,
          props: [DOWN_STEP],
          arrows: [{ from: [92, 16], to: [92, 4] }],
          focus: [{ on: "nearThigh", at: 0.05, shift: [-3, 1] }],
        },
      ],
    },
  },
  {
    id: "crossover-step-up",
    name: "Crossover step-up",
    aliases: ["crossover step ups", "cross-over step-up", "lateral crossover step-up"],
    kind: "strength",
    targets: ["adductors", "gluteus-maximus", "gluteus-medius"],
    equipment: ["step"],
    timing: "strength-day",
    startPosition: "Standing side-on to a stair or box of 15–30 cm.",
    steps: [
      "Cross the leg further from the step in front of the other and plant that foot on the step.",
      "Push through it to stand up on the step; the other leg follows and hovers beside it.",
      "Lower back to the start with control.",
      "Finish the set, then turn round and work the other leg.",
    ],
    cues: [
      "Hips stay facing forward as the leg crosses",
      "Drive through the whole foot on the step",
      "Stand tall at the top",
    ],
    commonFaults: [
      "Twisting the pelvis to reach the step",
      "Pushing off with the foot on the floor",
      "Knee on the step rolling inward",
    ],
    dose: dosedAsSeedStrength,
    doseSource: "seed-001",
    doseBasis: "clinic-default",
    minutes: 5,
    why: "Strengthens the inner thigh with the buttock so the knee is supported from both sides, not only pulled outward.",
    helpsWith: ["hip-driven-knee-pain"],
    phases: [2],
    sources: ["seed-004", "seed-001"],
    illustration: {
      panels: [
        { start: crossStart(), props: [CROSS_STEP] },
        {
          start: crossTop(),
          props: [CROSS_STEP],
          arrows: [{ from: [60, 46], to: [66, 62], bend: -3 }],
          focus: [{ on: "farThigh", at: 0.3, shift: [3, -1] }],
        },
      ],
    },
  },
];
