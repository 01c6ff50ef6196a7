import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../errors.js";
import { compareScores } from "./compare.js";
import { bestAnswers, response, validScore } from "./questionnaire.test-factory.js";
import { INSTRUMENT_IDS } from "./questionnaire.types.js";
import { INSTRUMENTS } from "./registry.js";
import { scoreQuestionnaire } from "./score.js";

const FIRST = "2026-11-20";
const LATER = "2026-12-18";

describe("compareScores: judgement at the minimal important change", () => {
  it.each([
    // instrument, from, to, change, improvement, judgement
    ["akps", 60, 70, 10, 10, "improved"],
    ["akps", 60, 69, 9, 9, "no meaningful change"],
    ["akps", 70, 60, -10, -10, "worse"],
    ["akps", 70, 61, -9, -9, "no meaningful change"],
    ["lefs", 50, 59, 9, 9, "improved"],
    ["lefs", 50, 58, 8, 8, "no meaningful change"],
    ["lefs", 59, 50, -9, -9, "worse"],
    ["koos-pf", 50, 66.4, 16.4, 16.4, "improved"],
    ["koos-pf", 47.7, 64.1, 16.4, 16.4, "improved"], // 64.1 − 47.7 is 16.39999999999999 in floating point
    ["koos-pf", 60.1, 76.4, 16.3, 16.3, "no meaningful change"],
    ["koos-pf", 76.5, 60.1, -16.4, -16.4, "worse"],
    ["nprs", 6, 4, -2, 2, "improved"],
    ["nprs", 6, 5, -1, 1, "no meaningful change"],
    ["nprs", 4, 6, 2, -2, "worse"],
    ["nprs", 5, 5, 0, 0, "no meaningful change"],
  ] as const)(
    "%s %d → %d: change %d, improvement %d, %s",
    (id, from, to, change, improvement, judgement) => {
      const result = compareScores(validScore(id, FIRST, from), validScore(id, LATER, to));
      expect(result).toMatchObject({ change, improvement, judgement, mcid: INSTRUMENTS[id].mcid });
    },
  );

  it("a pain fall is a negative change but a positive improvement", () => {
    const result = compareScores(validScore("nprs", FIRST, 7), validScore("nprs", LATER, 3));
    expect(result.change).toBe(-4);
    expect(result.improvement).toBe(4);
  });
});

describe("compareScores: statements", () => {
  it.each([
    {
      id: "akps",
      from: 58,
      to: 70,
      statement:
        "AKPS 58 → 70 (+12 points) from 2026-11-20 to 2026-12-18: improved, by at least the minimal important change of 10 points (patellofemoral pain).",
    },
    {
      id: "lefs",
      from: 50,
      to: 58,
      statement:
        "LEFS 50 → 58 (+8 points) from 2026-11-20 to 2026-12-18: no meaningful change, less than the minimal important change of 9 points (lower-extremity musculoskeletal conditions).",
    },
    {
      id: "koos-pf",
      from: 65.9,
      to: 47.7,
      statement:
        "KOOS-PF 65.9 → 47.7 (−18.2 points) from 2026-11-20 to 2026-12-18: worse, by at least the minimal important change of 16.4 points (patellofemoral pain and osteoarthritis).",
    },
    {
      id: "nprs",
      from: 6,
      to: 3,
      statement:
        "NPRS 6 → 3 (−3 points, −50 %) from 2026-11-20 to 2026-12-18: improved, by at least the minimal important change of 1.2 points (patellofemoral pain); it also meets the general mark for an important reduction (2 points or 30 %, chronic pain).",
    },
    {
      id: "nprs",
      from: 3,
      to: 2,
      statement:
        "NPRS 3 → 2 (−1 point, −33.3 %) from 2026-11-20 to 2026-12-18: no meaningful change, less than the minimal important change of 1.2 points (patellofemoral pain); the general mark for an important reduction (2 points or 30 %, chronic pain) would count it as important.",
    },
    {
      id: "nprs",
      from: 7,
      to: 6,
      statement:
        "NPRS 7 → 6 (−1 point, −14.3 %) from 2026-11-20 to 2026-12-18: no meaningful change, less than the minimal important change of 1.2 points (patellofemoral pain); nor does it meet the general mark for an important reduction (2 points or 30 %, chronic pain).",
    },
    {
      id: "nprs",
      from: 4,
      to: 6,
      statement:
        "NPRS 4 → 6 (+2 points, +50 %) from 2026-11-20 to 2026-12-18: worse, by at least the minimal important change of 1.2 points (patellofemoral pain).",
    },
    {
      id: "nprs",
      from: 0,
      to: 0,
      statement:
        "NPRS 0 → 0 (0 points) from 2026-11-20 to 2026-12-18: no meaningful change, less than the minimal important change of 1.2 points (patellofemoral pain).",
    },
  ] as const)("$id $from → $to", ({ id, from, to, statement }) => {
    expect(compareScores(validScore(id, FIRST, from), validScore(id, LATER, to)).statement).toBe(
      statement,
    );
  });

  it("reports the general pain mark as data too", () => {
    const result = compareScores(validScore("nprs", FIRST, 3), validScore("nprs", LATER, 2));
    expect(result.generalReduction).toEqual({
      met: true,
      percentChange: -33.3,
      threshold: { points: 2, percent: 30, source: "farrar-2001", population: "chronic pain" },
    });
    const akps = compareScores(validScore("akps", FIRST, 60), validScore("akps", LATER, 70));
    expect(akps.generalReduction).toBeUndefined();
  });
});

describe("compareScores: refusals", () => {
  it("refuses dates out of order", () => {
    const compare = () =>
      compareScores(validScore("akps", LATER, 60), validScore("akps", FIRST, 70));
    expect(compare).toThrow(DomainError);
    expect(compare).toThrow(
      "The AKPS scores are out of order: the earlier one is dated 2026-12-18, after the later one (2026-11-20).",
    );
  });

  it("accepts two responses on the same day", () => {
    const result = compareScores(validScore("akps", FIRST, 60), validScore("akps", FIRST, 62));
    expect(result.judgement).toBe("no meaningful change");
  });

  it("refuses to compare different instruments", () => {
    expect(() =>
      compareScores(validScore("akps", FIRST, 60), validScore("lefs", LATER, 60)),
    ).toThrow("Cannot compare scores from different questionnaires (AKPS and LEFS).");
  });

  it("refuses a response that could not be scored", () => {
    const blank = scoreQuestionnaire(
      response("akps", LATER, { ...bestAnswers("akps"), "9": null }),
    );
    expect(() => compareScores(validScore("akps", FIRST, 60), blank)).toThrow(
      "Cannot compare the AKPS of 2026-12-18: it has no score (not scored: 1 of 13 items blank (item 9); the AKPS needs all 13 answered).",
    );
  });
});

describe("compareScores: properties", () => {
  it.each(INSTRUMENT_IDS)(
    "%s: swapping the two scores flips the improvement and mirrors the judgement",
    (id) => {
      const [min, max] = INSTRUMENTS[id].range;
      const tenths = fc.integer({ min: min * 10, max: max * 10 }).map((n) => n / 10);
      fc.assert(
        fc.property(tenths, tenths, (a, b) => {
          const forward = compareScores(validScore(id, FIRST, a), validScore(id, FIRST, b));
          const backward = compareScores(validScore(id, FIRST, b), validScore(id, FIRST, a));
          expect(forward.improvement + backward.improvement).toBeCloseTo(0, 9);
          const mirror = {
            improved: "worse",
            worse: "improved",
            "no meaningful change": "no meaningful change",
          };
          expect(backward.judgement).toBe(mirror[forward.judgement]);
        }),
      );
    },
  );
});
