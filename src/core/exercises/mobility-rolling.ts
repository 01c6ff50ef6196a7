import type { Dose, Exercise } from "./exercise.types.js";
import type { Point, PoseSpec } from "./figure.types.js";
import {
  armThrough,
  frontLeg,
  hipsOf,
  legThrough,
  shouldersOf,
  sidePose,
  straightArm,
} from "./poses.js";

/**
 * Self-massage with a foam roller or ball (seed-004): the side of the hip (gluteus medius,
 * TFL, IT band), which is often tense from being constantly "on", and the front of the thigh.
 */

const ROLL_DOSE: Dose = {
  sets: [1, 1],
  seconds: [60, 90],
  perSide: true,
  note: "seed-004 gives no time; one slow pass of 60–90 s a side, pausing on tender spots, is the clinic's starting amount. Firm pressure, not pain.",
};

/** Side-lying propped on the lower forearm, lower thigh on a roller, upper foot planted in front. */
function onSideOfHip(pelvisX: number): PoseSpec {
  const pelvis: Point = [pelvisX, 17];
  const trunk = 166;
  const hips = hipsOf(pelvis, trunk);
  const shoulders = shouldersOf(pelvis, trunk);
  const elbow: Point = [shoulders.far[0], 0.8];
  return {
    view: "front",
    pelvis,
    trunk,
    head: trunk + 8,
    nearLeg: legThrough([hips.near, [pelvisX + 16, 27], [pelvisX + 20, 1]], 0),
    farLeg: frontLeg(hips.far, [pelvisX + 41, 2]),
    nearArm: armThrough([
      shoulders.near,
      [shoulders.near[0] + 10, shoulders.near[1] + 2],
      [hips.near[0] - 2, hips.near[1] + 1],
    ]),
    farArm: armThrough([shoulders.far, elbow, [elbow[0] + 13, 1.2]]),
  };
}

/** Face down on the forearms, thighs on a roller, head to the right. */
function onFrontOfThigh(pelvisX: number): PoseSpec {
  const pose = sidePose({
    pelvis: [pelvisX, 14],
    trunk: 12,
    head: 20,
    nearFoot: [pelvisX - 40, 4],
    farFoot: [pelvisX - 41, 4.5],
    feet: [-100, -100],
    knees: ["cw", "cw"],
    nearHand: [pelvisX + 38, 1],
    farHand: [pelvisX + 37, 1.5],
  });
  const shoulder: Point = [pelvisX + 24, 19];
  const elbow: Point = [pelvisX + 25, 1];
  return {
    ...pose,
    nearArm: armThrough([shoulder, elbow, [pelvisX + 38, 1]]),
    farArm: straightArm(shoulder, elbow),
  };
}

/** This group's exercises, easiest first within each ladder. */
export const ROLLING_EXERCISES: readonly Exercise[] = [
  {
    id: "foam-roll-lateral-hip",
    name: "Foam roll the side of the hip",
    aliases: [
      "foam roller glute medius",
      "foam roll TFL",
      "foam roll IT band",
      "lacrosse ball glute",
      "side hip release",
    ],
    kind: "mobility",
    targets: ["gluteus-medius", "tensor-fasciae-latae", "iliotibial-band"],
    equipment: ["foam-roller-or-ball"],
    timing: "daily",
    startPosition:
      "Lying on one side propped on the forearm, a foam roller under the side of the hip, the top foot planted in front for support.",
    steps: [
      "Roll slowly from just below the hip bone down the outside of the thigh, stopping a hand's width above the knee.",
      "Pause on tender spots and breathe until they ease.",
      "Roll the side and back of the hip (gluteus medius) and the front corner (TFL) the same way; a ball against a wall reaches smaller spots.",
      "Change sides.",
    ],
    cues: [
      "Slow: about 2–3 cm a second",
      "Take weight through the top foot and arm to ease the pressure",
      "Breathe out on tender spots",
    ],
    commonFaults: [
      "Rolling over the knee joint itself",
      "Rolling fast back and forth",
      "Pressing so hard that the muscles guard",
    ],
    dose: ROLL_DOSE,
    doseSource: "seed-004",
    doseBasis: "clinic-default",
    minutes: 3,
    why: "Eases the outer-hip tissues that overwork when the gluteus medius is weak, so strengthening and stretching start from less tension.",
    helpsWith: ["hip-driven-knee-pain"],
    phases: [1, 2],
    sources: ["seed-004"],
    illustration: {
      panels: [
        {
          start: onSideOfHip(60),
          props: [{ kind: "roller", at: [72, 5] }],
          arrows: [
            { from: [80, 36], to: [100, 32] },
            { from: [100, 40], to: [80, 44] },
          ],
          focus: [{ on: "farThigh", at: 0.35, shift: [0, 3] }],
        },
      ],
    },
  },
  {
    id: "foam-roll-quadriceps",
    name: "Foam roll the front of the thigh",
    aliases: ["foam roller quadriceps", "quad foam roll", "foam roll quads", "quadriceps release"],
    kind: "mobility",
    targets: ["quadriceps", "hip-flexors"],
    equipment: ["foam-roller"],
    timing: "daily",
    startPosition:
      "Face down, propped on the forearms, a foam roller under the front of both thighs.",
    steps: [
      "Pull with the arms to roll from just below the hip crease down towards the knee.",
      "Stop a hand's width above the kneecap and roll back up.",
      "Pause on tender spots; to press harder, roll one leg at a time.",
    ],
    cues: [
      "Body in a long plank from shoulders to knees",
      "Tummy gently braced",
      "Slow and steady",
    ],
    commonFaults: [
      "Sagging through the lower back",
      "Rolling onto the kneecap",
      "Holding the breath",
    ],
    dose: ROLL_DOSE,
    doseSource: "seed-004",
    doseBasis: "clinic-default",
    minutes: 3,
    why: "Releases tension at the front of the thigh that tips the pelvis forward and leaves the glutes lengthened and weak.",
    helpsWith: ["hip-flexor-tightness"],
    phases: [1, 2],
    sources: ["seed-004"],
    illustration: {
      panels: [
        {
          start: onFrontOfThigh(58),
          props: [{ kind: "roller", at: [44, 5] }],
          arrows: [
            { from: [30, 17], to: [50, 22] },
            { from: [52, 28], to: [32, 23] },
          ],
          focus: [{ on: "nearThigh", at: 0.4, shift: [0, -3] }],
        },
      ],
    },
  },
];
