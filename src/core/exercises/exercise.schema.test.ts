import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError, parseWith } from "../errors.js";
import {
  doseOverrideSchema,
  METRES_PER_FOOT,
  prescribedExerciseSchema,
  withDoseOverride,
} from "./exercise.schema.js";
import { findExercise } from "./library.js";

const messagesFor = (data: unknown): string[] => {
  try {
    parseWith(prescribedExerciseSchema, data, "programme line");
  } catch (error) {
    if (error instanceof InputError) return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  return [];
};

describe("prescribedExerciseSchema", () => {
  it("reads an exercise with a changed dose, single numbers becoming ranges", () => {
    const line = parseWith(prescribedExerciseSchema, {
      exercise: "side-lying-clamshell",
      dose: { sets: 2, reps: [10, 12], perSide: true },
    });
    expect(line).toEqual({
      exercise: "side-lying-clamshell",
      dose: { sets: [2, 2], reps: [10, 12], perSide: true },
    });
  });

  it("converts a distance in feet to metres: seed-003's 25 ft is 7.62 m", () => {
    const line = parseWith(prescribedExerciseSchema, {
      exercise: "lateral-band-walk-band-at-feet",
      dose: { feet: 25 },
    });
    expect(line.dose?.metres?.[0]).toBeCloseTo(7.62, 2);
    expect(line.dose).not.toHaveProperty("feet");
  });

  it("converts any distance in feet the same way a tape measure would", () => {
    fc.assert(
      fc.property(fc.double({ min: 3, max: 650, noNaN: true }), (feet) => {
        const dose = parseWith(doseOverrideSchema, { feet });
        expect(dose.metres?.[0]).toBeCloseTo(feet * METRES_PER_FOOT, 9);
        expect((dose.metres?.[0] ?? 0) / METRES_PER_FOOT).toBeCloseTo(feet, 9);
      }),
    );
  });

  it.each([
    [
      { exercise: "clamshel" },
      'exercise: no exercise has the id "clamshel"; did you mean "side-lying-clamshell", "banded-clamshell"?',
    ],
    [
      { exercise: "squat", dose: { sets: 0 } },
      "dose.sets: sets must be a whole number from 1 to 10, or a [min, max] pair such as [2, 3]",
    ],
    [
      { exercise: "squat", dose: { reps: 2.5 } },
      "dose.reps: repetitions must be a whole number from 1 to 100, or a [min, max] pair such as [10, 15]",
    ],
    [
      { exercise: "squat", dose: { reps: [15, 12] } },
      "dose.reps: repetitions: the first number of a range must not be above the second, e.g. [10, 15]",
    ],
    [
      { exercise: "side-plank-from-knees", dose: { seconds: 900 } },
      "dose.seconds: hold time must be a number from 1 to 600 s, or a [min, max] pair such as [20, 30]",
    ],
    [
      { exercise: "side-shuffle", dose: { metres: 20, feet: 60 } },
      "dose.feet: give the distance in metres or in feet, not both",
    ],
    [{ exercise: "squat", dose: { sets: 3, weight: 10 } }, 'dose: unknown field "weight"'],
    [
      { exercise: "squat", dose: { perSide: "yes" } },
      'dose.perSide: perSide must be true or false, got "yes"',
    ],
    [
      { exercise: "squat", dose: { sets: "three" } },
      "dose.sets: sets must be a whole number from 1 to 10, or a [min, max] pair such as [2, 3]",
    ],
  ])("refuses %j with a message a clinician can act on", (data, message) => {
    expect(messagesFor(data)).toEqual([message]);
  });
});

describe("withDoseOverride", () => {
  const clamshell = findExercise("side-lying-clamshell").dose;

  it("keeps the library numbers a clinician did not change", () => {
    expect(withDoseOverride(clamshell, { sets: [2, 2] })).toEqual({
      sets: [2, 2],
      reps: [12, 15],
      perSide: true,
    });
  });

  it("replaces repetitions when a hold time is given instead", () => {
    const plank = withDoseOverride(clamshell, { seconds: [30, 30], note: "hold at the top" });
    expect(plank).toEqual({
      sets: [3, 3],
      seconds: [30, 30],
      perSide: true,
      note: "hold at the top",
    });
  });

  it("keeps the library note unless a new one is given", () => {
    const walk = findExercise("lateral-band-walk").dose;
    expect(withDoseOverride(walk, { sets: [2, 2] }).note).toBe(walk.note);
  });
});
