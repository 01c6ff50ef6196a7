import type { Exercise } from "./exercise.types.js";
import type { Point, PoseSpec } from "./figure.types.js";
import { armThrough, frontLeg, hipsOf, legThrough, shouldersOf } from "./poses.js";

/**
 * Sideways strength for the outer and inner hip together (seed-004: side lunges and Pallof
 * side steps; seed-002: the gluteus medius moves the leg out, as in a side lunge).
 */

/** Front view, hands together at the chest (or pressed out in front for the Pallof press). */
function frontWithHands(
  pelvis: Point,
  legs: (hips: { near: Point; far: Point }) => Pick<PoseSpec, "nearLeg" | "farLeg">,
  handsDrop = 8,
): PoseSpec {
  const hips = hipsOf(pelvis, 90);
  const shoulders = shouldersOf(pelvis, 90);
  const hands: Point = [pelvis[0], shoulders.near[1] - handsDrop];
  return {
    view: "front",
    pelvis,
    trunk: 90,
    ...legs(hips),
    nearArm: armThrough([shoulders.near, [shoulders.near[0] + 3, shoulders.near[1] - 10], hands]),
    farArm: armThrough([shoulders.far, [shoulders.far[0] - 3, shoulders.far[1] - 10], hands]),
  };
}

const sideLungeStart = frontWithHands([50, 42], (hips) => ({
  nearLeg: frontLeg(hips.near, [57, 0.5]),
  farLeg: frontLeg(hips.far, [43, 0.5]),
}));
const sideLungeDown = frontWithHands([66, 30], (hips) => ({
  nearLeg: legThrough([hips.near, [79, 17], [80, 0.5]]),
  farLeg: frontLeg(hips.far, [43, 0.5]),
}));

const POST = { kind: "post", x: 10, height: 62 } as const;
const ANCHOR: Point = [10, 60];
function pallof(pelvisX: number, stance: number): PoseSpec {
  const pose = frontWithHands(
    [pelvisX, 38],
    (hips) => ({
      nearLeg: frontLeg(hips.near, [pelvisX + stance, 0.5]),
      farLeg: frontLeg(hips.far, [pelvisX - stance, 0.5]),
    }),
    4,
  );
  return { ...pose, bands: [{ from: ANCHOR, to: { on: "nearForearm", at: 1 } }] };
}

/** This group's exercises, easiest first within each ladder. */
export const ADDUCTOR_EXERCISES: readonly Exercise[] = [
  {
    id: "side-lunge",
    name: "Side lunge",
    aliases: ["side lunges", "lateral lunge", "lateral lunges"],
    kind: "strength",
    targets: ["gluteus-medius", "adductors", "gluteus-maximus", "quadriceps"],
    equipment: ["none"],
    timing: "strength-day",
    startPosition: "Standing tall with the feet together, hands together at the chest.",
    steps: [
      "Take a wide step to one side with the toes still pointing forward.",
      "Sit the hips back over the stepping leg, bending its knee; the other leg stays straight.",
      "Push off the bent leg to return to standing.",
      "Alternate sides, or finish one side first.",
    ],
    cues: [
      "Hips back, chest up",
      "Bent knee over the middle of the foot",
      "Both feet flat and pointing forward",
    ],
    commonFaults: [
      "Knee of the bent leg collapsing inward",
      "Lifting the heel of the bent leg",
      "Rounding the back to get lower",
    ],
    dose: {
      sets: [3, 3],
      reps: [10, 10],
      perSide: true,
      note: "seed-004 gives no amount; the seeds' strength dose of 3 × 10 at moderate resistance (seed-001) is used, per side.",
    },
    doseSource: "seed-001",
    doseBasis: "clinic-default",
    minutes: 5,
    why: "Strengthens the outer hip that moves the leg sideways and the inner thigh that brakes it, both of which steady the knee.",
    helpsWith: ["hip-driven-knee-pain"],
    phases: [2],
    sources: ["seed-004", "seed-002", "seed-001"],
    illustration: {
      panels: [
        { start: sideLungeStart },
        {
          start: sideLungeDown,
          arrows: [{ from: [40, 62], to: [60, 62] }],
          focus: [
            { on: "nearThigh", at: 0.1, shift: [2, 2] },
            { on: "farThigh", at: 0.35, shift: [2, 0] },
          ],
        },
      ],
    },
  },
  {
    id: "pallof-side-step",
    name: "Pallof side step",
    aliases: ["pallof press side step", "pallof walkout", "anti-rotation side step"],
    kind: "strength",
    targets: ["trunk", "obliques", "gluteus-medius", "adductors"],
    equipment: ["cable-or-band"],
    timing: "strength-day",
    startPosition:
      "Standing side-on to a band or cable fixed at chest height, holding its end at the chest with both hands, knees soft.",
    steps: [
      "Press the hands straight out in front of the chest and keep them on the midline.",
      "Take small side steps away from the anchor, feeling the pull grow.",
      "Step back in with control, hands still pressed out; then turn round for the other side.",
    ],
    cues: [
      "Hands stay in front of the breastbone",
      "Hips and shoulders face forward",
      "Short, controlled steps",
    ],
    commonFaults: [
      "Letting the band rotate the trunk towards the anchor",
      "Feet coming together so the base narrows",
      "Leaning away from the anchor instead of standing tall",
    ],
    dose: {
      sets: [3, 3],
      reps: [10, 10],
      perSide: true,
      note: "Steps each way, facing both directions. seed-004 gives no amount; the seeds' strength dose (seed-001) is used.",
    },
    doseSource: "seed-001",
    doseBasis: "clinic-default",
    minutes: 5,
    why: "The trunk and both hips resist being turned while stepping sideways, training the inner and outer thigh to share the job of steadying the knee.",
    helpsWith: ["hip-driven-knee-pain"],
    phases: [2],
    sources: ["seed-004", "seed-001"],
    illustration: {
      panels: [
        {
          start: pallof(55, 9),
          end: pallof(72, 9),
          props: [POST],
          arrows: [{ from: [62, 8], to: [84, 8] }],
          focus: [{ on: "trunk", at: 0.4 }],
        },
      ],
    },
  },
];
