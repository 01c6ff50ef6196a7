import type { Exercise } from "./exercise.types.js";
import type { Point, PoseSpec } from "./figure.types.js";
import { armThrough, hipsOf, legThrough, miniSquat, shouldersOf } from "./poses.js";

/**
 * Fire hydrants, seen from behind: on hands and knees (seed-002, on non-running days) and
 * the standing banded version from a mini-squat (seed-003).
 */

/** On hands and knees seen from behind: the trunk runs away from the viewer. */
function kneelingFromBehind(x: number, nearKnee: Point, nearAnkle: Point): PoseSpec {
  const pelvis: Point = [x, 24];
  const hips = hipsOf(pelvis, 90);
  const shoulders = shouldersOf(pelvis, 90, 0.35);
  return {
    view: "front",
    pelvis,
    trunk: 90,
    trunkScale: 0.35,
    headScale: 0.3,
    nearLeg: legThrough([hips.near, nearKnee, nearAnkle], -90),
    farLeg: legThrough([hips.far, [x - 6, 2], [x - 6.5, 0.5]], -90),
    nearArm: armThrough([shoulders.near, [x + 11, 15], [x + 12, 0.5]]),
    farArm: armThrough([shoulders.far, [x - 11, 15], [x - 12, 0.5]]),
  };
}

const X = 58;
const kneelDown = kneelingFromBehind(X, [X + 6, 2], [X + 6.5, 0.5]);
const kneelUp = kneelingFromBehind(X, [X + 25, 25], [X + 27, 16]);

const standHips = hipsOf([X, 37], 90);
const standDown = miniSquat(X, X + 7, X - 7);
const standOut: PoseSpec = {
  ...standDown,
  nearLeg: legThrough([standHips.near, [X + 21, 24], [X + 22, 8]]),
};
const kneeBand = { from: { on: "nearThigh", at: 0.9 }, to: { on: "farThigh", at: 0.9 } } as const;

/** This group's exercises, easiest first within each ladder. */
export const FIRE_HYDRANT_EXERCISES: readonly Exercise[] = [
  {
    id: "quadruped-fire-hydrant",
    name: "Fire hydrant on hands and knees",
    aliases: ["fire hydrant", "fire hydrants", "kneeling fire hydrant", "hip circle kneeling"],
    kind: "strength",
    targets: ["gluteus-medius", "hip-external-rotators"],
    equipment: ["none"],
    timing: "strength-day",
    startPosition: "On hands and knees, hands under the shoulders, knees under the hips.",
    steps: [
      "Keeping the knee bent, lift one leg out to the side.",
      "Stop when the thigh is about level with the hip; hold for a second.",
      "Lower the knee back to just above the floor.",
      "Finish the set, then swap legs.",
    ],
    cues: [
      "Weight stays over both hands and the supporting knee",
      "Move the leg, not the trunk",
      "Think of the outer buttock lifting the knee",
    ],
    commonFaults: [
      "Leaning the whole body away from the moving leg",
      "Lifting by twisting the back instead of turning at the hip",
      "Letting the leg drop quickly",
    ],
    dose: {
      sets: [2, 3],
      reps: [10, 15],
      perSide: true,
      note: "seed-002 prescribes fire hydrants on days off running without giving an amount; the numbers are seed-003's for the standing form.",
    },
    doseSource: "seed-003",
    doseBasis: "clinic-default",
    minutes: 5,
    why: "Works the gluteus medius and the rotators that pull the thigh outward, the muscles that sitting weakens.",
    helpsWith: ["hip-driven-knee-pain"],
    progression: "fire-hydrant",
    phases: [1],
    sources: ["seed-002", "seed-003"],
    illustration: {
      panels: [
        {
          start: kneelDown,
          end: kneelUp,
          arrows: [
            {
              from: { pose: "start", anchor: { on: "nearThigh", at: 1, shift: [6, 6] } },
              to: { pose: "end", anchor: { on: "nearThigh", at: 1, shift: [2, 6] } },
              bend: 6,
            },
          ],
          focus: [{ on: "nearThigh", at: 0, shift: [1, 3] }],
          caption: "seen from behind",
        },
      ],
    },
  },
  {
    id: "fire-hydrant",
    name: "Standing banded fire hydrant",
    aliases: ["fire hydrant", "fire hydrants", "fire-hyrdants", "banded fire hydrant"],
    kind: "strength",
    targets: ["gluteus-medius", "gluteus-maximus", "hip-external-rotators"],
    equipment: ["band"],
    timing: "strength-day",
    startPosition:
      "Standing in a mini-squat with a loop band just above the knees, feet hip-width apart.",
    steps: [
      "Shift onto one leg and hold the mini-squat on it.",
      "Take the other leg back and out, turning the knee outward from the hip, against the band.",
      "Return the foot to just above the floor and repeat.",
      "Finish the set, then stand on the other leg.",
    ],
    cues: [
      "Pelvis stays level and facing forward",
      "The turn comes from the hip joint, not the back",
      "Both buttocks work: one moves the leg, the other holds you up",
    ],
    commonFaults: [
      "Standing knee caving in as the other leg moves",
      "Trunk leaning or twisting towards the standing leg",
      "Standing up out of the mini-squat",
    ],
    dose: { sets: [2, 3], reps: [10, 15], perSide: true },
    doseSource: "seed-003",
    doseBasis: "as-published",
    minutes: 5,
    why: "Trains the standing hip to hold the pelvis level while the other hip pushes back and out, as each stance phase of running asks.",
    helpsWith: ["hip-driven-knee-pain"],
    regression: "quadruped-fire-hydrant",
    phases: [2],
    sources: ["seed-003", "seed-002"],
    illustration: {
      panels: [
        {
          start: { ...standDown, bands: [kneeBand] },
          end: { ...standOut, bands: [kneeBand] },
          arrows: [
            {
              from: { pose: "start", anchor: { on: "nearShank", at: 0.4, shift: [4, 0] } },
              to: { pose: "end", anchor: { on: "nearShank", at: 0.2, shift: [5, 0] } },
              bend: 5,
            },
          ],
          focus: [
            { on: "nearThigh", at: 0, shift: [1, 3] },
            { on: "farThigh", at: 0, shift: [-1, 3] },
          ],
          caption: "seen from behind",
        },
      ],
    },
  },
];
