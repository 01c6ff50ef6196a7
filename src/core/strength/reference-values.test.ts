import { describe, expect, it } from "vitest";
import {
  compareWithReference,
  normalCdf,
  type ReferenceQuery,
  ramskovExpected,
} from "./reference-values.js";

const query = (overrides: Partial<ReferenceQuery> = {}): ReferenceQuery => ({
  test: "hip-abduction",
  side: "right",
  method: "break",
  position: "side-lying",
  torqueNmPerKg: 1.45,
  context: { age: 30, sex: "female", referenceZ: 1 },
  ...overrides,
});

function referenceOf(q: ReferenceQuery) {
  const outcome = compareWithReference(q);
  if (!outcome || !("reference" in outcome)) throw new Error("expected a reference comparison");
  return outcome.reference;
}

describe("Ramskov 2014 hip abduction equation", () => {
  it.each([
    { age: 30, sex: "female" as const, expected: 1.45 },
    { age: 40, sex: "male" as const, expected: 1.615 },
    { age: 18, sex: "female" as const, expected: 1.51 },
  ])("expects $expected Nm/kg for a $sex aged $age", ({ age, sex, expected }) => {
    expect(ramskovExpected(age, sex)).toBeCloseTo(expected, 10);
  });

  it.each([
    { value: 1.05, band: "below", z: -1.1299 },
    { value: 1.45, band: "within", z: 0 },
    { value: 1.2, band: "within", z: -0.7062 },
    { value: 1.9, band: "above", z: 1.2712 },
  ])("$value Nm/kg (female, 30) is $band, z $z", ({ value, band, z }) => {
    const ref = referenceOf(query({ torqueNmPerKg: value }));
    expect(ref.band).toBe(band);
    expect(ref.z).toBeCloseTo(z, 4);
    expect(ref.expected).toBeCloseTo(1.45, 10);
    expect(ref.sd).toBe(0.354);
    expect(ref.source).toBe("ramskov-2014");
    expect(ref.expectedText).toBe("expected 1.45 ± 0.35 Nm/kg (female, age 30)");
  });

  it("uses the clinic's z limit for the band", () => {
    expect(referenceOf(query({ torqueNmPerKg: 1.05 })).band).toBe("below");
    const wider = query({
      torqueNmPerKg: 1.05,
      context: { age: 30, sex: "female", referenceZ: 1.5 },
    });
    expect(referenceOf(wider).band).toBe("within");
  });

  it("gives the percentile from the z-score", () => {
    expect(referenceOf(query()).percentile).toBeCloseTo(50, 5);
    expect(referenceOf(query({ torqueNmPerKg: 1.45 + 0.354 })).percentile).toBeCloseTo(84.13, 2);
    expect(normalCdf(-1.96)).toBeCloseTo(0.025, 3);
  });

  it("has no caveat for a side-lying break test within the age range", () => {
    expect(referenceOf(query()).caveats).toEqual([]);
  });

  it("warns when the test was a make test, not side-lying, or outside ages 18–65", () => {
    const ref = referenceOf(
      query({
        method: "make",
        position: "supine",
        context: { age: 70, sex: "male", referenceZ: 1 },
      }),
    );
    expect(ref.caveats).toEqual([
      "The reference was measured with a break (eccentric) test; this was a make test, and the two methods give different readings (stratford-1994), so compare with care.",
      "The reference was measured side-lying; this test was supine, and position alone changes hip abduction readings by up to about 30 % (cerda-vega-2018).",
      "The equation comes from runners aged 18–65; at 70 it is an extrapolation.",
    ]);
  });

  it("judges against both equations when sex is not female or male", () => {
    const ref = referenceOf(query({ torqueNmPerKg: 1.5, context: { age: 30, referenceZ: 1 } }));
    expect(ref.range?.low).toBeCloseTo(1.45, 10);
    expect(ref.range?.high).toBeCloseTo(1.665, 10);
    expect(ref.z).toBeUndefined();
    expect(ref.band).toBe("within");
    expect(ref.caveats.at(-1)).toContain("Sex is not recorded");
    const weak = query({ torqueNmPerKg: 1.0, context: { age: 30, sex: "other", referenceZ: 1 } });
    expect(referenceOf(weak).band).toBe("below");
  });

  it("says what is missing: age, or a lever arm", () => {
    expect(compareWithReference(query({ context: { sex: "male", referenceZ: 1 } }))).toEqual({
      missing: "Age is needed for the hip abduction reference equation (ramskov-2014).",
    });
    const { torqueNmPerKg: _omitted, ...withoutTorque } = query();
    expect(compareWithReference(withoutTorque)).toEqual({
      missing:
        "No lever arm on the right side, so there is no torque per kg to compare with reference values: enter leverArmCm (joint centre to the dynamometer pad).",
    });
  });
});

describe("knee reference ranges (knee-strength-meta)", () => {
  const knee = (
    test: "knee-extension" | "knee-flexion",
    value: number,
    sex?: "female" | "male" | "other",
  ) =>
    compareWithReference(
      query({
        test,
        method: "make",
        position: "seated",
        torqueNmPerKg: value,
        context: { ...(sex ? { sex } : {}), referenceZ: 1 },
      }),
    );

  it.each([
    {
      test: "knee-extension" as const,
      sex: "male" as const,
      value: 2.5,
      band: "below",
      text: "2.92–3.45 Nm/kg (men)",
    },
    {
      test: "knee-extension" as const,
      sex: "male" as const,
      value: 3.0,
      band: "within",
      text: "2.92–3.45 Nm/kg (men)",
    },
    {
      test: "knee-extension" as const,
      sex: "male" as const,
      value: 3.6,
      band: "above",
      text: "2.92–3.45 Nm/kg (men)",
    },
    {
      test: "knee-extension" as const,
      sex: "female" as const,
      value: 2.0,
      band: "below",
      text: "2.08–2.74 Nm/kg (women)",
    },
    {
      test: "knee-extension" as const,
      sex: "female" as const,
      value: 2.5,
      band: "within",
      text: "2.08–2.74 Nm/kg (women)",
    },
    {
      test: "knee-flexion" as const,
      sex: "male" as const,
      value: 1.0,
      band: "below",
      text: "1.15–1.62 Nm/kg (men)",
    },
    {
      test: "knee-extension" as const,
      sex: "other" as const,
      value: 3.2,
      band: "within",
      text: "2.08–3.45 Nm/kg (women and men together)",
    },
  ])("$test $value Nm/kg ($sex) is $band", ({ test, sex, value, band, text }) => {
    const outcome = knee(test, value, sex);
    if (!outcome || !("reference" in outcome)) throw new Error("expected a comparison");
    expect(outcome.reference.band).toBe(band);
    expect(outcome.reference.expectedText).toBe(text);
    expect(outcome.reference.z).toBeUndefined();
    expect(outcome.reference.source).toBe("knee-strength-meta");
  });

  it("says there is no female knee flexion range", () => {
    expect(knee("knee-flexion", 1.2, "female")).toEqual({
      missing:
        "The knee strength meta-analysis gives no knee flexion range for women, so there is nothing to compare with.",
    });
    expect(knee("knee-flexion", 1.2)).toEqual({
      missing:
        "The knee strength meta-analysis gives a knee flexion range for men only, and sex is not recorded as male.",
    });
  });

  it("has no reference for the other hip tests", () => {
    expect(compareWithReference(query({ test: "hip-extension" }))).toBeUndefined();
    expect(compareWithReference(query({ test: "hip-external-rotation" }))).toBeUndefined();
  });
});
