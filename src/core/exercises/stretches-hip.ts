import { DAILY_STRETCH_DOSE } from "./dose.js";
import type { Exercise } from "./exercise.types.js";
import type { Point, PoseSpec } from "./figure.types.js";
import {
  arm,
  armThrough,
  hipsOf,
  leg,
  legThrough,
  shoulderOf,
  shouldersOf,
  straightArm,
} from "./poses.js";

/**
 * The four daily hip stretches of seed-001 (kneeling hip flexor, 90/90, figure-4,
 * piriformis), 5–10 minutes a day in total.
 */

/** Kneeling on the near knee, far foot forward, near arm reaching up. */
function kneeling(pelvis: Point, trunk: number): PoseSpec {
  const shoulder = shoulderOf(pelvis, trunk);
  return {
    pelvis,
    trunk,
    nearLeg: legThrough([pelvis, [46, 2.5], [25, 2.5]], 180),
    farLeg: leg(pelvis, [73, 1], { foot: 0 }),
    nearArm: straightArm(shoulder, [shoulder[0] - 2, shoulder[1] + 27]),
    farArm: arm(shoulder, [69, 24], "cw"),
  };
}

/** Sitting in 90/90 seen from the front: front shin across, back shin behind; `lean` forward. */
function ninetyNinety(lean: number): PoseSpec {
  const pelvis: Point = [60, 7];
  const hips = hipsOf(pelvis, 90);
  const shoulders = shouldersOf(pelvis, 90, lean);
  return {
    view: "front",
    pelvis,
    trunk: 90,
    trunkScale: lean,
    nearLeg: legThrough([hips.near, [79, 3], [50, 2]], 180),
    farLeg: legThrough([hips.far, [35, 3], [31, 13]], 90),
    nearArm: armThrough([shoulders.near, [shoulders.near[0] + 7, shoulders.near[1] - 10], [82, 2]]),
    farArm: armThrough([shoulders.far, [shoulders.far[0] - 8, shoulders.far[1] - 10], [40, 6]]),
  };
}

/** Lying on the back, head to the left. */
function supine(legs: Pick<PoseSpec, "nearLeg" | "farLeg">, hand: Point): PoseSpec {
  const pelvis: Point = [70, 5];
  const shoulder = shoulderOf(pelvis, 180);
  return {
    pelvis,
    trunk: 180,
    ...legs,
    nearArm: straightArm(shoulder, hand),
    farArm: straightArm(shoulder, [hand[0] - 1, hand[1] - 1]),
  };
}

const figureFour = supine(
  {
    farLeg: legThrough(
      [
        [70, 5],
        [74, 26],
        [94, 22],
      ],
      -10,
    ),
    nearLeg: legThrough(
      [
        [70, 5],
        [91, 13],
        [76, 27],
      ],
      120,
    ),
  },
  [73, 19],
);
const piriformis = supine(
  {
    farLeg: leg([70, 5], [112, 3], { foot: 90 }),
    nearLeg: legThrough(
      [
        [70, 5],
        [66, 26],
        [84, 18],
      ],
      0,
    ),
  },
  [64, 24],
);

/** This group's exercises, easiest first within each ladder. */
export const HIP_STRETCH_EXERCISES: readonly Exercise[] = [
  {
    id: "kneeling-hip-flexor-stretch",
    name: "Kneeling hip flexor stretch",
    aliases: ["hip flexor stretch", "half-kneeling hip flexor stretch", "couch stretch"],
    kind: "stretch",
    targets: ["hip-flexors", "quadriceps"],
    equipment: ["none"],
    timing: "daily",
    startPosition:
      "Kneeling on one knee on a cushion, the other foot flat in front, trunk upright.",
    steps: [
      "Tuck the tailbone under and squeeze the buttock of the kneeling leg.",
      "Shift the hips gently forward until you feel a stretch at the front of that hip.",
      "Reach the arm on the kneeling side up overhead to add to it; hold, then swap sides.",
    ],
    cues: [
      "Tail tucked, belt buckle up",
      "Buttock of the back leg squeezed",
      "Small shift, big stretch",
    ],
    commonFaults: [
      "Arching the lower back instead of stretching the hip",
      "Lunging far forward so the front knee takes the strain",
      "Leaning the trunk forward",
    ],
    dose: DAILY_STRETCH_DOSE,
    doseSource: "seed-001",
    doseBasis: "clinic-default",
    minutes: 2,
    why: "Lengthens hip flexors shortened by sitting, which tilt the pelvis forward and shorten the stride.",
    helpsWith: ["hip-flexor-tightness"],
    phases: [1, 2, 3],
    sources: ["seed-001", "seed-002", "bandy-1997"],
    illustration: {
      panels: [
        {
          start: kneeling([52, 22.5], 94),
          arrows: [{ from: [36, 28], to: [46, 28] }],
          focus: [{ on: "nearThigh", at: 0.15, shift: [3, 0] }],
        },
      ],
    },
  },
  {
    id: "hip-90-90-stretch",
    name: "Hip 90/90 stretch (rotation)",
    aliases: [
      "90/90 stretch",
      "90-90 hip stretch",
      "hip 90/90 IR/ER",
      "hip internal external rotation stretch",
    ],
    kind: "stretch",
    targets: ["hip-external-rotators", "hip-internal-rotators", "piriformis"],
    equipment: ["none"],
    timing: "daily",
    startPosition:
      "Sitting on the floor with the front leg bent to a right angle across in front and the back leg bent to a right angle out to the side.",
    steps: [
      "Sit tall and lean the chest forward over the front shin to stretch the outside of the front hip (outward rotation).",
      "Hold, then come up and turn the trunk towards the back leg to stretch the front of that hip (inward rotation).",
      "Swing both knees over to the other side and repeat.",
    ],
    cues: [
      "Lead with the chest, not the head",
      "Both sit bones heavy on the floor",
      "Breathe out into the stretch",
    ],
    commonFaults: [
      "Rounding the back instead of hinging at the hips",
      "Lifting the back hip off the floor",
      "Forcing the knees down with the hands",
    ],
    dose: DAILY_STRETCH_DOSE,
    doseSource: "seed-001",
    doseBasis: "clinic-default",
    minutes: 2,
    why: "Restores the turning range of both hips, which stiff, weak runners lose and make up for at the knee.",
    helpsWith: ["hip-driven-knee-pain"],
    phases: [1, 2, 3],
    sources: ["seed-001", "bandy-1997"],
    illustration: {
      panels: [
        {
          start: ninetyNinety(1),
          end: ninetyNinety(0.7),
          arrows: [{ from: [78, 44], to: [78, 30] }],
          focus: [{ on: "nearThigh", at: 0.1, shift: [2, 2] }],
          caption: "front shin across, back shin behind",
        },
      ],
    },
  },
  {
    id: "figure-4-stretch",
    name: "Figure-4 stretch",
    aliases: ["figure four stretch", "figure 4", "supine figure-4"],
    kind: "stretch",
    targets: ["gluteus-maximus", "piriformis", "hip-external-rotators"],
    equipment: ["none"],
    timing: "daily",
    startPosition: "Lying on your back with both knees bent and feet flat.",
    steps: [
      "Cross one ankle over the other knee so the legs make a '4'.",
      "Lift the lower foot off the floor and hold behind that thigh with both hands.",
      "Draw the thigh towards the chest until the buttock of the crossed leg stretches; hold, then swap.",
    ],
    cues: [
      "Crossed knee eases away from you",
      "Head and shoulders stay on the floor",
      "Flex the crossed foot",
    ],
    commonFaults: [
      "Lifting the head and straining the neck",
      "Letting the pelvis twist off the floor",
      "Pulling hard enough to pinch the front of the hip",
    ],
    dose: DAILY_STRETCH_DOSE,
    doseSource: "seed-001",
    doseBasis: "clinic-default",
    minutes: 2,
    why: "Stretches the buttock and deep rotators that stiffen with sitting and limit how freely the hip turns.",
    helpsWith: ["hip-driven-knee-pain"],
    phases: [1, 2, 3],
    sources: ["seed-001", "bandy-1997"],
    illustration: {
      panels: [
        {
          start: figureFour,
          arrows: [{ from: [92, 34], to: [78, 38], bend: 3 }],
          focus: [{ on: "nearThigh", at: 0.1, shift: [1, -1] }],
        },
      ],
    },
  },
  {
    id: "piriformis-stretch",
    name: "Piriformis stretch",
    aliases: ["knee to opposite shoulder", "piriformis", "glute stretch"],
    kind: "stretch",
    targets: ["piriformis", "hip-external-rotators", "gluteus-maximus"],
    equipment: ["none"],
    timing: "daily",
    startPosition: "Lying on your back with both legs straight.",
    steps: [
      "Bend one knee and take hold of it with both hands.",
      "Pull the knee up and across towards the opposite shoulder until the buttock stretches.",
      "Hold, let the leg down, and swap sides.",
    ],
    cues: [
      "Knee towards the opposite shoulder",
      "Other leg stays long on the floor",
      "Shoulders relaxed",
    ],
    commonFaults: [
      "Pulling the knee straight up instead of across",
      "Rolling the pelvis to follow the knee",
      "Lifting the straight leg",
    ],
    dose: DAILY_STRETCH_DOSE,
    doseSource: "seed-001",
    doseBasis: "clinic-default",
    minutes: 2,
    why: "Eases the piriformis and other deep rotators at the back of the hip, so the hip turns fully without the knee making up for it.",
    helpsWith: ["hip-driven-knee-pain"],
    phases: [1, 2, 3],
    sources: ["seed-001", "bandy-1997"],
    illustration: {
      panels: [
        {
          start: piriformis,
          arrows: [{ from: [74, 34], to: [58, 36], bend: 3 }],
          focus: [{ on: "nearThigh", at: 0.05, shift: [2, -2] }],
          caption: "knee to the opposite shoulder",
        },
      ],
    },
  },
];
