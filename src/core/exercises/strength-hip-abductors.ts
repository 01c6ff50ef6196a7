import type { Exercise } from "./exercise.types.js";
import type { PoseSpec } from "./figure.types.js";
import {
  frontLeg,
  hipsOf,
  legThrough,
  SIDE_LYING_PELVIS_Y,
  sideLying,
  sidePlank,
} from "./poses.js";

/**
 * The clamshell ladder for the hip abductors and rotators, ordered by how hard the gluteus
 * medius works (Distefano 2009, Boren 2011): clamshell < banded clamshell < side-lying
 * abduction < side plank with abduction.
 */

const LYING_X = 68;
const lyingHips = hipsOf([LYING_X, SIDE_LYING_PELVIS_Y], 180);
/** Bent-knee legs for clamshells: knees forward, heels in line with the body. */
const clamBottom = legThrough([lyingHips.far, [LYING_X + 18, 3], [LYING_X + 31, 6]], -60);
const clamTopClosed = legThrough([lyingHips.near, [LYING_X + 19, 9.5], [LYING_X + 31, 10.5]], -60);
const clamTopOpen = legThrough([lyingHips.near, [LYING_X + 14, 27], [LYING_X + 31, 10.5]], -60);
const thighBand = {
  from: { on: "nearThigh", at: 0.75 },
  to: { on: "farThigh", at: 0.75 },
} as const;

/** Straight legs for side-lying abduction: bottom leg along the floor, top leg on it or raised. */
const straightBottom = frontLeg(lyingHips.far, [LYING_X + 41, 5]);
const straightTopDown = frontLeg(lyingHips.near, [LYING_X + 41, 9.5]);
const straightTopUp = frontLeg(lyingHips.near, [LYING_X + 36, 37]);

const plankUp = sidePlank([108, 2], 17);
const plankLegUp: PoseSpec = {
  ...plankUp,
  nearLeg: frontLeg(hipsOf(plankUp.pelvis, plankUp.trunk).near, [104, 30]),
};

/** This group's exercises, easiest first within each ladder. */
export const HIP_ABDUCTOR_EXERCISES: readonly Exercise[] = [
  {
    id: "side-lying-clamshell",
    name: "Side-lying clamshell",
    aliases: ["clamshell", "clamshells", "clam", "clams"],
    kind: "strength",
    targets: ["gluteus-medius", "hip-external-rotators"],
    equipment: ["none"],
    timing: "strength-day",
    startPosition:
      "Lying on one side, hips bent to about 45° and knees to about 90°, heels in line with your back, head resting on the lower arm.",
    steps: [
      "Keep the heels touching and turn the top knee up towards the ceiling.",
      "Stop where the pelvis would start to roll back; hold for a second.",
      "Take about two seconds to bring the knee back down.",
      "Finish the set, then turn over and do the other side.",
    ],
    cues: [
      "Heels stay together, like a hinge",
      "Hips stacked, as if your back were against a wall",
      "Feel it in the side and back of the hip",
    ],
    commonFaults: [
      "Pelvis tips backwards so the trunk turns instead of the hip",
      "Heels drift apart and the move becomes a leg lift",
      "Knee drops quickly instead of being lowered",
    ],
    dose: { sets: [3, 3], reps: [12, 15], perSide: true },
    doseSource: "seed-000",
    doseBasis: "as-published",
    alternativeDoses: [
      {
        label: "Strength group dose: at least 3 × 10 at moderate difficulty",
        dose: { sets: [3, 3], reps: [10, 10], perSide: true, note: "moderate resistance" },
        source: "seed-001",
      },
    ],
    minutes: 6,
    why: "Wakes up the gluteus medius and deep rotators that stop the thigh turning in, which steadies the pelvis and the knee.",
    helpsWith: ["hip-driven-knee-pain"],
    progression: "banded-clamshell",
    phases: [1],
    sources: ["seed-000", "seed-001", "distefano-2009", "boren-2011"],
    illustration: {
      panels: [
        {
          start: sideLying(LYING_X, { near: clamTopClosed, far: clamBottom }),
          end: sideLying(LYING_X, { near: clamTopOpen, far: clamBottom }),
          arrows: [
            {
              from: { pose: "start", anchor: { on: "nearThigh", at: 1, shift: [3, 4] } },
              to: { pose: "end", anchor: { on: "nearThigh", at: 1, shift: [4, 3] } },
              bend: 5,
            },
          ],
          focus: [{ on: "nearThigh", at: 0.05, shift: [1, 1] }],
        },
      ],
    },
  },
  {
    id: "banded-clamshell",
    name: "Clamshell with a band",
    aliases: ["banded clamshell", "resisted clamshell", "clamshell with band"],
    kind: "strength",
    targets: ["gluteus-medius", "hip-external-rotators"],
    equipment: ["band"],
    timing: "strength-day",
    startPosition:
      "As for the clamshell, with a loop band around both thighs just above the knees.",
    steps: [
      "With the heels together, open the top knee against the band.",
      "Hold the top position for a second without letting the pelvis roll back.",
      "Let the band pull the knee back down slowly, over two to three seconds.",
      "Change sides after the set.",
    ],
    cues: [
      "Band taut from the first repetition",
      "Slow on the way down: the band should not win",
      "Top hip stays over the bottom hip",
    ],
    commonFaults: [
      "Band so strong the knee only opens a little",
      "Rocking the trunk backwards to open further",
      "Band slipping down to the shins, where it no longer loads the hip the same way",
    ],
    dose: {
      sets: [3, 3],
      reps: [12, 15],
      perSide: true,
      note: "Numbers of the clamshell without a band (seed-000); pick a band that makes the last two or three repetitions hard.",
    },
    doseSource: "seed-000",
    doseBasis: "clinic-default",
    minutes: 6,
    why: "Adds elastic resistance to the clamshell so the hip rotators and gluteus medius keep getting stronger once the plain version is easy.",
    helpsWith: ["hip-driven-knee-pain"],
    regression: "side-lying-clamshell",
    progression: "side-lying-hip-abduction",
    phases: [1, 2],
    sources: ["seed-000", "khayambashi-2012", "distefano-2009", "boren-2011"],
    illustration: {
      panels: [
        {
          start: {
            ...sideLying(LYING_X, { near: clamTopClosed, far: clamBottom }),
            bands: [thighBand],
          },
          end: {
            ...sideLying(LYING_X, { near: clamTopOpen, far: clamBottom }),
            bands: [thighBand],
          },
          arrows: [
            {
              from: { pose: "start", anchor: { on: "nearThigh", at: 1, shift: [3, 4] } },
              to: { pose: "end", anchor: { on: "nearThigh", at: 1, shift: [4, 3] } },
              bend: 5,
            },
          ],
          focus: [{ on: "nearThigh", at: 0.05, shift: [1, 1] }],
        },
      ],
    },
  },
  {
    id: "side-lying-hip-abduction",
    name: "Side-lying hip abduction",
    aliases: ["side leg raise", "side-lying leg lift", "hip abduction lying"],
    kind: "strength",
    targets: ["gluteus-medius"],
    equipment: ["none"],
    timing: "strength-day",
    startPosition:
      "Lying on one side in a straight line from head to heels, bottom knee bent a little for balance, top leg straight.",
    steps: [
      "Lift the top leg up and slightly behind the line of the body, heel leading.",
      "Stop at about 30–40°, before the waist starts to crunch; hold for a second.",
      "Lower over about two seconds, without resting the leg between repetitions.",
      "Change sides after the set.",
    ],
    cues: [
      "Toes point forward, not up at the ceiling",
      "Lead with the heel",
      "Waist stays long on the underside",
    ],
    commonFaults: [
      "Leg drifts forward so the front of the hip does the work",
      "Toes turn up, swapping the gluteus medius for the hip flexors",
      "Hitching the pelvis towards the ribs to lift higher",
    ],
    dose: { sets: [2, 3], reps: [10, 10], perSide: true, note: "2 × 10 in week one, then 3 × 10." },
    doseSource: "mckay-2020",
    doseBasis: "as-published",
    minutes: 5,
    why: "Among the floor exercises that load the gluteus medius most, with the leg as the only weight.",
    helpsWith: ["hip-driven-knee-pain"],
    regression: "banded-clamshell",
    progression: "side-plank-hip-abduction",
    phases: [1, 2],
    sources: ["mckay-2020", "distefano-2009", "fredericson-2000"],
    illustration: {
      panels: [
        {
          start: sideLying(LYING_X, { near: straightTopDown, far: straightBottom }),
          end: sideLying(LYING_X, { near: straightTopUp, far: straightBottom }),
          arrows: [
            {
              from: { pose: "start", anchor: { on: "nearShank", at: 0.6, shift: [2, 4] } },
              to: { pose: "end", anchor: { on: "nearShank", at: 0.6, shift: [4, 1] } },
              bend: 4,
            },
          ],
          focus: [{ on: "nearThigh", at: 0.05, shift: [1, 1] }],
        },
      ],
    },
  },
  {
    id: "side-plank-hip-abduction",
    name: "Side plank with hip abduction",
    aliases: ["side plank leg lift", "side plank abduction"],
    kind: "strength",
    targets: ["gluteus-medius", "obliques", "trunk"],
    equipment: ["none"],
    timing: "strength-day",
    startPosition:
      "Side plank on the lower forearm, elbow under the shoulder, feet stacked, body straight from head to heels.",
    steps: [
      "Hold the plank and raise the top leg straight up, heel leading.",
      "Pause at the top without letting the hips sag.",
      "Lower the leg to the other foot with control and keep the plank up.",
      "Rest, then change sides.",
    ],
    cues: [
      "Push the floor away with the lower forearm",
      "Both hips forward, in line with the shoulders",
      "Bottom hip stays lifted: both sides are working",
    ],
    commonFaults: [
      "Hips drop or pike backwards",
      "Top leg swings forward",
      "Shoulder sinks towards the ear",
    ],
    dose: {
      sets: [2, 3],
      reps: [10, 10],
      perSide: true,
      note: "2 × 10, then 3 × 10 per side.",
    },
    doseSource: "mckay-2020",
    doseBasis: "as-published",
    minutes: 5,
    why: "Works the gluteus medius of both legs at once, the standing one holding the hips up and the top one lifting: the highest activation of common hip exercises.",
    helpsWith: ["hip-driven-knee-pain"],
    regression: "side-lying-hip-abduction",
    phases: [2],
    sources: ["mckay-2020", "boren-2011"],
    illustration: {
      panels: [
        {
          start: plankUp,
          end: plankLegUp,
          arrows: [
            {
              from: { pose: "start", anchor: { on: "nearShank", at: 0.7, shift: [2, 4] } },
              to: { pose: "end", anchor: { on: "nearShank", at: 0.7, shift: [4, 1] } },
              bend: 4,
            },
          ],
          focus: [{ on: "farThigh", at: 0.05, shift: [0, -1] }],
        },
      ],
    },
  },
];
