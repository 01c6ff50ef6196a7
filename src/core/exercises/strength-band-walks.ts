import type { Exercise } from "./exercise.types.js";
import { miniSquat } from "./poses.js";

/**
 * Side-stepping against a band: with the band above the knees (seed-000), then around the
 * feet (seed-003), which works the gluteus medius harder (Lewis 2018).
 */

const kneeBand = { from: { on: "nearThigh", at: 0.85 }, to: { on: "farThigh", at: 0.85 } } as const;
const footBand = { from: { on: "nearShank", at: 0.97 }, to: { on: "farShank", at: 0.97 } } as const;

/** This group's exercises, easiest first within each ladder. */
export const BAND_WALK_EXERCISES: readonly Exercise[] = [
  {
    id: "lateral-band-walk",
    name: "Lateral band walk",
    aliases: [
      "side steps",
      "side-steps",
      "band walks",
      "banded walks",
      "crab walk",
      "monster walk",
    ],
    kind: "strength",
    targets: ["gluteus-medius", "tensor-fasciae-latae"],
    equipment: ["band"],
    timing: "strength-day",
    startPosition:
      "Standing with a loop band just above the knees, feet hip-width apart, knees and hips slightly bent.",
    steps: [
      "Step sideways with one foot against the band.",
      "Bring the other foot part of the way in, keeping the band stretched.",
      "Keep stepping the same way for half the time, then lead with the other foot back to the start.",
    ],
    cues: [
      "Stay low and level: the head does not bob",
      "Toes point forward",
      "Knees track over the feet, pushing out into the band",
    ],
    commonFaults: [
      "Knees falling inward towards each other",
      "Leaning the trunk over to the side to swing the leg",
      "Letting the feet snap together and the band go slack",
    ],
    dose: {
      sets: [3, 3],
      seconds: [60, 60],
      perSide: false,
      note: "60 s of controlled stepping each set: half one way, half back.",
    },
    doseSource: "seed-000",
    doseBasis: "as-published",
    alternativeDoses: [
      {
        label: "Side steps in the strength group: at least 3 × 10 each way",
        dose: {
          sets: [3, 3],
          reps: [10, 10],
          perSide: true,
          note: "Steps each way, moderate resistance.",
        },
        source: "seed-001",
      },
    ],
    minutes: 5,
    why: "Trains the outer hip to hold the knee in line while the body moves over one leg, as it must in running.",
    helpsWith: ["hip-driven-knee-pain"],
    progression: "lateral-band-walk-band-at-feet",
    phases: [1, 2],
    sources: ["seed-000", "seed-001", "seed-004", "lewis-2018"],
    illustration: {
      panels: [
        {
          start: { ...miniSquat(52, 58, 46), bands: [kneeBand] },
          end: { ...miniSquat(60, 72, 48), bands: [kneeBand] },
          arrows: [{ from: [62, 47], to: [80, 47], bend: 0 }],
          focus: [{ on: "nearThigh", at: 0.05, shift: [2, 1] }],
        },
      ],
    },
  },
  {
    id: "lateral-band-walk-band-at-feet",
    name: "Side-steps with the band around the feet",
    aliases: ["side steps band at feet", "banded side steps", "band around the feet"],
    kind: "strength",
    targets: ["gluteus-medius", "gluteus-maximus"],
    equipment: ["band"],
    timing: "strength-day",
    startPosition:
      "Standing with a loop band around both feet across the forefoot, toes forward, knees slightly bent, weight towards the heels.",
    steps: [
      "Take a long step sideways with the leading foot.",
      "Follow with a shorter step of the trailing foot so the band never goes slack.",
      "Cover about 25 feet (7.6 m), then come back to the start still facing the same way.",
    ],
    cues: [
      "Big step with the lead foot, small step with the trail foot",
      "Sit the weight back towards the heels, toes stay on the floor",
      "Tension in the band the whole way",
    ],
    commonFaults: [
      "Toes lifting as the weight goes back",
      "Trail foot catching up fully and the band going slack",
      "Turning the feet out to make the step easier",
    ],
    dose: {
      sets: [2, 3],
      metres: [7.6, 7.6],
      perSide: false,
      note: "One set is about 25 ft (7.6 m) sideways and back (seed-003). The article gives no number of sets; 2–3 matches hip programmes for runners (mckay-2020).",
    },
    doseSource: "seed-003",
    doseBasis: "clinic-default",
    minutes: 5,
    why: "With the band at the feet the same side-step asks more of the gluteus medius and gluteus maximus than with the band at the knees.",
    helpsWith: ["hip-driven-knee-pain"],
    regression: "lateral-band-walk",
    phases: [2],
    sources: ["seed-003", "lewis-2018", "mckay-2020"],
    illustration: {
      panels: [
        {
          start: { ...miniSquat(52, 58, 46), bands: [footBand] },
          end: { ...miniSquat(61, 76, 48), bands: [footBand] },
          arrows: [{ from: [62, 47], to: [82, 47], bend: 0 }],
          focus: [{ on: "nearThigh", at: 0.05, shift: [2, 1] }],
        },
      ],
    },
  },
];
