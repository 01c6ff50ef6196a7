import { describe, expect, it } from "vitest";
import { assessmentFile, pairedTest } from "../test-support/assessment.builder.js";
import { assess } from "./assess.js";

const strength = { tests: pairedTest("hip-abduction", 240, 200) };
const withPerson = (person: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  assess(
    assessmentFile({
      person: { age: 35, sex: "female", heightCm: 168, bodyMass: 60, ...person },
      strength,
      ...extra,
    }),
  );

describe('"unknown" where a rule can do without it, and what could not be computed', () => {
  it.each([
    {
      name: "body mass unknown: forces and LSI, no per-kg values, no reference",
      person: { bodyMass: "unknown" },
      says: "N/kg and Nm/kg: body mass is unknown",
      check: (r: ReturnType<typeof assess>) => {
        const right = r.strength?.tests[0]?.sides.right;
        expect(right?.bestN).toBe(200);
        expect(right?.forceNPerKg).toBeUndefined();
        expect(right?.torqueNmPerKg).toBeUndefined();
        expect(r.strength?.tests[0]?.lsiPercent).toBeCloseTo(83.3, 1);
        expect(right?.referenceMissing).toMatch(/^Body mass is unknown/);
      },
    },
    {
      name: "age unknown: no hip abduction reference equation",
      person: { age: "unknown" },
      says: "Age unknown: age-dependent red flags are worded for every age",
      check: (r: ReturnType<typeof assess>) => {
        expect(r.strength?.tests[0]?.sides.right?.torqueNmPerKg).toBeCloseTo(1.33, 2);
        expect(r.strength?.tests[0]?.sides.right?.reference).toBeUndefined();
        expect(r.notComputed.join(" ")).toContain(
          "Hip abduction reference values: Age is needed for the hip abduction reference equation (ramskov-2014).",
        );
      },
    },
    {
      name: "sex unknown: judged against both sexes",
      person: { sex: "unknown" },
      says: "Sex unknown: reference values are judged against the female and the male values together",
      check: (r: ReturnType<typeof assess>) => {
        expect(r.strength?.tests[0]?.sides.right?.reference?.caveats.join(" ")).toContain(
          "Sex is not recorded",
        );
      },
    },
    {
      name: "height unknown: nothing needs it",
      person: { heightCm: "unknown" },
      says: "",
      check: (r: ReturnType<typeof assess>) => expect(r.person.heightCm).toBeUndefined(),
    },
  ])("$name", ({ person, says, check }) => {
    const result = withPerson(person);
    if (says) expect(result.notComputed.join(" ")).toContain(says);
    check(result);
  });

  it("a test without its position or method is still compared with its pair, with a caveat", () => {
    const result = assess(
      assessmentFile({
        strength: {
          tests: pairedTest("hip-abduction", 240, 200, { position: "unknown", method: "unknown" }),
        },
      }),
    );
    const test = result.strength?.tests[0];
    expect(test?.position).toBe("unknown");
    expect(test?.lsiPercent).toBeCloseTo(83.3, 1);
    expect(test?.sides.right?.reference?.caveats.join(" ")).toContain(
      "The test method (make or break) was not recorded",
    );
    expect(result.notComputed.join(" ")).toContain("the test position was not recorded");
  });

  it("without a lever arm there is force but no torque, and it says so", () => {
    const result = assess(
      assessmentFile({
        strength: { tests: pairedTest("hip-abduction", 240, 200, { leverArmCm: undefined }) },
      }),
    );
    expect(result.strength?.tests[0]?.lsiBasis).toBe("force");
    expect(result.notComputed.join(" ")).toContain("Hip abduction torque: no lever arm given");
  });
});
