import { describe, expect, it } from "vitest";
import { type OttawaStatus, ottawaKneeRule } from "./ottawa-knee.js";
import type { RecentTrauma, Trauma } from "./trauma.schema.js";

/** An injury 2 days ago with every Ottawa answer reassuring; override to test one criterion. */
const injury = (overrides: Partial<RecentTrauma> = {}): RecentTrauma => ({
  recent: true,
  daysAgo: 2,
  isolatedKneecapTenderness: false,
  fibularHeadTenderness: false,
  canBendTo90Degrees: true,
  couldWalkFourStepsImmediately: true,
  canWalkFourStepsNow: true,
  ...overrides,
});

describe("ottawaKneeRule", () => {
  it.each<[string, number, Trauma | undefined, OttawaStatus, string[]]>([
    ["no injury answer", 60, undefined, "not-applicable", []],
    ["no recent injury", 60, { recent: false }, "not-applicable", []],
    ["injury 8 days ago", 60, injury({ daysAgo: 8 }), "not-applicable", []],
    ["all criteria absent", 54, injury(), "xray-not-needed", []],
    ["injury today, all absent", 30, injury({ daysAgo: 0 }), "xray-not-needed", []],
    ["injury 7 days ago, aged 55", 55, injury({ daysAgo: 7 }), "xray-advised", ["age-55-or-over"]],
    [
      "isolated kneecap tenderness",
      30,
      injury({ isolatedKneecapTenderness: true }),
      "xray-advised",
      ["isolated-kneecap-tenderness"],
    ],
    [
      "fibular head tenderness",
      30,
      injury({ fibularHeadTenderness: true }),
      "xray-advised",
      ["fibular-head-tenderness"],
    ],
    [
      "cannot bend to 90°",
      30,
      injury({ canBendTo90Degrees: false }),
      "xray-advised",
      ["cannot-bend-to-90"],
    ],
    [
      "no four steps, then or now",
      30,
      injury({ couldWalkFourStepsImmediately: false, canWalkFourStepsNow: false }),
      "xray-advised",
      ["cannot-walk-four-steps"],
    ],
    [
      "no four steps at first, but now",
      30,
      injury({ couldWalkFourStepsImmediately: false, canWalkFourStepsNow: true }),
      "xray-not-needed",
      [],
    ],
    [
      "four steps at first, not now",
      30,
      injury({ couldWalkFourStepsImmediately: true, canWalkFourStepsNow: false }),
      "xray-not-needed",
      [],
    ],
    [
      "age and fibular head together",
      70,
      injury({ fibularHeadTenderness: true }),
      "xray-advised",
      ["age-55-or-over", "fibular-head-tenderness"],
    ],
  ])("%s (age %i) → %s", (_case, age, trauma, status, met) => {
    const result = ottawaKneeRule({ age, trauma });
    expect(result.status).toBe(status);
    expect(result.criteria.filter((c) => c.met === true).map((c) => c.id)).toEqual(met);
  });

  it("is incomplete while a criterion is unanswered and none is present", () => {
    const result = ottawaKneeRule({
      age: 30,
      trauma: { recent: true, daysAgo: 1, canBendTo90Degrees: true },
    });
    expect(result.status).toBe("incomplete");
    expect(result.criteria.filter((c) => c.met === null).map((c) => c.id)).toEqual([
      "isolated-kneecap-tenderness",
      "fibular-head-tenderness",
      "cannot-walk-four-steps",
    ]);
  });

  it("advises an X-ray on one present criterion even with others unanswered", () => {
    const result = ottawaKneeRule({
      age: 30,
      trauma: { recent: true, daysAgo: 1, canBendTo90Degrees: false },
    });
    expect(result.status).toBe("xray-advised");
  });

  it("treats one unanswered walking question as unknown unless the other rules it out", () => {
    const unknown = ottawaKneeRule({
      age: 30,
      trauma: injury({ couldWalkFourStepsImmediately: undefined, canWalkFourStepsNow: false }),
    });
    expect(unknown.criteria.find((c) => c.id === "cannot-walk-four-steps")?.met).toBeNull();
    const ruledOut = ottawaKneeRule({
      age: 30,
      trauma: injury({ couldWalkFourStepsImmediately: undefined, canWalkFourStepsNow: true }),
    });
    expect(ruledOut.criteria.find((c) => c.id === "cannot-walk-four-steps")?.met).toBe(false);
  });
});
