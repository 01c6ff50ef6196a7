import { describe, expect, it } from "vitest";
import { RULES_VERSION } from "../../rules-version.js";
import { answersInOrder, bestAnswers, response } from "./questionnaire.test-factory.js";
import { scoreAll, summariseQuestionnaires } from "./score-all.js";

// AKPS answer sets with hand-computed totals.
const AKPS_58 = answersInOrder("akps", [3, 3, 3, 5, 3, 3, 2, 6, 6, 8, 10, 3, 3]); // 58
const AKPS_72 = answersInOrder("akps", [3, 5, 3, 5, 3, 6, 7, 8, 6, 8, 10, 3, 5]); // 72
const AKPS_INCOMPLETE = { ...bestAnswers("akps"), "9": null };

describe("scoreAll", () => {
  it("sorts each instrument's responses by date and compares first→latest and previous→latest", () => {
    const summary = scoreAll([
      response("akps", "2027-01-15", bestAnswers("akps")), // 100
      response("akps", "2026-11-20", AKPS_58),
      response("akps", "2026-12-18", AKPS_72),
    ]);
    expect(summary.rulesVersion).toBe(RULES_VERSION);
    expect(summary.switchedOff).toEqual([]);
    const [akps] = summary.instruments;
    expect(akps?.scores.map((s) => [s.date, s.score])).toEqual([
      ["2026-11-20", 58],
      ["2026-12-18", 72],
      ["2027-01-15", 100],
    ]);
    expect(akps?.latest).toMatchObject({ date: "2027-01-15", score: 100 });
    expect(akps?.fromFirst).toMatchObject({ change: 42, judgement: "improved" });
    expect(akps?.fromFirst?.statement).toBe(
      "AKPS 58 → 100 (+42 points) from 2026-11-20 to 2027-01-15: improved, by at least the minimal important change of 10 points (patellofemoral pain).",
    );
    expect(akps?.fromPrevious).toMatchObject({
      from: { date: "2026-12-18", score: 72 },
      to: { date: "2027-01-15", score: 100 },
      change: 28,
    });
  });

  it("keeps an unscorable response in the list but leaves it out of the comparisons", () => {
    const summary = scoreAll([
      response("akps", "2026-11-20", AKPS_58),
      response("akps", "2026-12-18", AKPS_72),
      response("akps", "2027-01-15", AKPS_INCOMPLETE),
    ]);
    const [akps] = summary.instruments;
    expect(akps?.scores.map((s) => s.valid)).toEqual([true, true, false]);
    expect(akps?.latest).toMatchObject({ date: "2026-12-18", score: 72 });
    expect(akps?.fromPrevious).toMatchObject({ change: 14, judgement: "improved" });
  });

  it("gives no comparison with a single scored response", () => {
    const summary = scoreAll([response("nprs", "2026-11-20", { pain: 6 })]);
    expect(summary.instruments).toEqual([
      expect.objectContaining({
        instrument: "nprs",
        latest: expect.objectContaining({ score: 6 }),
        fromFirst: null,
        fromPrevious: null,
      }),
    ]);
  });

  it("reports each instrument on its own, in a fixed order", () => {
    const summary = scoreAll([
      response("nprs", "2026-11-20", { pain: 6 }),
      response("lefs", "2026-11-20", answersInOrder("lefs", Array(20).fill(2))),
      response("nprs", "2026-12-18", { pain: 3 }),
      response("akps", "2026-11-20", AKPS_58),
    ]);
    expect(summary.instruments.map((i) => i.instrument)).toEqual(["akps", "lefs", "nprs"]);
    const nprs = summary.instruments.find((i) => i.instrument === "nprs");
    expect(nprs?.fromFirst).toMatchObject({ change: -3, improvement: 3, judgement: "improved" });
  });

  it("leaves out instruments the clinic has switched off, and says so", () => {
    const summary = scoreAll(
      [
        response("koos-pf", "2026-11-20", bestAnswers("koos-pf")),
        response("akps", "2026-11-20", AKPS_58),
      ],
      { enabled: ["akps", "lefs", "nprs"] },
    );
    expect(summary.instruments.map((i) => i.instrument)).toEqual(["akps"]);
    expect(summary.switchedOff).toEqual(["koos-pf"]);
  });

  it("returns an empty summary for no responses", () => {
    expect(scoreAll([])).toEqual({ rulesVersion: RULES_VERSION, instruments: [], switchedOff: [] });
  });
});

describe("summariseQuestionnaires", () => {
  it("is scoreAll's per-instrument list", () => {
    const responses = [
      response("nprs", "2026-11-20", { pain: 6 }),
      response("nprs", "2026-12-18", { pain: 4 }),
    ];
    expect(summariseQuestionnaires(responses)).toEqual(scoreAll(responses).instruments);
    expect(summariseQuestionnaires(responses)[0]?.fromFirst?.judgement).toBe("improved");
  });
});
