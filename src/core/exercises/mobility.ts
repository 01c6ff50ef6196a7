import type { Exercise } from "./exercise.types.js";
import type { Point, PoseSpec } from "./figure.types.js";
import { armThrough, leg, legThrough, quadruped, shoulderOf, straightArm } from "./poses.js";

/**
 * Movement-based mobility from seed-004: half-kneeling lunges for the hip flexors and
 * quadriceps, quadruped rocking and walking child's pose for the low back (erector spinae,
 * quadratus lumborum), whose tension also tips the pelvis forward.
 */

/** Half-kneeling, hands on hips, hips at `pelvis`; the near knee is down. */
function halfKneeling(pelvis: Point): PoseSpec {
  const shoulder = shoulderOf(pelvis, 92);
  const hip: Point = [pelvis[0] + 3, pelvis[1] + 2];
  return {
    pelvis,
    trunk: 92,
    nearLeg: legThrough([pelvis, [46, 2.5], [25, 2.5]], 180),
    farLeg: leg(pelvis, [74, 1], { foot: 0 }),
    nearArm: armThrough([shoulder, [shoulder[0] - 7, shoulder[1] - 10], hip]),
    farArm: armThrough([shoulder, [shoulder[0] - 6, shoulder[1] - 11], hip]),
  };
}

const KNEE: Point = [58, 3];
/** On hands and knees rocked back towards the heels, hands and knees where they were. */
function rockedBack(): PoseSpec {
  const pelvis: Point = [KNEE[0] - 18, KNEE[1] + 11];
  const trunk = 14;
  const shoulder = shoulderOf(pelvis, trunk);
  return {
    ...quadruped(58),
    pelvis,
    trunk,
    head: trunk,
    nearLeg: legThrough([pelvis, KNEE, [38, 2.5]], 180),
    farLeg: legThrough([pelvis, [KNEE[0] - 1, KNEE[1]], [37, 3]], 180),
    nearArm: straightArm(shoulder, [84, 0.5]),
    farArm: straightArm(shoulder, [82, 0.5]),
  };
}

/** Child's pose: sitting back on the heels, chest low, arms reaching long. */
function childPose(): PoseSpec {
  const pelvis: Point = [34, 15];
  const trunk = -9;
  const shoulder = shoulderOf(pelvis, trunk);
  return {
    pelvis,
    trunk,
    head: -20,
    nearLeg: legThrough([pelvis, [53, 3], [33, 2.5]], 180),
    farLeg: legThrough([pelvis, [52, 3.5], [32, 3]], 180),
    nearArm: straightArm(shoulder, [88, 1.5]),
    farArm: straightArm(shoulder, [87, 2]),
  };
}

/** This group's exercises, easiest first within each ladder. */
export const MOBILITY_EXERCISES: readonly Exercise[] = [
  {
    id: "half-kneeling-lunge",
    name: "Half-kneeling lunge rock",
    aliases: ["half kneeling lunge", "half-kneeling lunges", "kneeling lunge mobility"],
    kind: "mobility",
    targets: ["hip-flexors", "quadriceps"],
    equipment: ["none"],
    timing: "daily",
    startPosition:
      "Kneeling on one knee on a cushion, the other foot flat in front, hands on the hips.",
    steps: [
      "Tuck the tailbone under and squeeze the buttock of the kneeling leg.",
      "Glide the hips forward until the front of the kneeling hip stretches, then glide back.",
      "Rock slowly for the repetitions, holding the last one for two breaths; change sides.",
    ],
    cues: [
      "Hips move, trunk stays tall",
      "Tail tucked throughout",
      "Front knee over the ankle or just ahead",
    ],
    commonFaults: [
      "Arching the lower back as the hips go forward",
      "Trunk tipping forward",
      "Front knee falling inward",
    ],
    dose: {
      sets: [2, 2],
      reps: [10, 10],
      perSide: true,
      note: "seed-004 gives no amount; 2 × 10 slow rocks a side is the clinic's starting amount.",
    },
    doseSource: "seed-004",
    doseBasis: "clinic-default",
    minutes: 3,
    why: "Moves the hip into extension again and again, easing hip flexors and quadriceps that pull the pelvis into a forward tilt.",
    helpsWith: ["hip-flexor-tightness"],
    phases: [1, 2, 3],
    sources: ["seed-004", "seed-001"],
    illustration: {
      panels: [
        {
          start: halfKneeling([50, 23]),
          end: halfKneeling([56, 21.5]),
          arrows: [{ from: [36, 30], to: [48, 30] }],
          focus: [{ on: "nearThigh", at: 0.15, shift: [3, 0] }],
        },
      ],
    },
  },
  {
    id: "quadruped-rocking",
    name: "Quadruped rocking",
    aliases: ["rock backs", "hands and knees rocking", "quadruped rock back"],
    kind: "mobility",
    targets: ["erector-spinae", "quadratus-lumborum", "gluteus-maximus"],
    equipment: ["none"],
    timing: "daily",
    startPosition:
      "On hands and knees, hands under the shoulders, knees under the hips, back flat.",
    steps: [
      "Keeping the back long, rock the hips back towards the heels as far as is comfortable.",
      "Rock forward again until the shoulders are over the hands.",
      "Move slowly with the breath: out going back, in coming forward.",
    ],
    cues: ["Back stays long, not rounded", "Hands stay planted", "Slow rhythm"],
    commonFaults: [
      "Rounding the lower back at the end of the rock",
      "Hands sliding with the movement",
      "Rushing the repetitions",
    ],
    dose: {
      sets: [2, 2],
      reps: [10, 10],
      perSide: false,
      note: "seed-004 gives no amount; 2 × 10 slow rocks is the clinic's starting amount.",
    },
    doseSource: "seed-004",
    doseBasis: "clinic-default",
    minutes: 2,
    why: "Lets the low back muscles lengthen and the hips bend, easing tension that tips the pelvis forward.",
    helpsWith: ["hip-flexor-tightness"],
    phases: [1, 2, 3],
    sources: ["seed-004"],
    illustration: {
      panels: [
        {
          start: quadruped(58),
          end: rockedBack(),
          arrows: [{ from: [56, 32], to: [38, 24], bend: 4 }],
          focus: [{ on: "trunk", at: 0.2, shift: [0, 3] }],
        },
      ],
    },
  },
  {
    id: "walking-child-pose",
    name: "Walking child's pose",
    aliases: ["child's pose", "childs pose side reach", "walking childs pose"],
    kind: "mobility",
    targets: ["quadratus-lumborum", "erector-spinae"],
    equipment: ["none"],
    timing: "daily",
    startPosition:
      "Kneeling, sitting back on the heels, chest towards the thighs, arms reaching forward on the floor.",
    steps: [
      "Walk both hands over to one side until you feel a stretch along the opposite side of the waist and back.",
      "Hold and breathe into that side.",
      "Walk the hands through the middle to the other side and hold again.",
    ],
    cues: [
      "Hips stay back on the heels",
      "Reach long through the fingertips",
      "Breathe into the stretched side",
    ],
    commonFaults: [
      "Hips lifting off the heels as the hands walk",
      "Shrugging the shoulders up to the ears",
      "Walking the hands so far the stretch turns into a twist",
    ],
    dose: {
      sets: [2, 2],
      seconds: [20, 30],
      perSide: true,
      note: "seed-004 gives no amount; two 20–30 s holds a side is the clinic's starting amount.",
    },
    doseSource: "seed-004",
    doseBasis: "clinic-default",
    minutes: 2,
    why: "Stretches the side and back of the waist, whose tension lifts the back of the pelvis and keeps the glutes at a disadvantage.",
    helpsWith: ["hip-flexor-tightness"],
    phases: [1, 2, 3],
    sources: ["seed-004"],
    illustration: {
      panels: [
        {
          start: childPose(),
          focus: [{ on: "trunk", at: 0.5, shift: [0, 3] }],
          caption: "walk the hands to each side",
        },
      ],
    },
  },
];
