import { describe, expect, it } from "vitest";
import { checkEntryCriteria } from "./entry-criteria.js";
import { DEFAULT_ENTRY_CRITERIA } from "./run-settings.js";

const allMet = { painFreeBriskWalkMin: 30, painFreeSingleLegSquats: 10, painFreeHopSec: 60 };

describe("checkEntryCriteria (clinic-return-criteria)", () => {
  it("is met when all three tests are done without pain", () => {
    const check = checkEntryCriteria(allMet, DEFAULT_ENTRY_CRITERIA);
    expect(check.met).toBe(true);
    expect(check.source).toBe("clinic-return-criteria");
    expect(check.reasons).toEqual([
      "Brisk walk: 30 min without pain or limp; 30 min needed.",
      "Single-leg squats: 10 squats without pain; 10 squats needed.",
      "Single-leg hopping: 60 s without pain; 60 s needed.",
    ]);
  });

  it.each([
    {
      change: { painFreeBriskWalkMin: 29 },
      reason: "Brisk walk: 29 min without pain or limp; 30 min needed.",
    },
    {
      change: { painFreeSingleLegSquats: 9 },
      reason: "Single-leg squats: 9 squats without pain; 10 squats needed.",
    },
    {
      change: { painFreeHopSec: 45 },
      reason: "Single-leg hopping: 45 s without pain; 60 s needed.",
    },
    {
      change: { painFreeHopSec: undefined },
      reason: "Single-leg hopping: not tried yet; 60 s needed.",
    },
  ])("not met with $change, and says why", ({ change, reason }) => {
    const check = checkEntryCriteria({ ...allMet, ...change }, DEFAULT_ENTRY_CRITERIA);
    expect(check.met).toBe(false);
    expect(check.reasons).toEqual([reason]);
  });

  it("uses the clinic's own criteria", () => {
    const stricter = { ...DEFAULT_ENTRY_CRITERIA, briskWalkMin: 45 };
    expect(checkEntryCriteria(allMet, stricter).reasons).toEqual([
      "Brisk walk: 30 min without pain or limp; 45 min needed.",
    ]);
  });
});
