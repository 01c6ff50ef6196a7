import type { Exercise } from "./exercise.types.js";
import type { Anchor, Point, PoseSpec } from "./figure.types.js";
import { arm, armThrough, leg, legThrough, moved, shoulderOf, standing } from "./poses.js";

/**
 * Activation: using the glutes, not only strengthening them (seed-001). Squeeze while
 * standing, then on the stance leg while walking, then while running slowly, then on hills
 * and uneven ground; plus seed-002's side shuffles during a run.
 */

const glute: Anchor = { on: "nearThigh", at: 0, shift: [-4, 1] };

function brushingTeeth(): PoseSpec {
  const pose = standing(55);
  const shoulder = shoulderOf(pose.pelvis, 90);
  return { ...pose, nearArm: armThrough([shoulder, [60, 55], [62, 75]]) };
}

function walking(): PoseSpec {
  const pelvis: Point = [58, 41];
  const shoulder = shoulderOf(pelvis, 90);
  return {
    pelvis,
    trunk: 90,
    nearLeg: leg(pelvis, [60, 1], { foot: 0 }),
    farLeg: leg(pelvis, [42, 5], { foot: -35 }),
    nearArm: arm(shoulder, [50, 44], "ccw"),
    farArm: arm(shoulder, [66, 45], "cw"),
  };
}

/** Running at the moment the near foot is under the body; `lean` tips the trunk forward. */
function running(lean: number): PoseSpec {
  const pelvis: Point = [58, 39];
  const trunk = 90 - lean;
  const shoulder = shoulderOf(pelvis, trunk);
  return {
    pelvis,
    trunk,
    nearLeg: leg(pelvis, [61, 1], { foot: 0 }),
    farLeg: legThrough([pelvis, [50, 21], [35, 30]], -20),
    nearArm: armThrough([
      shoulder,
      [shoulder[0] - 8, shoulder[1] - 11],
      [shoulder[0] - 1, shoulder[1] - 20],
    ]),
    farArm: armThrough([
      shoulder,
      [shoulder[0] + 4, shoulder[1] - 13],
      [shoulder[0] + 14, shoulder[1] - 6],
    ]),
  };
}

const HILL = 9;
const uphill = moved(running(16), 0, Math.tan((HILL * Math.PI) / 180) * 1.5);

function shuffle(pelvisX: number, feet: readonly [number, number]): PoseSpec {
  const pelvis: Point = [pelvisX, 36];
  return {
    view: "front",
    pelvis,
    trunk: 90,
    nearLeg: legThrough([
      [pelvisX + 5, 36],
      [(pelvisX + 5 + feet[0]) / 2 + 2, 18],
      [feet[0], 0.5],
    ]),
    farLeg: legThrough([
      [pelvisX - 5, 36],
      [(pelvisX - 5 + feet[1]) / 2 - 2, 18],
      [feet[1], 0.5],
    ]),
    nearArm: armThrough([
      [pelvisX + 8, 61],
      [pelvisX + 13, 50],
      [pelvisX + 7, 45],
    ]),
    farArm: armThrough([
      [pelvisX - 8, 61],
      [pelvisX - 13, 50],
      [pelvisX - 7, 45],
    ]),
  };
}

const squeezeDose = (note: string) =>
  ({ sets: [3, 5], seconds: [30, 60], perSide: false, note }) as const;

/** This group's exercises, easiest first within each ladder. */
export const ACTIVATION_EXERCISES: readonly Exercise[] = [
  {
    id: "glute-squeeze-standing",
    name: "Glute squeeze while standing",
    aliases: [
      "glute squeeze brushing teeth",
      "standing glute squeeze",
      "glute activation standing",
    ],
    kind: "activation",
    targets: ["gluteus-maximus", "gluteus-medius"],
    equipment: ["none"],
    timing: "during-daily-life",
    startPosition:
      "Standing at the sink, for example while brushing your teeth, feet hip-width apart.",
    steps: [
      "Squeeze both buttocks firmly without clenching the tummy or holding the breath.",
      "Hold the squeeze for about ten seconds, then let go completely.",
      "Repeat for as long as the brushing lasts.",
    ],
    cues: [
      "Squeeze as if holding a coin between the buttocks",
      "Knees stay soft",
      "Breathe normally",
    ],
    commonFaults: [
      "Tucking the pelvis hard or leaning back instead of squeezing",
      "Locking the knees",
      "Holding the breath",
    ],
    dose: {
      sets: [1, 1],
      reps: [6, 10],
      seconds: [10, 10],
      perSide: false,
      note: "seed-001 says when (at the sink) but not how much; 6–10 squeezes of about 10 s, twice a day with tooth brushing.",
    },
    doseSource: "seed-001",
    doseBasis: "clinic-default",
    minutes: 2,
    why: "Teaches the brain to switch the glutes on at will, the first step to using them in walking and running.",
    helpsWith: ["hip-driven-knee-pain"],
    progression: "glute-squeeze-walking",
    phases: [2],
    sources: ["seed-001"],
    illustration: {
      panels: [
        {
          start: brushingTeeth(),
          props: [{ kind: "sink", x: 80 }],
          focus: [glute],
          caption: "squeeze and hold while brushing",
        },
      ],
    },
  },
  {
    id: "glute-squeeze-walking",
    name: "Glute squeeze while walking",
    aliases: ["stance glute squeeze walking", "walking glute activation"],
    kind: "activation",
    targets: ["gluteus-maximus", "gluteus-medius"],
    equipment: ["none"],
    timing: "during-daily-life",
    startPosition: "Walking at an easy pace on level ground.",
    steps: [
      "As each foot lands, squeeze the buttock on that side and keep it on while the body passes over the foot.",
      "Let it relax as that leg swings forward, and squeeze the other side on its landing.",
      "Keep it up for a stretch of walking, then walk normally.",
    ],
    cues: [
      "Squeeze the side you are standing on",
      "Pelvis stays level",
      "Tall and relaxed above the waist",
    ],
    commonFaults: [
      "Squeezing both sides all the time and walking stiffly",
      "Shortening the stride",
      "Leaning the trunk over the standing leg",
    ],
    dose: squeezeDose(
      "seed-001 gives no amount; 3–5 stretches of 30–60 s of walking, a few times a day, is the clinic's starting amount.",
    ),
    doseSource: "seed-001",
    doseBasis: "clinic-default",
    minutes: 5,
    why: "Carries the glute squeeze into walking so the hip steadies the leg each time the foot lands.",
    helpsWith: ["hip-driven-knee-pain"],
    regression: "glute-squeeze-standing",
    progression: "glute-squeeze-running",
    phases: [2],
    sources: ["seed-001"],
    illustration: {
      panels: [{ start: walking(), focus: [glute], caption: "squeeze the standing side" }],
    },
  },
  {
    id: "glute-squeeze-running",
    name: "Glute squeeze while running",
    aliases: ["stance glute squeeze running", "running glute activation"],
    kind: "activation",
    targets: ["gluteus-maximus", "gluteus-medius"],
    equipment: ["none"],
    timing: "during-run",
    startPosition: "Running on level ground at a slower pace than usual.",
    steps: [
      "As the right foot lands, squeeze the right buttock; as the left lands, the left.",
      "Keep the pace easy enough to think about each landing.",
      "Run normally between bouts.",
    ],
    cues: [
      "Land, squeeze, pass over the foot",
      "Hips level, no side-to-side sway",
      "Slow down to get it right",
    ],
    commonFaults: [
      "Running at normal pace and losing the timing",
      "Over-striding to find the landing",
      "Leaning the trunk sideways over the standing leg",
    ],
    dose: squeezeDose(
      "seed-001 gives no amount; 3–5 bouts of 30–60 s within an easy run is the clinic's starting amount.",
    ),
    doseSource: "seed-001",
    doseBasis: "clinic-default",
    minutes: 5,
    why: "Puts the hip to work at the moment the knee takes the load in running, taking strain off the knee.",
    helpsWith: ["hip-driven-knee-pain"],
    regression: "glute-squeeze-walking",
    progression: "glute-squeeze-hills",
    phases: [3],
    sources: ["seed-001"],
    illustration: {
      panels: [
        { start: running(8), focus: [glute], caption: "easy pace: squeeze on each landing" },
      ],
    },
  },
  {
    id: "glute-squeeze-hills",
    name: "Glute squeeze on hills and uneven ground",
    aliases: ["hill glute activation", "glute squeeze uneven ground", "trail glute squeeze"],
    kind: "activation",
    targets: ["gluteus-maximus", "gluteus-medius"],
    equipment: ["none"],
    timing: "during-run",
    startPosition: "Running up a gentle hill or on a trail or uneven pavement, at an easy pace.",
    steps: [
      "Use the same landing squeeze as on the flat, on each side.",
      "On the climb, drive up from the buttock of the standing leg rather than pulling with the knee.",
      "Start with short hills and easy trails; lengthen them as it becomes automatic.",
    ],
    cues: [
      "Squeeze and push the ground behind you",
      "Short quick steps uphill",
      "Eyes ahead, trunk tall",
    ],
    commonFaults: [
      "Bending forward at the waist on the climb",
      "Forgetting the squeeze as effort rises",
      "Taking on steep or long hills too soon",
    ],
    dose: squeezeDose(
      "seed-001 gives no amount; 3–5 hills or uneven stretches of 30–60 s within an easy run is the clinic's starting amount.",
    ),
    doseSource: "seed-001",
    doseBasis: "clinic-default",
    minutes: 5,
    why: "Hills and uneven ground ask most of the hip; using the glutes there keeps the knee from taking the strain.",
    helpsWith: ["hip-driven-knee-pain"],
    regression: "glute-squeeze-running",
    phases: [3],
    sources: ["seed-001"],
    illustration: {
      panels: [
        { start: uphill, ground: HILL, focus: [glute], caption: "uphill: drive from the buttock" },
      ],
    },
  },
  {
    id: "side-shuffle",
    name: "Side shuffle during a run",
    aliases: ["side shuffles", "lateral shuffle", "shuffle steps"],
    kind: "activation",
    targets: ["gluteus-medius", "adductors"],
    equipment: ["none"],
    timing: "during-run",
    startPosition:
      "During a run, on a safe flat stretch: slow down and turn sideways, knees and hips slightly bent.",
    steps: [
      "Push off the trailing leg and step the leading foot sideways.",
      "Bring the trailing foot in without the feet clicking together, then step out again.",
      "Shuffle for the distance, then face the other way so the other leg leads.",
    ],
    cues: [
      "Lead from the side of the hip; the outer thigh only helps",
      "Stay low and level",
      "Toes forward",
    ],
    commonFaults: [
      "Standing up tall and hopping",
      "Crossing or clicking the feet together",
      "Leading with the shoulder and leaning",
    ],
    dose: {
      sets: [2, 3],
      metres: [15, 20],
      perSide: true,
      note: "seed-002 adds them along the run without an amount; 2–3 shuffles of 15–20 m each way is the clinic's starting amount.",
    },
    doseSource: "seed-002",
    doseBasis: "clinic-default",
    minutes: 2,
    why: "Wakes the outer glutes during the run itself, so they keep sharing the work with the outer thigh.",
    helpsWith: ["hip-driven-knee-pain"],
    phases: [3],
    sources: ["seed-002"],
    illustration: {
      panels: [
        { start: shuffle(60, [76, 44]) },
        {
          start: shuffle(60, [67, 53]),
          arrows: [{ from: [84, 20], to: [100, 20] }],
          focus: [{ on: "nearThigh", at: 0, shift: [3, 2] }],
        },
      ],
    },
  },
];
