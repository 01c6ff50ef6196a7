import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  answersFor,
  answersInOrder,
  bestAnswers,
  response,
  scoresWorstToBest,
  worstAnswers,
} from "./questionnaire.test-factory.js";
import type { Answers, InstrumentId } from "./questionnaire.types.js";
import { INSTRUMENT_IDS } from "./questionnaire.types.js";
import { INSTRUMENTS } from "./registry.js";
import { scoreQuestionnaire } from "./score.js";

const score = (id: InstrumentId, answers: Answers) =>
  scoreQuestionnaire(response(id, "2026-11-20", answers));

describe("scoreQuestionnaire: known answer sets", () => {
  it.each([
    ["akps", "best", 100],
    ["akps", "worst", 0],
    ["lefs", "best", 80],
    ["lefs", "worst", 0],
    ["nprs", "best", 0],
    ["nprs", "worst", 10],
    ["koos-pf", "best", 100],
    ["koos-pf", "worst", 0],
  ] as const)("%s, every item at its %s option → %d", (id, which, expected) => {
    const result = score(id, which === "best" ? bestAnswers(id) : worstAnswers(id));
    expect(result).toMatchObject({
      valid: true,
      score: expected,
      answered: result.total,
      missing: [],
    });
  });

  it.each([
    {
      case: "AKPS, mixed answers (hand sum 3+5+3+5+3+6+7+8+6+8+10+3+5)",
      id: "akps",
      values: [3, 5, 3, 5, 3, 6, 7, 8, 6, 8, 10, 3, 5],
      expected: 72,
    },
    {
      case: "AKPS, limp constant and unable to run (0+5+5+10+5+0+10+10+10+10+10+5+5)",
      id: "akps",
      values: [0, 5, 5, 10, 5, 0, 10, 10, 10, 10, 10, 5, 5],
      expected: 85,
    },
    {
      case: "LEFS, a published case before a class (total 50)",
      id: "lefs",
      values: [1, 2, 4, 4, 4, 1, 2, 3, 1, 4, 4, 1, 4, 3, 3, 3, 0, 3, 1, 2],
      expected: 50,
    },
    {
      case: "LEFS, the same case after the class (total 58)",
      id: "lefs",
      values: [3, 3, 4, 4, 4, 4, 1, 4, 1, 4, 4, 3, 4, 3, 4, 1, 0, 0, 4, 3],
      expected: 58,
    },
    {
      case: "KOOS-PF, sum 15 over 11 items: 100 − 15/11 × 25 = 65.909… → 65.9",
      id: "koos-pf",
      values: [1, 2, 0, 1, 3, 2, 1, 0, 2, 1, 2],
      expected: 65.9,
    },
    {
      case: "KOOS-PF, every item 2 (moderate): 100 − 2 × 25",
      id: "koos-pf",
      values: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2],
      expected: 50,
    },
    { case: "NPRS 6", id: "nprs", values: [6], expected: 6 },
  ] as const)("$case", ({ id, values, expected }) => {
    expect(score(id, answersInOrder(id, values))).toMatchObject({ valid: true, score: expected });
  });
});

describe("scoreQuestionnaire: missing items", () => {
  it("AKPS with one blank item is not scored, and says which", () => {
    const answers = { ...bestAnswers("akps"), "9": null };
    expect(score("akps", answers)).toEqual(
      expect.objectContaining({
        valid: false,
        score: null,
        answered: 12,
        total: 13,
        missing: ["9"],
        note: "not scored: 1 of 13 items blank (item 9); the AKPS needs all 13 answered",
      }),
    );
  });

  it("AKPS with two items left out of the answers altogether", () => {
    const { "4": _four, "9": _nine, ...rest } = bestAnswers("akps");
    expect(score("akps", rest)).toMatchObject({
      valid: false,
      missing: ["4", "9"],
      note: "not scored: 2 of 13 items blank (items 4 and 9); the AKPS needs all 13 answered",
    });
  });

  it.each([
    {
      case: "4 blank, 16 answered at 3: 48 ÷ 16 × 20 = 60",
      values: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, null, null, null, null],
      expected: 60,
      note: "prorated from 16 of 20 answered items (48 ÷ 16 × 20); blank: items 17, 18, 19 and 20",
    },
    {
      case: "2 blank, 18 answered summing 37: 37 ÷ 18 × 20 = 41.11… → 41.1",
      values: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, null, null],
      expected: 41.1,
      note: "prorated from 18 of 20 answered items (37 ÷ 18 × 20); blank: items 19 and 20",
    },
  ])("LEFS prorates with up to 4 blank: $case", ({ values, expected, note }) => {
    expect(score("lefs", answersInOrder("lefs", values))).toMatchObject({
      valid: true,
      score: expected,
      note,
    });
  });

  it("LEFS with 5 blank items is not scored", () => {
    const values = [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, null, null, null, null, null];
    expect(score("lefs", answersInOrder("lefs", values))).toMatchObject({
      valid: false,
      score: null,
      answered: 15,
      note: "not scored: 5 of 20 items blank (items 16, 17, 18, 19 and 20); the LEFS is prorated only with up to 4 blank",
    });
  });

  it("KOOS-PF with exactly 6 of 11 answered is scored from those 6", () => {
    const values = [2, 2, 2, 1, 1, 1, null, null, null, null, null];
    expect(score("koos-pf", answersInOrder("koos-pf", values))).toMatchObject({
      valid: true,
      score: 62.5, // 100 − (9 ÷ 6) × 25
      note: "scored from 6 of 11 answered items; blank: items PF7, PF8, PF9, PF10 and PF11",
    });
  });

  it("KOOS-PF with only 5 of 11 answered is not scored", () => {
    const values = [0, 0, 0, 0, 0, null, null, null, null, null, null];
    expect(score("koos-pf", answersInOrder("koos-pf", values))).toMatchObject({
      valid: false,
      score: null,
      note: "not scored: only 5 of 11 items answered; the KOOS-PF needs at least 6",
    });
  });

  it("NPRS without a rating is not scored", () => {
    expect(score("nprs", { pain: null })).toMatchObject({
      valid: false,
      note: "not scored: no NPRS rating given",
    });
    expect(score("nprs", {})).toMatchObject({ valid: false, missing: ["pain"] });
  });
});

describe("scoreQuestionnaire: answers that bypassed the schema", () => {
  it("refuses an option score the pinned version does not have, rather than guessing", () => {
    const answers = { ...bestAnswers("akps"), "3": 4 };
    expect(score("akps", answers)).toMatchObject({
      valid: false,
      score: null,
      note: "not scored: AKPS item 3 takes 0, 2, 3 or 5 — got 4",
    });
  });

  it("refuses answers from a variant AKPS form (limp constant = 2, partial weight bearing squat = 1)", () => {
    const answers = { ...bestAnswers("akps"), "1": 2, "5": 1 };
    expect(score("akps", answers)).toMatchObject({
      valid: false,
      note: "not scored: AKPS item 1 takes 0, 3 or 5 — got 2; AKPS item 5 takes 0, 2, 3, 4 or 5 — got 1",
    });
  });
});

/** Any answer set for an instrument, each item answered or (sometimes) blank. */
const arbitraryAnswers = (id: InstrumentId, blankAllowed: boolean) =>
  fc.tuple(
    ...INSTRUMENTS[id].items.map((item) => {
      const option = fc.constantFrom(...item.options.map((o) => o.score));
      return blankAllowed ? fc.option(option, { nil: null, freq: 5 }) : option;
    }),
  );

describe("scoreQuestionnaire: properties", () => {
  it.each(INSTRUMENT_IDS)("%s: a valid score always lies within the instrument's range", (id) => {
    fc.assert(
      fc.property(arbitraryAnswers(id, true), (values) => {
        const result = score(id, answersInOrder(id, values));
        if (!result.valid) return;
        const [min, max] = INSTRUMENTS[id].range;
        expect(result.score).toBeGreaterThanOrEqual(min);
        expect(result.score).toBeLessThanOrEqual(max);
      }),
    );
  });

  it.each(INSTRUMENT_IDS)(
    "%s: a better answer to any one item never makes the score worse",
    (id) => {
      const instrument = INSTRUMENTS[id];
      fc.assert(
        fc.property(
          arbitraryAnswers(id, false),
          fc.nat({ max: instrument.items.length - 1 }),
          (values, itemIndex) => {
            const item = instrument.items[itemIndex];
            if (item === undefined) return;
            const ladder = scoresWorstToBest(instrument, item);
            const current = values[itemIndex];
            if (current === undefined || current === null) return;
            const better = ladder[ladder.indexOf(current) + 1];
            if (better === undefined) return; // already the best option
            const improved = [...values];
            improved[itemIndex] = better;
            const before = score(id, answersInOrder(id, values));
            const after = score(id, answersInOrder(id, improved));
            if (!before.valid || !after.valid) throw new Error("complete answers must score");
            const gain = instrument.higherIsBetter
              ? after.score - before.score
              : before.score - after.score;
            expect(gain).toBeGreaterThan(0);
          },
        ),
      );
    },
  );

  it("LEFS proration never moves a complete form's score: answering a blank item with the mean changes nothing", () => {
    // 19 answered items all at 2, one blank → 2 × 20 = 40, the same as answering it with 2.
    const values = [...Array.from({ length: 19 }, () => 2), null];
    expect(score("lefs", answersInOrder("lefs", values))).toMatchObject({ score: 40 });
    expect(
      score(
        "lefs",
        answersFor("lefs", () => 2),
      ),
    ).toMatchObject({ score: 40 });
  });
});
