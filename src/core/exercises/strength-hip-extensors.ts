import type { Exercise } from "./exercise.types.js";
import type { Point, PoseSpec } from "./figure.types.js";
import { arm, leg, quadruped, shoulderOf, supineKneesBent } from "./poses.js";

/**
 * Gluteus maximus and hip extension: bridges (seed-000, seed-001, seed-004) and the glute
 * blaster, a quadruped hip extension (seed-001).
 */

const FEET_X = 96;

/** Hips lifted off the floor with the feet flat at FEET_X and the upper back down. */
function bridgeUp(pelvis: Point): PoseSpec {
  const trunk = 180 + (Math.asin((pelvis[1] - 9) / 28) * 180) / Math.PI;
  const shoulder = shoulderOf(pelvis, trunk);
  return {
    pelvis,
    trunk,
    head: 180,
    nearLeg: leg(pelvis, [FEET_X, 2], { foot: 5 }),
    farLeg: leg(pelvis, [FEET_X + 1, 2], { foot: 5 }),
    nearArm: arm(shoulder, [shoulder[0] + 26, 2], "cw"),
    farArm: arm(shoulder, [shoulder[0] + 25, 2.5], "cw"),
  };
}

const lying = supineKneesBent(70, FEET_X);
const bridged = bridgeUp([68, 21]);

/** One leg held straight, in line with the other thigh. */
function withLegStraight(pose: PoseSpec): PoseSpec {
  const thigh = pose.farLeg.upper;
  return { ...pose, nearLeg: { upper: thigh, lower: thigh, end: thigh + 90 } };
}

const kneeling = quadruped(58);
const kicked: PoseSpec = { ...kneeling, nearLeg: { upper: 178, lower: 90, end: 180 } };

/** This group's exercises, easiest first within each ladder. */
export const HIP_EXTENSOR_EXERCISES: readonly Exercise[] = [
  {
    id: "glute-bridge",
    name: "Glute bridge",
    aliases: ["bridge", "bridges", "hip bridge", "double-leg bridge"],
    kind: "strength",
    targets: ["gluteus-maximus", "hamstrings"],
    equipment: ["none"],
    timing: "strength-day",
    startPosition:
      "Lying on your back, knees bent, feet flat and hip-width apart, arms by your sides.",
    steps: [
      "Tighten the buttocks, then push through the heels to lift the hips.",
      "Stop when shoulders, hips and knees form a straight line; hold for two seconds.",
      "Roll back down slowly, one part of the spine at a time.",
    ],
    cues: [
      "Squeeze the buttocks first, then lift",
      "Ribs stay down: the lift comes from the hips, not the lower back",
      "Knees stay hip-width apart",
    ],
    commonFaults: [
      "Arching the lower back to get the hips higher",
      "Feeling it mostly in the hamstrings because the feet are too far away",
      "Knees falling in towards each other",
    ],
    dose: {
      sets: [3, 3],
      reps: [10, 10],
      perSide: false,
      note: "Work up to at least 3 × 10 at moderate difficulty; add a band above the knees or a weight on the hips when easy.",
    },
    doseSource: "seed-001",
    doseBasis: "as-published",
    minutes: 4,
    why: "Strengthens the gluteus maximus, the main hip extensor that drives the body forward and helps keep the thigh from turning in.",
    helpsWith: ["hip-driven-knee-pain"],
    progression: "single-leg-glute-bridge",
    phases: [1],
    sources: ["seed-001", "seed-004"],
    illustration: {
      panels: [
        {
          start: lying,
          end: bridged,
          arrows: [
            {
              from: { pose: "start", anchor: { on: "nearThigh", at: 0, shift: [-4, 6] } },
              to: { pose: "end", anchor: { on: "nearThigh", at: 0, shift: [-4, 7] } },
            },
          ],
          focus: [{ on: "nearThigh", at: 0.05, shift: [-1, 0] }],
        },
      ],
    },
  },
  {
    id: "single-leg-glute-bridge",
    name: "Single-leg glute bridge",
    aliases: ["single leg bridge", "one-leg bridge", "single-leg bridge"],
    kind: "strength",
    targets: ["gluteus-maximus", "hamstrings", "gluteus-medius"],
    equipment: ["none"],
    timing: "strength-day",
    startPosition:
      "Lying on your back with both knees bent, then one leg lifted and held straight in line with the other thigh.",
    steps: [
      "Push through the heel of the foot on the floor and lift the hips.",
      "Rise until the body is straight from shoulders to knee; keep the pelvis level.",
      "Lower slowly, touch down lightly and go again.",
      "Finish the set, then swap legs.",
    ],
    cues: [
      "Both hip bones at the same height, like a tray you must not tip",
      "Drive through the heel",
      "Lifted leg stays still",
    ],
    commonFaults: [
      "Pelvis dropping on the side of the lifted leg",
      "Pushing the arms into the floor to help",
      "Arching the lower back at the top",
    ],
    dose: { sets: [3, 3], reps: [8, 12], perSide: true },
    doseSource: "seed-000",
    doseBasis: "as-published",
    minutes: 6,
    why: "Makes the gluteus maximus stronger and teaches each leg in turn to straighten the hip under control, with the pelvis held level as in running.",
    helpsWith: ["hip-driven-knee-pain"],
    regression: "glute-bridge",
    phases: [1, 2],
    sources: ["seed-000"],
    illustration: {
      panels: [
        {
          start: withLegStraight(lying),
          end: withLegStraight(bridged),
          arrows: [
            {
              from: { pose: "start", anchor: { on: "farThigh", at: 0, shift: [-4, 6] } },
              to: { pose: "end", anchor: { on: "farThigh", at: 0, shift: [-4, 7] } },
            },
          ],
          focus: [{ on: "farThigh", at: 0.05, shift: [-1, 0] }],
        },
      ],
    },
  },
  {
    id: "glute-blaster",
    name: "Glute blaster (kneeling hip extension)",
    aliases: ["quadruped hip extension", "donkey kick", "glute kickback", "kneeling kickback"],
    kind: "strength",
    targets: ["gluteus-maximus", "hamstrings"],
    equipment: ["none"],
    timing: "strength-day",
    startPosition:
      "On hands and knees, hands under the shoulders, knees under the hips, back flat.",
    steps: [
      "Keep one knee bent at a right angle and push that foot up towards the ceiling.",
      "Stop when the thigh is level with the back; squeeze the buttock for a second.",
      "Lower the knee back to just above the floor and repeat.",
      "Finish the set, then swap legs.",
    ],
    cues: [
      "Sole of the foot pushes up to the ceiling",
      "Back stays flat as a table",
      "Move only at the hip",
    ],
    commonFaults: [
      "Arching the lower back to lift the leg higher",
      "Hips rolling open to the side of the working leg",
      "Swinging the leg instead of squeezing it up",
    ],
    dose: {
      sets: [3, 3],
      reps: [10, 10],
      perSide: true,
      note: "Moderate difficulty; an ankle weight or a band around the feet adds load.",
    },
    doseSource: "seed-001",
    doseBasis: "as-published",
    minutes: 5,
    why: "Strengthens the gluteus maximus through hip extension without loading the knee.",
    helpsWith: ["hip-driven-knee-pain"],
    phases: [1],
    sources: ["seed-001"],
    illustration: {
      panels: [
        {
          start: kneeling,
          end: kicked,
          arrows: [
            {
              from: { pose: "start", anchor: { on: "nearShank", at: 0.5, shift: [-2, 4] } },
              to: { pose: "end", anchor: { on: "nearShank", at: 0.6, shift: [-3, 0] } },
              bend: -6,
            },
          ],
          focus: [{ on: "nearThigh", at: 0.05, shift: [-2, 1] }],
        },
      ],
    },
  },
];
