import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../settings.js";
import { checkLoad, checkSingleRunSpike, checkTwoWeekIncrease, percentIncrease } from "./load.js";

const load = DEFAULT_SETTINGS.load; // 30 % over two weeks, 10 % single run, a break of 1 week or more

describe("two-week increase (nielsen-2014)", () => {
  it.each([
    { weeks: [20, 22, 26], percent: "+30 %", triggered: false },
    { weeks: [20, 22, 26.02], percent: "+30.1 %", triggered: true },
    { weeks: [20, 24, 29], percent: "+45 %", triggered: true },
    { weeks: [30, 25, 20], percent: "−33.3 %", triggered: false },
    { weeks: [10, 10, 10, 10, 14, 15], percent: "+50 %", triggered: true },
  ])("$weeks km → $percent, triggered $triggered", ({ weeks, percent, triggered }) => {
    const check = checkTwoWeekIncrease(weeks, load);
    expect(check.value).toBe(percent);
    expect(check.triggered).toBe(triggered);
    expect(check.evaluated).toBe(true);
    expect(check.source).toBe("nielsen-2014");
  });

  it("names the weeks and the distances", () => {
    const check = checkTwoWeekIncrease([20, 24, 29], load);
    expect(check.detail).toBe(
      "Weekly distance rose 45 % over two weeks (20 km → 29 km, 2 weeks before the latest to the latest week), more than 30 %.",
    );
  });

  it("says so in numbers when within the limit", () => {
    expect(checkTwoWeekIncrease([30, 25, 20], load).detail).toBe(
      "The largest two-week change between running weeks was −33.3 % (30 km → 20 km, 2 weeks before the latest to the latest week), within 30 %.",
    );
  });

  it("reports the worst two-week step, not only the latest", () => {
    const check = checkTwoWeekIncrease([10, 10, 16, 16, 17], load);
    expect(check.value).toBe("+60 %");
    expect(check.detail).toContain(
      "10 km → 16 km, 4 weeks before the latest to 2 weeks before the latest",
    );
  });

  it.each([
    { weeks: [], why: "needs at least 3 weeks of weekly distance; 0 given" },
    { weeks: [20, 25], why: "needs at least 3 weeks of weekly distance; 2 given" },
    { weeks: [0, 0, 12], why: "no week with running two weeks before another" },
  ])("not enough data in $weeks: not triggered, says what is missing", ({ weeks, why }) => {
    const check = checkTwoWeekIncrease(weeks, load);
    expect(check).toMatchObject({ evaluated: false, triggered: false, value: "not enough data" });
    expect(check.detail).toContain(why);
  });

  it("scaling every week by the same factor changes nothing (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 150, noNaN: true }), { minLength: 3, maxLength: 8 }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (weeks, factor) => {
          const plain = checkTwoWeekIncrease(weeks, load);
          const scaled = checkTwoWeekIncrease(
            weeks.map((w) => w * factor),
            load,
          );
          expect(scaled.triggered).toBe(plain.triggered);
          expect(scaled.value).toBe(plain.value);
        },
      ),
    );
  });
});

describe("single-run spike (frandsen-2025)", () => {
  it.each([
    { latest: 11, longest: 10, value: "+10 %", triggered: false },
    { latest: 11.01, longest: 10, value: "+10.1 %", triggered: true },
    { latest: 9, longest: 10, value: "−10 %", triggered: false },
    { latest: 16.5, longest: 15, value: "+10 %", triggered: false },
    { latest: 16.6, longest: 15, value: "+10.7 %", triggered: true },
  ])(
    "quick form: $latest km after a longest of $longest km → $value",
    ({ latest, longest, value, triggered }) => {
      const check = checkSingleRunSpike(
        { weeklyDistanceKm: [], latestRunKm: latest, longestRecentRunKm: longest },
        load,
      );
      expect(check).toMatchObject({ evaluated: true, triggered, value, source: "frandsen-2025" });
    },
  );

  it("with dated runs, checks each run against its own 30 days and reports the worst", () => {
    const check = checkSingleRunSpike(
      {
        weeklyDistanceKm: [],
        runs: [
          { date: "2026-09-20", distanceKm: 20 }, // 35 days before 10-25: outside its window
          { date: "2026-10-20", distanceKm: 8 },
          { date: "2026-10-25", distanceKm: 10 }, // +25 % on 8
          { date: "2026-11-01", distanceKm: 11 }, // +10 % on 10
        ],
        latestRunKm: 99, // ignored: dated runs take precedence
        longestRecentRunKm: 1,
      },
      load,
    );
    expect(check.triggered).toBe(true);
    expect(check.value).toBe("+25 %");
    expect(check.detail).toBe(
      "The run on 2026-10-25 was 25 % longer than the longest run of the 30 days before it (10 km against 8 km), more than 10 %.",
    );
  });

  it("a run exactly 30 days after the longest still counts it; 31 days does not", () => {
    const runs = (gap: number) => [
      { date: "2026-10-01", distanceKm: 10 },
      { date: gap === 30 ? "2026-10-31" : "2026-11-01", distanceKm: 12 },
    ];
    expect(checkSingleRunSpike({ weeklyDistanceKm: [], runs: runs(30) }, load).triggered).toBe(
      true,
    );
    expect(checkSingleRunSpike({ weeklyDistanceKm: [], runs: runs(31) }, load).evaluated).toBe(
      false,
    );
  });

  it("without data it is not triggered and says what is missing", () => {
    const check = checkSingleRunSpike({ weeklyDistanceKm: [10, 12], latestRunKm: 5 }, load);
    expect(check).toMatchObject({ evaluated: false, triggered: false });
    expect(check.detail).toBe(
      "The single-run rule needs the latest run and the longest run of the 30 days before it (or dated runs).",
    );
  });

  it("a run exactly at the limit never triggers, a run 0.1 % over always does (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 60, noNaN: true }), (longest) => {
        const at = { weeklyDistanceKm: [], longestRecentRunKm: longest };
        expect(checkSingleRunSpike({ ...at, latestRunKm: longest * 1.1 }, load).triggered).toBe(
          false,
        );
        expect(checkSingleRunSpike({ ...at, latestRunKm: longest * 1.101 }, load).triggered).toBe(
          true,
        );
      }),
    );
  });

  it("percentIncrease absorbs float noise", () => {
    expect(percentIncrease(11, 10)).toBe(10);
    expect(percentIncrease(3.3, 3)).toBe(10);
  });
});

describe("return after a break (seed-003)", () => {
  it.each([
    { pause: { weeks: 4, resumedWeeksAgo: 2 }, triggered: true, evaluated: true },
    { pause: { weeks: 1, resumedWeeksAgo: 2 }, triggered: true, evaluated: true },
    { pause: { weeks: 130, resumedWeeksAgo: 8 }, triggered: true, evaluated: true },
    { pause: { weeks: 130, resumedWeeksAgo: 9 }, triggered: false, evaluated: true },
    { pause: { weeks: 130, resumedWeeksAgo: 0 }, triggered: false, evaluated: true },
    { pause: undefined, triggered: false, evaluated: false },
  ])("$pause → triggered $triggered", ({ pause, triggered, evaluated }) => {
    const [, , check] = checkLoad(
      pause ? { weeklyDistanceKm: [], breakFromRunning: pause } : { weeklyDistanceKm: [] },
      load,
    );
    expect(check).toMatchObject({
      rule: "return-after-break",
      triggered,
      evaluated,
      source: "seed-003",
    });
  });

  it("explains a triggered return in numbers", () => {
    const [, , check] = checkLoad(
      { weeklyDistanceKm: [], breakFromRunning: { weeks: 130, resumedWeeksAgo: 3 } },
      load,
    );
    expect(check?.detail).toBe(
      "Running resumed 3 weeks ago after a 130-week break: the tissues have not yet adapted to running again.",
    );
    expect(check?.value).toBe("break 130 weeks, resumed 3 weeks ago");
  });
});

describe("zero weeks count: a break in the weekly distances (mujika-2000)", () => {
  it.each([
    {
      weeks: [20, 20, 20, 20, 20, 0, 0, 30],
      triggered: true,
      detail:
        "2 weeks without running, then 30 km in the latest week, 50 % more than the 20 km of the week before the break",
    },
    {
      weeks: [20, 20, 20, 0, 20, 20, 20, 20],
      triggered: true,
      detail:
        "1 week without running, then 20 km 4 weeks ago, as much as the week before the break",
    },
    {
      weeks: [20, 20, 0, 10, 12, 14, 15, 16],
      triggered: true,
      detail: "1 week without running, then 10 km 5 weeks ago, 50 % less than the 20 km",
    },
    { weeks: [20, 22, 21, 24, 25, 26, 27, 28], triggered: false, detail: "No break from running" },
    // Zero weeks before the first run are not a break and return: nothing to return from.
    { weeks: [0, 0, 10, 11, 12], triggered: false, detail: "No break from running" },
  ])("$weeks → triggered $triggered", ({ weeks, triggered, detail }) => {
    const [twoWeek, , check] = checkLoad({ weeklyDistanceKm: weeks }, load);
    expect(check).toMatchObject({ rule: "return-after-break", triggered });
    expect(check?.detail).toContain(detail);
    if (weeks.includes(0) && twoWeek?.evaluated)
      expect(twoWeek.detail).toContain(
        "Weeks without running are judged by the return-after-a-break rule.",
      );
  });

  it("a clinic that counts only breaks of 4 weeks says why a 2-week break does not count", () => {
    const [, , check] = checkLoad(
      { weeklyDistanceKm: [20, 20, 20, 20, 20, 0, 0, 30] },
      { ...load, breakWeeks: 4 },
    );
    expect(check).toMatchObject({ triggered: false, evaluated: true });
    expect(check?.detail).toBe(
      "The 2-week break in the weekly distances is shorter than the 4 weeks set as a break.",
    );
  });
});

describe("checkLoad", () => {
  it("returns the three rules in order, using the clinic's thresholds", () => {
    const history = { weeklyDistanceKm: [20, 22, 25], latestRunKm: 10.5, longestRecentRunKm: 10 };
    expect(checkLoad(history, load).map((c) => [c.rule, c.triggered])).toEqual([
      ["two-week-increase", false],
      ["single-run-spike", false],
      ["return-after-break", false],
    ]);
    const strict = { ...load, twoWeekIncreasePercent: 20, singleRunSpikePercent: 4 };
    expect(checkLoad(history, strict).map((c) => c.triggered)).toEqual([true, true, false]);
  });
});
