import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { as, type Newtons } from "../units.js";
import { coefficientOfVariation, summariseTrials } from "./trials.js";

const newtons = (values: number[]) => values.map((v) => as<Newtons>(v));

describe("summariseTrials", () => {
  it("keeps the best trial and the mean", () => {
    const summary = summariseTrials(newtons([182, 190, 186]), 10);
    expect(summary.bestN).toBe(190);
    expect(summary.meanN).toBe(186);
    expect(summary.cvPercent).toBeCloseTo(2.1505, 4);
    expect(summary.inconsistent).toBe(false);
  });

  it.each([
    { trials: [200], limit: 10, cv: undefined, inconsistent: false },
    { trials: [200, 200], limit: 10, cv: 0, inconsistent: false },
    { trials: [180, 220], limit: 10, cv: 14.1421, inconsistent: true },
    { trials: [180, 220], limit: 15, cv: 14.1421, inconsistent: false },
    { trials: [150, 200, 250], limit: 10, cv: 25, inconsistent: true },
  ])(
    "trials $trials with a $limit % limit: CV $cv %, inconsistent $inconsistent",
    ({ trials, limit, cv, inconsistent }) => {
      const summary = summariseTrials(newtons(trials), limit);
      if (cv === undefined) expect(summary.cvPercent).toBeUndefined();
      else expect(summary.cvPercent).toBeCloseTo(cv, 4);
      expect(summary.inconsistent).toBe(inconsistent);
    },
  );

  it("refuses an empty list", () => {
    expect(() => summariseTrials([], 10)).toThrow("at least one trial");
  });
});

describe("coefficientOfVariation", () => {
  it("is never negative and is 0 for identical trials", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 2000, noNaN: true }), { minLength: 2, maxLength: 6 }),
        (trials) => {
          expect(coefficientOfVariation(trials)).toBeGreaterThanOrEqual(0);
          const first = trials[0] ?? 1;
          expect(coefficientOfVariation(trials.map(() => first))).toBeCloseTo(0, 9);
        },
      ),
    );
  });
});
