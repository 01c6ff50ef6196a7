import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.js";
import type { FindingId } from "../findings/finding.types.js";
import { SOURCES, type SourceId } from "../sources.js";
import { DAILY_STRETCH_MINUTES, totalReps, totalSeconds } from "./dose.js";
import { type Dose, EXERCISE_IDS, type ExerciseId } from "./exercise.types.js";
import {
  EXERCISES,
  exercisesFor,
  findExercise,
  isExerciseId,
  ladderOf,
  suggestExercises,
} from "./library.js";

/**
 * Everything the seed articles name (docs/clinical-sources.md, "Exercises"), with the dose where the article gives
 * one. `dose` lists only the numbers the article states.
 */
const SEED_LIST: readonly {
  named: string;
  id: ExerciseId;
  source?: SourceId;
  dose?: Partial<Dose>;
}[] = [
  {
    named: "clamshell",
    id: "side-lying-clamshell",
    source: "seed-000",
    dose: { sets: [3, 3], reps: [12, 15], perSide: true },
  },
  {
    named: "single-leg glute bridge",
    id: "single-leg-glute-bridge",
    source: "seed-000",
    dose: { sets: [3, 3], reps: [8, 12], perSide: true },
  },
  {
    named: "lateral band walk",
    id: "lateral-band-walk",
    source: "seed-000",
    dose: { sets: [3, 3], seconds: [60, 60] },
  },
  {
    named: "side-steps",
    id: "lateral-band-walk-band-at-feet",
    source: "seed-003",
    dose: { metres: [7.6, 7.6] },
  },
  {
    named: "fire hydrant",
    id: "fire-hydrant",
    source: "seed-003",
    dose: { sets: [2, 3], reps: [10, 15], perSide: true },
  },
  {
    named: "side V-up",
    id: "side-v-up",
    source: "seed-003",
    dose: { sets: [2, 3], reps: [10, 15], perSide: true },
  },
  { named: "side plank hip dip", id: "side-v-up" },
  {
    named: "single-leg Romanian deadlift",
    id: "single-leg-romanian-deadlift",
    source: "seed-003",
    dose: { sets: [2, 3], reps: [10, 15], perSide: true },
  },
  {
    named: "bridge",
    id: "glute-bridge",
    source: "seed-001",
    dose: { sets: [3, 3], reps: [10, 10] },
  },
  {
    named: "glute blaster",
    id: "glute-blaster",
    source: "seed-001",
    dose: { sets: [3, 3], reps: [10, 10] },
  },
  { named: "quadruped hip extension", id: "glute-blaster" },
  { named: "squat", id: "squat", source: "seed-001", dose: { sets: [3, 3], reps: [10, 10] } },
  {
    named: "sit to stand",
    id: "sit-to-stand",
    source: "seed-001",
    dose: { sets: [3, 3], reps: [10, 10] },
  },
  { named: "knees-out squat", id: "knees-out-squat" },
  { named: "deadlift", id: "deadlift" },
  { named: "lunge", id: "lunge" },
  { named: "step-up", id: "step-up" },
  { named: "step-down", id: "step-down" },
  { named: "side lunge", id: "side-lunge" },
  { named: "Romanian deadlift", id: "romanian-deadlift" },
  { named: "hamstring curl", id: "hamstring-curl" },
  { named: "Pallof side step", id: "pallof-side-step" },
  { named: "crossover step-up", id: "crossover-step-up" },
  { named: "kneeling hip flexor stretch", id: "kneeling-hip-flexor-stretch" },
  { named: "hip 90/90", id: "hip-90-90-stretch" },
  { named: "figure-4 stretch", id: "figure-4-stretch" },
  { named: "piriformis stretch", id: "piriformis-stretch" },
  { named: "standing groin stretch", id: "standing-groin-stretch" },
  { named: "quadriceps stretch", id: "standing-quadriceps-stretch" },
  { named: "foam roller glute medius", id: "foam-roll-lateral-hip" },
  { named: "foam roll TFL", id: "foam-roll-lateral-hip" },
  { named: "foam roll IT band", id: "foam-roll-lateral-hip" },
  { named: "foam roller quadriceps", id: "foam-roll-quadriceps" },
  { named: "half-kneeling lunge", id: "half-kneeling-lunge" },
  { named: "quadruped rocking", id: "quadruped-rocking" },
  { named: "walking child's pose", id: "walking-child-pose" },
  { named: "glute squeeze brushing teeth", id: "glute-squeeze-standing" },
  { named: "glute squeeze while walking", id: "glute-squeeze-walking" },
  { named: "glute squeeze while running", id: "glute-squeeze-running" },
  { named: "glute squeeze on hills and uneven ground", id: "glute-squeeze-hills" },
  { named: "side shuffles", id: "side-shuffle" },
  { named: "banded clamshell", id: "banded-clamshell" },
  { named: "side-lying hip abduction", id: "side-lying-hip-abduction" },
  { named: "side plank with hip abduction", id: "side-plank-hip-abduction" },
];

const namesOf = (id: ExerciseId): string[] => {
  const exercise = findExercise(id);
  return [exercise.name, ...exercise.aliases].map((name) => name.toLowerCase());
};

describe("the library covers everything the seed articles name", () => {
  it.each(SEED_LIST)("$named → $id", ({ named, id, source, dose }) => {
    const exercise = findExercise(id);
    expect(namesOf(id).some((name) => name.includes(named.toLowerCase()))).toBe(true);
    if (source) expect(exercise.doseSource).toBe(source);
    if (dose) expect(exercise.dose).toMatchObject(dose);
  });

  it("keeps seed-001's 3 × 10 as an alternative clamshell dose", () => {
    const alternative = findExercise("side-lying-clamshell").alternativeDoses?.[0];
    expect(alternative?.source).toBe("seed-001");
    expect(alternative?.dose).toMatchObject({ sets: [3, 3], reps: [10, 10], perSide: true });
  });

  it("keeps seed-001's side steps 3 × 10 as an alternative band-walk dose", () => {
    const alternative = findExercise("lateral-band-walk").alternativeDoses?.[0];
    expect(alternative).toMatchObject({
      source: "seed-001",
      dose: { sets: [3, 3], reps: [10, 10] },
    });
  });

  it("gives seed-003's band walk as about 25 feet each way with the band at the feet", () => {
    const feet = findExercise("lateral-band-walk-band-at-feet");
    expect((feet.dose.metres?.[0] ?? 0) / 0.3048).toBeCloseTo(25, 0);
    expect(feet.startPosition).toMatch(/around both feet/);
  });

  it("fits the four seed-001 stretches into its 5–10 minutes a day", () => {
    const stretches: ExerciseId[] = [
      "kneeling-hip-flexor-stretch",
      "hip-90-90-stretch",
      "figure-4-stretch",
      "piriformis-stretch",
    ];
    const minutes = stretches.reduce((sum, id) => sum + findExercise(id).minutes, 0);
    const holdMinutes =
      stretches.reduce((sum, id) => sum + (totalSeconds(findExercise(id).dose)?.[1] ?? 0), 0) / 60;
    expect(minutes).toBe(8);
    expect(holdMinutes).toBe(8);
    expect(minutes).toBeGreaterThanOrEqual(DAILY_STRETCH_MINUTES[0]);
    expect(minutes).toBeLessThanOrEqual(DAILY_STRETCH_MINUTES[1]);
  });

  it("puts the groin and quadriceps stretches before and after each run (seed-002)", () => {
    expect(findExercise("standing-groin-stretch").timing).toBe("before-and-after-run");
    expect(findExercise("standing-quadriceps-stretch").timing).toBe("before-and-after-run");
  });

  it("orders activation as seed-001 does: standing and walking, then running", () => {
    expect(findExercise("glute-squeeze-standing").phases).toEqual([2]);
    expect(findExercise("glute-squeeze-walking").phases).toEqual([2]);
    expect(findExercise("glute-squeeze-running").phases).toEqual([3]);
    expect(findExercise("glute-squeeze-hills").phases).toEqual([3]);
  });
});

describe("every exercise is complete", () => {
  it("has one entry per id, in the order of EXERCISE_IDS", () => {
    expect(EXERCISES.map((e) => e.id)).toEqual([...EXERCISE_IDS]);
    expect(EXERCISES).toHaveLength(42);
  });

  it.each(EXERCISES.map((e) => [e.id, e] as const))("%s", (id, exercise) => {
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(exercise.name.length).toBeGreaterThan(3);
    expect(exercise.startPosition.length).toBeGreaterThan(20);
    expect(exercise.steps.length).toBeGreaterThanOrEqual(2);
    expect(exercise.cues.length).toBeGreaterThanOrEqual(2);
    expect(exercise.commonFaults.length).toBeGreaterThanOrEqual(2);
    expect(exercise.why).toMatch(/^[A-Z].{20,}\.$/);
    expect(exercise.targets.length).toBeGreaterThan(0);
    expect(exercise.helpsWith.length).toBeGreaterThan(0);
    expect(exercise.phases.length).toBeGreaterThan(0);
    expect(exercise.illustration.panels.length).toBeGreaterThan(0);
    expect(exercise.minutes).toBeGreaterThan(0);
    if (exercise.equipment.includes("none")) expect(exercise.equipment).toEqual(["none"]);
    for (const source of [...exercise.sources, exercise.doseSource]) {
      expect(SOURCES[source], `${source} is a known source`).toBeDefined();
    }
    expect(exercise.sources).toContain(exercise.doseSource);
    for (const alternative of exercise.alternativeDoses ?? []) {
      expect(SOURCES[alternative.source]).toBeDefined();
    }
  });

  it.each(EXERCISES.map((e) => [e.id, e.dose, e.minutes] as const))(
    "%s has a usable dose that fits its minutes",
    (_, dose, minutes) => {
      const ranges = [dose.sets, dose.reps, dose.seconds, dose.metres].filter(
        (r) => r !== undefined,
      );
      for (const [min, max] of ranges) {
        expect(min).toBeGreaterThan(0);
        expect(min).toBeLessThanOrEqual(max);
      }
      expect(dose.reps ?? dose.seconds ?? dose.metres).toBeDefined();
      const seconds = totalSeconds(dose)?.[1] ?? 0;
      const reps = totalReps(dose)?.[1] ?? 0;
      expect(minutes * 60).toBeGreaterThanOrEqual(Math.max(seconds, reps * 2));
    },
  );

  it("marks every dose that is not the seed's own as a clinic default with a reason", () => {
    for (const exercise of EXERCISES.filter((e) => e.doseBasis === "clinic-default")) {
      expect(exercise.dose.note?.length ?? 0, exercise.id).toBeGreaterThan(40);
    }
  });
});

describe("ladders", () => {
  it("link both ways: the progression of X has X as its regression", () => {
    for (const exercise of EXERCISES) {
      if (exercise.progression) {
        expect(findExercise(exercise.progression).regression, exercise.id).toBe(exercise.id);
      }
      if (exercise.regression) {
        expect(findExercise(exercise.regression).progression, exercise.id).toBe(exercise.id);
      }
    }
  });

  it("have no loops", () => {
    for (const exercise of EXERCISES) {
      const ladder = ladderOf(exercise.id);
      expect(new Set(ladder.map((e) => e.id)).size).toBe(ladder.length);
      expect(ladder.map((e) => e.id)).toContain(exercise.id);
    }
  });

  it.each([
    [
      "banded-clamshell",
      [
        "side-lying-clamshell",
        "banded-clamshell",
        "side-lying-hip-abduction",
        "side-plank-hip-abduction",
      ],
    ],
    ["squat", ["sit-to-stand", "squat", "knees-out-squat"]],
    ["side-v-up", ["side-plank-from-knees", "side-v-up"]],
    ["lateral-band-walk", ["lateral-band-walk", "lateral-band-walk-band-at-feet"]],
    ["fire-hydrant", ["quadruped-fire-hydrant", "fire-hydrant"]],
    ["glute-bridge", ["glute-bridge", "single-leg-glute-bridge"]],
    ["single-leg-romanian-deadlift", ["romanian-deadlift", "single-leg-romanian-deadlift"]],
    ["step-down", ["step-up", "step-down"]],
    [
      "glute-squeeze-running",
      [
        "glute-squeeze-standing",
        "glute-squeeze-walking",
        "glute-squeeze-running",
        "glute-squeeze-hills",
      ],
    ],
    ["deadlift", ["deadlift"]],
  ] as const)("%s sits on %j", (id, chain) => {
    expect(ladderOf(id).map((e) => e.id)).toEqual(chain);
  });

  it("order gluteus medius work as the EMG studies rank it (Distefano 2009, Boren 2011)", () => {
    const ladder = ladderOf("side-lying-clamshell").map((e) => e.id);
    expect(ladder.indexOf("side-lying-hip-abduction")).toBeLessThan(
      ladder.indexOf("side-plank-hip-abduction"),
    );
  });
});

describe("findExercise", () => {
  it("returns the exercise for a known id", () => {
    expect(findExercise("side-v-up").name).toBe("Side V-up (side plank hip dip)");
  });

  it.each([
    ["clamshel", "side-lying-clamshell"],
    ["side lying clamshell", "side-lying-clamshell"],
    ["fire hydrant", "fire-hydrant"],
    ["romanian deadlift", "romanian-deadlift"],
    ["piriformis", "piriformis-stretch"],
  ])("for the unknown id %j suggests %s", (query, expected) => {
    expect(() => findExercise(query)).toThrow(DomainError);
    expect(() => findExercise(query)).toThrow(`"${expected}"`);
  });

  it("says how ids are written when nothing is close", () => {
    expect(() => findExercise("xyzzy")).toThrow(
      'Unknown exercise: no exercise has the id "xyzzy"; ids are written like "side-lying-clamshell"',
    );
  });

  it("suggests at most three ids, best first", () => {
    expect(suggestExercises("clamshell")).toEqual(["side-lying-clamshell", "banded-clamshell"]);
    expect(suggestExercises("squat").length).toBeLessThanOrEqual(3);
    expect(isExerciseId("squat")).toBe(true);
    expect(isExerciseId("Squat")).toBe(false);
  });
});

describe("exercisesFor", () => {
  const ids = (finding: FindingId, filter = {}) => exercisesFor(finding, filter).map((e) => e.id);

  it("lists the hip exercises for hip-driven knee pain, starting with the clamshell", () => {
    const hip = ids("hip-driven-knee-pain");
    expect(hip[0]).toBe("side-lying-clamshell");
    expect(hip).toContain("lateral-band-walk");
    expect(hip).toContain("glute-squeeze-running");
    expect(hip).not.toContain("foam-roll-quadriceps");
  });

  it("lists stretches and mobility for hip flexor tightness", () => {
    expect(ids("hip-flexor-tightness")).toEqual([
      "kneeling-hip-flexor-stretch",
      "standing-quadriceps-stretch",
      "foam-roll-quadriceps",
      "half-kneeling-lunge",
      "quadruped-rocking",
      "walking-child-pose",
    ]);
  });

  it("adds knee-and-hip strength work for a knee strength deficit (nascimento-2018)", () => {
    expect(ids("knee-strength-deficit")).toEqual([
      "sit-to-stand",
      "squat",
      "romanian-deadlift",
      "deadlift",
      "hamstring-curl",
      "lunge",
      "step-up",
      "step-down",
    ]);
  });

  it("leaves load errors and overstriding to the running plan", () => {
    expect(ids("load-error")).toEqual([]);
    expect(ids("overstriding")).toEqual([]);
  });

  it("narrows by phase, kind and equipment at hand", () => {
    expect(ids("hip-driven-knee-pain", { phase: 3 })).toContain("glute-squeeze-hills");
    expect(ids("hip-driven-knee-pain", { phase: 3, kind: "strength" })).toEqual([]);
    const bodyweight = exercisesFor("hip-driven-knee-pain", { equipment: [] });
    expect(bodyweight.every((e) => e.equipment.includes("none"))).toBe(true);
    expect(ids("hip-driven-knee-pain", { equipment: ["band"] })).toContain("banded-clamshell");
    expect(ids("hip-driven-knee-pain", { equipment: [] })).not.toContain("banded-clamshell");
  });
});
