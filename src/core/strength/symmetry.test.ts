import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AsymmetryFormula } from "../settings.js";
import type { Laterality, Side } from "../side.js";
import {
  ASYMMETRY_FORMULA_TEXT,
  asymmetryPercent,
  chooseInvolvedSide,
  limbSymmetryIndex,
  weakerSideOf,
} from "./symmetry.js";

const positive = fc.double({ min: 1, max: 3000, noNaN: true });

describe("limbSymmetryIndex", () => {
  it("is 80 % when the involved side reaches 160 N against 200 N", () => {
    expect(limbSymmetryIndex(160, 200)).toBe(80);
  });

  it("is 100 for equal sides", () => {
    fc.assert(
      fc.property(positive, (a) => {
        expect(limbSymmetryIndex(a, a)).toBe(100);
      }),
    );
  });

  it("swapping the sides inverts it: LSI(a, b) × LSI(b, a) = 10,000", () => {
    fc.assert(
      fc.property(positive, positive, (a, b) => {
        expect(limbSymmetryIndex(a, b) * limbSymmetryIndex(b, a)).toBeCloseTo(10_000, 6);
      }),
    );
  });
});

describe("asymmetryPercent", () => {
  it.each<{ formula: AsymmetryFormula; involved?: Side; percent: number }>([
    { formula: "lsi-deficit", involved: "right", percent: 20 },
    { formula: "lsi-deficit", involved: "left", percent: -25 },
    { formula: "lsi-deficit", percent: 0 },
    { formula: "difference-over-max", involved: "right", percent: -20 },
    { formula: "difference-over-mean", involved: "right", percent: 22.2222 },
  ])(
    "$formula with left 100, right 80, involved $involved → $percent %",
    ({ formula, involved, percent }) => {
      const pair = { left: 100, right: 80, ...(involved ? { involved } : {}) };
      expect(asymmetryPercent(formula, pair)).toBeCloseTo(percent, 4);
    },
  );

  it("signs difference-over-max positive when the right is stronger", () => {
    expect(asymmetryPercent("difference-over-max", { left: 80, right: 100 })).toBeCloseTo(20, 10);
  });

  it("writes every formula out", () => {
    expect(ASYMMETRY_FORMULA_TEXT["lsi-deficit"]).toContain("100 − involved ÷ uninvolved × 100");
    expect(ASYMMETRY_FORMULA_TEXT["difference-over-max"]).toContain("(right − left)");
    expect(ASYMMETRY_FORMULA_TEXT["difference-over-mean"]).toContain("|left − right|");
  });
});

describe("chooseInvolvedSide", () => {
  it.each<{
    pain: Laterality | undefined;
    left: number;
    right: number;
    side: Side | undefined;
    reason: string;
  }>([
    {
      pain: "left",
      left: 100,
      right: 80,
      side: "left",
      reason: "The left knee hurts, so the left side is involved.",
    },
    {
      pain: "right",
      left: 80,
      right: 100,
      side: "right",
      reason: "The right knee hurts, so the right side is involved.",
    },
    {
      pain: "both",
      left: 100,
      right: 80,
      side: "right",
      reason: "Both knees hurt, so the weaker side in this test (right) is involved.",
    },
    {
      pain: undefined,
      left: 80,
      right: 100,
      side: "left",
      reason: "No knee pain recorded, so the weaker side in this test (left) is involved.",
    },
    {
      pain: "both",
      left: 90,
      right: 90,
      side: undefined,
      reason: "Both knees hurt and both sides read the same, so neither side is taken as involved.",
    },
  ])("pain $pain, left $left, right $right → $side", ({ pain, left, right, side, reason }) => {
    const choice = chooseInvolvedSide({ left, right }, pain);
    expect(choice.side).toBe(side);
    expect(choice.reason).toBe(reason);
  });

  it("names the weaker side, or none when equal", () => {
    expect(weakerSideOf({ left: 1, right: 2 })).toBe("left");
    expect(weakerSideOf({ left: 2, right: 1 })).toBe("right");
    expect(weakerSideOf({ left: 2, right: 2 })).toBeUndefined();
  });
});
