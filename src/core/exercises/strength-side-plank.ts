import type { Exercise } from "./exercise.types.js";
import type { PoseSpec } from "./figure.types.js";
import { hipsOf, legThrough, sidePlank } from "./poses.js";

/**
 * The side plank ladder: holding the pelvis up on one side from the knees, then lowering
 * and lifting it from a full side plank (seed-003's side V-up).
 */

const plankUp = sidePlank([108, 2], 17);
const plankDipped = sidePlank([108, 2], 6);

/** Side plank from the knees: knees on the floor, shins bent back behind. */
function kneePlank(): PoseSpec {
  const base = sidePlank([92, 2], 24);
  const hips = hipsOf(base.pelvis, base.trunk);
  return {
    ...base,
    nearLeg: legThrough([hips.near, [92, 6], [99, 17]], 60),
    farLeg: legThrough([hips.far, [92, 2], [100, 12]], 60),
  };
}

/** This group's exercises, easiest first within each ladder. */
export const SIDE_PLANK_EXERCISES: readonly Exercise[] = [
  {
    id: "side-plank-from-knees",
    name: "Side plank from the knees",
    aliases: ["modified side plank", "short side plank", "side plank hold"],
    kind: "strength",
    targets: ["obliques", "gluteus-medius", "trunk"],
    equipment: ["none"],
    timing: "strength-day",
    startPosition:
      "Lying on one side propped on the lower forearm, elbow under the shoulder, knees bent so the feet are behind you.",
    steps: [
      "Lift the hips until the body is straight from head to knees.",
      "Hold, breathing normally.",
      "Lower the hips to the floor, rest, and change sides.",
    ],
    cues: [
      "A straight line from the ear through the hip to the knee",
      "Press the forearm and knee into the floor",
      "Hips pushed forward, not sitting back",
    ],
    commonFaults: [
      "Hips sag towards the floor during the hold",
      "Holding the breath",
      "Leaning the chest forward towards the floor",
    ],
    dose: { sets: [2, 2], seconds: [30, 40], perSide: true, note: "30 s holds, then 40 s." },
    doseSource: "mckay-2020",
    doseBasis: "as-published",
    minutes: 4,
    why: "Teaches the side of the trunk and hip to hold the pelvis level with a short lever, before the full side plank and the side V-up.",
    helpsWith: ["hip-driven-knee-pain"],
    progression: "side-v-up",
    phases: [1],
    sources: ["mckay-2020", "seed-003"],
    illustration: {
      panels: [
        {
          start: kneePlank(),
          focus: [{ on: "farThigh", at: 0.1, shift: [0, -1] }],
        },
      ],
    },
  },
  {
    id: "side-v-up",
    name: "Side V-up (side plank hip dip)",
    aliases: ["side plank hip dip", "side plank dips", "side v-ups", "hip dips"],
    kind: "strength",
    targets: ["obliques", "gluteus-medius", "trunk"],
    equipment: ["none"],
    timing: "strength-day",
    startPosition: "Side plank on the lower forearm with the body straight from head to feet.",
    steps: [
      "Let the hips sink slowly until the lower hip just brushes the floor.",
      "Without resting, use the side of the trunk and hip to lift back to a straight plank.",
      "Repeat for the set, then change sides.",
    ],
    cues: [
      "Lightly tap the floor, do not land",
      "Lift from the waist on the underside",
      "Keep the body in one flat plane: no twisting",
    ],
    commonFaults: [
      "Dropping onto the hip and bouncing up",
      "Rolling the chest towards the floor",
      "Stopping short of a straight line at the top",
    ],
    dose: { sets: [2, 3], reps: [10, 15], perSide: true },
    doseSource: "seed-003",
    doseBasis: "as-published",
    minutes: 5,
    why: "Strengthens the side of the trunk and hip that stop the pelvis hiking and dropping when the foot lands.",
    helpsWith: ["hip-driven-knee-pain"],
    regression: "side-plank-from-knees",
    phases: [2],
    sources: ["seed-003", "boren-2011"],
    illustration: {
      panels: [
        {
          start: plankUp,
          end: plankDipped,
          arrows: [
            {
              from: { pose: "start", anchor: { on: "trunk", at: 0, shift: [-4, 5] } },
              to: { pose: "end", anchor: { on: "trunk", at: 0, shift: [-4, 5] } },
              bend: 0,
            },
          ],
          focus: [{ on: "trunk", at: 0.3, shift: [0, -3] }],
        },
      ],
    },
  },
];
