import { AROUND_RUN_STRETCH_DOSE } from "./dose.js";
import type { Exercise } from "./exercise.types.js";
import type { Point, PoseSpec } from "./figure.types.js";
import {
  arm,
  armThrough,
  frontLeg,
  hipsOf,
  legThrough,
  shoulderOf,
  shouldersOf,
  straightArm,
} from "./poses.js";

/**
 * The two stretches seed-002 puts at the start and end of every run: the standing groin
 * stretch and the quadriceps stretch. Sitting tightens the groin and weakens the gluteus
 * medius (seed-002); tight quadriceps tip the pelvis forward (seed-004).
 */

function groin(): PoseSpec {
  const pelvis: Point = [66, 33];
  const hips = hipsOf(pelvis, 90);
  const shoulders = shouldersOf(pelvis, 90);
  const knee: Point = [82, 18];
  return {
    view: "front",
    pelvis,
    trunk: 90,
    nearLeg: legThrough([hips.near, knee, [84, 0.5]]),
    farLeg: frontLeg(hips.far, [34, 0.5]),
    nearArm: armThrough([
      shoulders.near,
      [shoulders.near[0] + 6, shoulders.near[1] - 11],
      [knee[0] - 2, knee[1] + 6],
    ]),
    farArm: armThrough([
      shoulders.far,
      [shoulders.far[0] + 2, shoulders.far[1] - 13],
      [knee[0] - 8, knee[1] + 8],
    ]),
  };
}

function quadStretch(): PoseSpec {
  const pelvis: Point = [55, 42];
  const shoulder = shoulderOf(pelvis, 90);
  return {
    pelvis,
    trunk: 90,
    nearLeg: legThrough([pelvis, [56, 21], [47, 39]], 170),
    farLeg: frontLeg(pelvis, [55, 1]),
    nearArm: straightArm(shoulder, [48, 41]),
    farArm: arm(shoulder, [79, 58], "cw"),
  };
}

/** This group's exercises, easiest first within each ladder. */
export const RUN_STRETCH_EXERCISES: readonly Exercise[] = [
  {
    id: "standing-groin-stretch",
    name: "Standing groin stretch",
    aliases: ["groin stretch", "adductor stretch", "side lunge stretch"],
    kind: "stretch",
    targets: ["adductors"],
    equipment: ["none"],
    timing: "before-and-after-run",
    startPosition: "Standing with the feet wide apart, toes forward, hands resting on one thigh.",
    steps: [
      "Bend one knee and shift the hips over it, keeping the other leg straight.",
      "Stop when you feel a stretch along the inside of the straight leg's thigh.",
      "Hold, come back to the middle and change sides.",
    ],
    cues: ["Straight leg's foot stays flat", "Chest up, hips back", "Bent knee over the foot"],
    commonFaults: [
      "Bent knee falling inward past the foot",
      "Rolling onto the outside of the straight leg's foot",
      "Bouncing into the stretch",
    ],
    dose: AROUND_RUN_STRETCH_DOSE,
    doseSource: "seed-002",
    doseBasis: "clinic-default",
    minutes: 2,
    why: "Loosens inner-thigh muscles that tighten with long sitting and pull the knee inward when the outer hip is weak.",
    helpsWith: ["hip-driven-knee-pain"],
    phases: [1, 2, 3],
    sources: ["seed-002", "bandy-1997"],
    illustration: {
      panels: [
        {
          start: groin(),
          arrows: [{ from: [58, 12], to: [72, 12] }],
          focus: [{ on: "farThigh", at: 0.45, shift: [1, -2] }],
        },
      ],
    },
  },
  {
    id: "standing-quadriceps-stretch",
    name: "Standing quadriceps stretch",
    aliases: ["quad stretch", "quadriceps stretch", "standing quad stretch"],
    kind: "stretch",
    targets: ["quadriceps", "hip-flexors"],
    equipment: ["none"],
    timing: "before-and-after-run",
    startPosition: "Standing on one leg, one hand on a wall or post for balance.",
    steps: [
      "Bend the free knee and take hold of that ankle behind you.",
      "Draw the heel towards the buttock with the knees side by side.",
      "Tuck the tailbone under until the front of the thigh stretches; hold, then change legs.",
    ],
    cues: ["Knees together", "Tailbone tucked, not arched", "Stand tall on the supporting leg"],
    commonFaults: [
      "Arching the lower back",
      "Letting the bent knee drift forward or out to the side",
      "Leaning forward to reach the ankle",
    ],
    dose: AROUND_RUN_STRETCH_DOSE,
    doseSource: "seed-002",
    doseBasis: "clinic-default",
    minutes: 2,
    why: "Lengthens the front of the thigh, whose tension tips the pelvis forward and leaves the glutes at a disadvantage.",
    helpsWith: ["hip-flexor-tightness"],
    phases: [1, 2, 3],
    sources: ["seed-002", "seed-004", "bandy-1997"],
    illustration: {
      panels: [
        {
          start: quadStretch(),
          props: [{ kind: "post", x: 82, height: 62 }],
          focus: [{ on: "nearThigh", at: 0.5, shift: [3, 0] }],
        },
      ],
    },
  },
];
