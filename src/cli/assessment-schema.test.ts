import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { assess } from "../core/assessment/assess.js";
import { InputError } from "../core/errors.js";
import { assessmentFile, strengthTest } from "../core/test-support/assessment.builder.js";
import { assessmentJsonSchema } from "./assessment-schema.js";

const validate = new Ajv2020({ strict: false, allErrors: true }).compile(assessmentJsonSchema());

/** Does the command accept it? */
function parserAccepts(file: unknown): boolean {
  try {
    assess(file);
    return true;
  } catch (error) {
    if (error instanceof InputError) return false;
    throw error;
  }
}

const person = (overrides: Record<string, unknown>) => ({
  person: { age: 35, sex: "female", heightCm: 168, bodyMass: 60, ...overrides },
});

describe("the JSON Schema carries what the parser enforces", () => {
  it.each([
    ["a complete file", {}, true],
    [
      "every person detail unknown",
      person({ age: "unknown", sex: "unknown", heightCm: "unknown", bodyMass: "unknown" }),
      true,
    ],
    ["a misspelt red-flag id", { redFlags: { kneeLockd: true } }, false],
    ["body mass 700 kg", person({ bodyMass: 700 }), false],
    ["body mass 19 kg", person({ bodyMass: 19 }), false],
    ["body mass 300 lb (136 kg)", person({ bodyMass: 300, bodyMassUnit: "lb" }), true],
    ["body mass 700 lb (317.5 kg)", person({ bodyMass: 700, bodyMassUnit: "lb" }), false],
    [
      "a trial of 0 N",
      { strength: { tests: [strengthTest("hip-abduction", "left", [0])] } },
      false,
    ],
    [
      "a trial of 2500 N",
      { strength: { tests: [strengthTest("hip-abduction", "left", [2500])] } },
      false,
    ],
    [
      "a trial of 250 kgf",
      { strength: { tests: [strengthTest("hip-abduction", "left", [250], { unit: "kgf" })] } },
      false,
    ],
    [
      "a trial of 180 kgf",
      { strength: { tests: [strengthTest("hip-abduction", "left", [180], { unit: "kgf" })] } },
      true,
    ],
    [
      "seven trials",
      { strength: { tests: [strengthTest("hip-abduction", "left", [1, 2, 3, 4, 5, 6, 7])] } },
      false,
    ],
    [
      "position and method unknown",
      {
        strength: {
          tests: [
            strengthTest("hip-abduction", "left", [200], {
              position: "unknown",
              method: "unknown",
            }),
          ],
        },
      },
      true,
    ],
    [
      "pain during runs unknown",
      {
        symptoms: {
          pain: {
            locations: [{ area: "lateral", side: "left" }],
            atRest: 0,
            duringRun: "unknown",
            afterRun: "unknown",
          },
        },
      },
      true,
    ],
    ["a movement threshold out of range", { settings: { movement: { lowCadence: 20 } } }, false],
  ])("%s: accepted %s by both", (_, overrides, accepted) => {
    const file = assessmentFile(overrides as Record<string, unknown>);
    expect(parserAccepts(file)).toBe(accepted);
    expect(validate(file)).toBe(accepted);
  });
});
