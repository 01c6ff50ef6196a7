import type { Exercise } from "./exercise.types.js";
import type { Point, PoseSpec } from "./figure.types.js";
import { step } from "./pose.js";
import {
  armThrough,
  hipsOf,
  legThrough,
  shoulderOf,
  shouldersOf,
  sidePose,
  standingFront,
} from "./poses.js";

/**
 * The squat ladder: sit-to-stand, squat, squat driving the knees out. Seed-004's squat fault
 * (weight on the toes, knees far forward and caving) and its cue (sit the hips back and
 * down) are written into the cues and faults.
 */

const FOOT: Point = [62, 1];

/** Arms folded across the chest, seen from the side. */
function folded(pose: PoseSpec): PoseSpec {
  const shoulder = shoulderOf(pose.pelvis, pose.trunk);
  const forward = step(pose.pelvis, pose.trunk - 90, 1);
  const along = (length: number, ahead: number): Point => {
    const p = step(pose.pelvis, pose.trunk, length);
    return [
      p[0] + (forward[0] - pose.pelvis[0]) * ahead,
      p[1] + (forward[1] - pose.pelvis[1]) * ahead,
    ];
  };
  const foldedArm = armThrough([shoulder, along(13, 8), along(21, 5)]);
  return { ...pose, nearArm: foldedArm, farArm: foldedArm };
}

const seated = folded(
  sidePose({
    pelvis: [42, 24],
    trunk: 75,
    nearFoot: FOOT,
    farFoot: [FOOT[0] - 1, FOOT[1]],
    feet: [0, 0],
    nearHand: [50, 40],
    farHand: [50, 40],
  }),
);
const risen = folded(
  sidePose({
    pelvis: [60, 42],
    trunk: 90,
    nearFoot: FOOT,
    farFoot: [FOOT[0] - 1, FOOT[1]],
    feet: [0, 0],
    nearHand: [60, 40],
    farHand: [60, 40],
  }),
);

const standingTall = sidePose({
  pelvis: [60, 42],
  trunk: 90,
  nearFoot: FOOT,
  farFoot: [FOOT[0] - 1, FOOT[1]],
  feet: [0, 0],
  nearHand: [61, 16],
  farHand: [59, 16],
});
const squatted = sidePose({
  pelvis: [45, 24],
  trunk: 58,
  nearFoot: FOOT,
  farFoot: [FOOT[0] - 1, FOOT[1]],
  feet: [0, 0],
  nearHand: [85, 43],
  farHand: [84, 42],
  elbows: ["ccw", "ccw"],
});

/** Front view with hands together at the chest and knees pushed out over the feet. */
function frontSquat(height: number, kneeSpread: number): PoseSpec {
  const base = standingFront(60, 9);
  const pelvis: Point = [60, height];
  const hips = hipsOf(pelvis, 90);
  const shoulders = shouldersOf(pelvis, 90);
  const kneeY = height / 2 + 2;
  const chest: Point = [60, shoulders.near[1] - 7];
  return {
    ...base,
    pelvis,
    nearLeg: legThrough([hips.near, [60 + kneeSpread, kneeY], [69, 0.5]]),
    farLeg: legThrough([hips.far, [60 - kneeSpread, kneeY], [51, 0.5]]),
    nearArm: armThrough([shoulders.near, [shoulders.near[0] + 3, shoulders.near[1] - 10], chest]),
    farArm: armThrough([shoulders.far, [shoulders.far[0] - 3, shoulders.far[1] - 10], chest]),
  };
}
const kneeBand = { from: { on: "nearThigh", at: 0.88 }, to: { on: "farThigh", at: 0.88 } } as const;

const squatFaults = [
  "Weight rolling onto the toes so the knees travel far forward",
  "Knees caving in towards each other",
  "Heels lifting off the floor",
] as const;

/** This group's exercises, easiest first within each ladder. */
export const SQUAT_EXERCISES: readonly Exercise[] = [
  {
    id: "sit-to-stand",
    name: "Sit to stand",
    aliases: ["chair stand", "sit-to-stand", "chair squat"],
    kind: "strength",
    targets: ["gluteus-maximus", "quadriceps", "gluteus-medius"],
    equipment: ["chair"],
    timing: "strength-day",
    startPosition:
      "Sitting near the front of a firm chair, feet flat and hip-width apart, arms folded across the chest.",
    steps: [
      "Lean the chest forward until the weight comes onto the feet.",
      "Push the floor away and stand up tall, squeezing the buttocks at the top.",
      "Sit back down slowly, reaching the hips back to the chair.",
    ],
    cues: [
      "Nose over toes to rise",
      "Knees stay in line with the second toe",
      "Sit down softly: no dropping into the chair",
    ],
    commonFaults: [
      "Knees pressing together on the way up",
      "Pushing off the thighs or the chair with the hands",
      "Falling into the chair instead of lowering",
    ],
    dose: {
      sets: [3, 3],
      reps: [10, 10],
      perSide: false,
      note: "Moderate difficulty; a lower chair or a weight held at the chest makes it harder.",
    },
    doseSource: "seed-001",
    doseBasis: "as-published",
    minutes: 4,
    why: "Builds hip and thigh strength in a movement used dozens of times a day, with a chair to set the depth.",
    helpsWith: ["hip-driven-knee-pain", "knee-strength-deficit"],
    progression: "squat",
    phases: [1],
    sources: ["seed-001", "seed-004", "nascimento-2018"],
    illustration: {
      panels: [
        {
          start: seated,
          props: [{ kind: "chair", x: 28, width: 20, seatHeight: 22 }],
          focus: [{ on: "nearThigh", at: 0.05, shift: [-3, 0] }],
        },
        {
          start: risen,
          props: [{ kind: "chair", x: 28, width: 20, seatHeight: 22 }],
          arrows: [{ from: [46, 34], to: [46, 54] }],
        },
      ],
    },
  },
  {
    id: "squat",
    name: "Squat",
    aliases: ["squats", "bodyweight squat", "air squat"],
    kind: "strength",
    targets: ["gluteus-maximus", "quadriceps", "hamstrings"],
    equipment: ["none"],
    timing: "strength-day",
    startPosition: "Standing, feet about shoulder-width apart, toes turned out a little.",
    steps: [
      "Send the hips back and down as if sitting onto a chair behind you.",
      "Go as low as you can with the heels down and the back flat, arms forward for balance.",
      "Drive up through the whole foot, squeezing the buttocks to finish tall.",
    ],
    cues: [
      "Hips lead, knees follow",
      "Weight spread over the whole foot, heels heavy",
      "Knees follow the toes",
    ],
    commonFaults: [...squatFaults, "Rounding the back at the bottom"],
    dose: {
      sets: [3, 3],
      reps: [10, 10],
      perSide: false,
      note: "Moderate difficulty; hold a weight at the chest when easy.",
    },
    doseSource: "seed-001",
    doseBasis: "as-published",
    minutes: 4,
    why: "Strengthens the gluteus maximus with the thighs, and teaches the hips to share a load the knees often take alone.",
    helpsWith: ["hip-driven-knee-pain", "knee-strength-deficit"],
    regression: "sit-to-stand",
    progression: "knees-out-squat",
    phases: [1],
    sources: ["seed-001", "seed-004", "nascimento-2018"],
    illustration: {
      panels: [
        { start: standingTall },
        {
          start: squatted,
          arrows: [{ from: [38, 44], to: [36, 28], bend: 4 }],
          focus: [{ on: "nearThigh", at: 0.05, shift: [-3, 0] }],
        },
      ],
    },
  },
  {
    id: "knees-out-squat",
    name: "Squat driving the knees out",
    aliases: ["knees-out squat", "knees out squat", "banded squat", "squat with band"],
    kind: "strength",
    targets: ["gluteus-medius", "gluteus-maximus", "tensor-fasciae-latae", "quadriceps"],
    equipment: ["band"],
    timing: "strength-day",
    startPosition:
      "Standing with a loop band just above the knees, feet about shoulder-width apart, toes turned out a little.",
    steps: [
      "Push the knees out against the band before you start to bend.",
      "Squat with the hips going back and down, keeping the knees out over the feet.",
      "Stand back up without letting the band pull the knees in.",
    ],
    cues: [
      "Spread the floor apart with your feet",
      "Knees point the same way as the toes the whole way",
      "Keep the band tight",
    ],
    commonFaults: [
      ...squatFaults.slice(1),
      "Rolling onto the outer edges of the feet to force the knees out",
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
    why: "Makes the outer hip hold the knee in line under load, the opposite of the knees caving in.",
    helpsWith: ["hip-driven-knee-pain"],
    regression: "squat",
    phases: [1, 2],
    sources: ["seed-004", "seed-001", "ferber-2015"],
    illustration: {
      panels: [
        { start: { ...standingFront(60, 9), bands: [kneeBand] } },
        {
          start: { ...frontSquat(31, 12), bands: [kneeBand] },
          arrows: [
            { from: [74, 20], to: [84, 20] },
            { from: [46, 20], to: [36, 20] },
          ],
          focus: [
            { on: "nearThigh", at: 0, shift: [2, 2] },
            { on: "farThigh", at: 0, shift: [-2, 2] },
          ],
        },
      ],
    },
  },
];
