import { describe, expect, it } from "vitest";
import { SOURCES } from "../../sources.js";
import { describeOptions, itemLabel } from "./answers.js";
import { INSTRUMENT_IDS } from "./questionnaire.types.js";
import { INSTRUMENTS, isInstrumentId } from "./registry.js";

describe("instrument definitions", () => {
  it.each([
    // id, items, range, higher is better, MCID, MCID source, instrument source
    ["akps", 13, [0, 100], true, 10, "crossley-2004", "kujala-1993"],
    ["lefs", 20, [0, 80], true, 9, "binkley-1999", "binkley-1999"],
    ["nprs", 1, [0, 10], false, 1.2, "piva-2009", "piva-2009"],
    ["koos-pf", 11, [0, 100], true, 16.4, "crossley-2018", "crossley-2018"],
  ] as const)(
    "%s: %d items, range %j, higher is better %s, MCID %d (%s)",
    (id, items, range, higher, mcid, mcidSource, source) => {
      const instrument = INSTRUMENTS[id];
      expect(instrument.id).toBe(id);
      expect(instrument.items).toHaveLength(items);
      expect(instrument.range).toEqual(range);
      expect(instrument.higherIsBetter).toBe(higher);
      expect(instrument.mcid).toMatchObject({ points: mcid, source: mcidSource });
      expect(instrument.source).toBe(source);
    },
  );

  it.each(INSTRUMENT_IDS)(
    "%s: item ids and each item's option scores are unique, sources exist",
    (id) => {
      const instrument = INSTRUMENTS[id];
      const ids = instrument.items.map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const item of instrument.items) {
        const scores = item.options.map((option) => option.score);
        expect(new Set(scores).size).toBe(scores.length);
        expect(item.text.length).toBeGreaterThan(0);
      }
      expect(SOURCES[instrument.source]).toBeDefined();
      expect(SOURCES[instrument.mcid.source]).toBeDefined();
      expect(instrument.licence.length).toBeGreaterThan(0);
      expect(instrument.missingRule.length).toBeGreaterThan(0);
    },
  );

  it("AKPS: the best options add up to 100 and the worst to 0, as in Kujala's original scoring", () => {
    const items = INSTRUMENTS.akps.items;
    const best = items.reduce(
      (sum, item) => sum + Math.max(...item.options.map((o) => o.score)),
      0,
    );
    const worst = items.reduce(
      (sum, item) => sum + Math.min(...item.options.map((o) => o.score)),
      0,
    );
    expect([best, worst]).toEqual([100, 0]);
  });

  it("AKPS: the pinned version's disputed options", () => {
    const [limp, , , , squat, , jump] = INSTRUMENTS.akps.items;
    expect(limp?.options.find((o) => o.label === "Constant")?.score).toBe(0);
    expect(
      squat?.options.find((o) => o.label === "Possible with partial weight bearing")?.score,
    ).toBe(2);
    expect(jump?.options.map((o) => [o.score, o.label])).toEqual([
      [10, "No difficulty"],
      [7, "Slight difficulty"],
      [2, "Constant pain"],
      [0, "Unable"],
    ]);
  });

  it("LEFS: items keep the published wording, and every printed form carries the reprint notice", () => {
    expect(INSTRUMENTS.lefs.items[12]?.text).toBe(
      "Going up or down 10 stairs (about 1 flight of stairs).",
    );
    expect(INSTRUMENTS.lefs.items[0]?.options.map((o) => o.label)).toEqual([
      "Extreme difficulty or unable to perform activity",
      "Quite a bit of difficulty",
      "Moderate difficulty",
      "A little bit of difficulty",
      "No difficulty",
    ]);
    expect(INSTRUMENTS.lefs.licence).toContain(
      "with permission of the American Physical Therapy Association",
    );
  });

  it("KOOS-PF: the item wording is marked as the clinic's to supply", () => {
    expect(INSTRUMENTS["koos-pf"].wordingBundled).toBe(false);
    expect(INSTRUMENTS["koos-pf"].items.map((item) => item.id)).toEqual([
      "PF1",
      "PF2",
      "PF3",
      "PF4",
      "PF5",
      "PF6",
      "PF7",
      "PF8",
      "PF9",
      "PF10",
      "PF11",
    ]);
    expect(INSTRUMENTS["koos-pf"].licence).toContain("free for non-commercial use");
  });

  it("NPRS carries Farrar's general mark beside the knee-specific MCID", () => {
    expect(INSTRUMENTS.nprs.generalReduction).toEqual({
      points: 2,
      percent: 30,
      source: "farrar-2001",
      population: "chronic pain",
    });
  });
});

describe("answer wording helpers", () => {
  it.each([
    ["akps", 0, "0, 3 or 5"],
    ["akps", 4, "0, 2, 3, 4 or 5"],
    ["lefs", 0, "0, 1, 2, 3 or 4"],
    ["nprs", 0, "a whole number from 0 to 10"],
  ] as const)("%s item %d takes %s", (id, index, words) => {
    const item = INSTRUMENTS[id].items[index];
    if (item === undefined) throw new Error("no such item");
    expect(describeOptions(item)).toBe(words);
  });

  it("labels items by number, and a single-item scale by its rating", () => {
    expect(itemLabel(INSTRUMENTS.akps, { id: "3" })).toBe("AKPS item 3");
    expect(itemLabel(INSTRUMENTS.nprs, { id: "pain" })).toBe("NPRS pain rating");
  });

  it("recognises instrument ids", () => {
    expect(INSTRUMENT_IDS.every(isInstrumentId)).toBe(true);
    expect(isInstrumentId("kujala")).toBe(false);
    expect(isInstrumentId(3)).toBe(false);
  });
});
