import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, dayNumber } from "../calendar-date.js";
import { distanceRunLimit, planDistanceBuild, weekRunOffsets } from "./distance-build.js";
import { checkTwoWeekIncrease, longestBefore, percentIncrease } from "./load.js";
import { DEFAULT_RUN_PLAN_SETTINGS, resolveRunPlanSettings } from "./run-settings.js";

const settings = DEFAULT_RUN_PLAN_SETTINGS; // 3 runs a week, +15 % a week, +30 % over two weeks, +10 % a run

/** Three 30-minute runs of `km` in each of the two weeks before 2026-12-07 (a Monday). */
const lastTwoWeeks = (km: number) =>
  ["2026-11-23", "2026-11-25", "2026-11-27", "2026-11-30", "2026-12-02", "2026-12-04"].map(
    (date) => ({
      date,
      distanceKm: km,
    }),
  );

describe("distanceRunLimit", () => {
  it("caps the run by the weekly growth and the longest recent run, with the numbers", () => {
    const limit = distanceRunLimit({
      runs: lastTwoWeeks(5),
      date: "2026-12-07",
      weekStart: "2026-12-07",
      targetWeeklyKm: 30,
      settings,
    });
    expect(limit).toMatchObject({
      lastWeekKm: 15,
      twoWeeksAgoKm: 15,
      weekMaxKm: 17.2, // 15 × 1.15 = 17.25, rounded down
      singleRunMaxKm: 5.5,
      suggestedKm: 5.5, // 17.2 ÷ 3 = 5.73, but no more than 10 % over 5 km
    });
    expect(limit.reasons).toEqual([
      "Target 30 km a week.",
      "Last week 15 km: this week at most 17.2 km (+15 %).",
      "Two weeks ago 15 km: this week at most 19.5 km (+30 %).",
      "Longest run of the previous 30 days 5 km: this run at most 5.5 km (+10 %).",
    ]);
  });

  it("shares what is left of the week over the runs left", () => {
    const runs = [...lastTwoWeeks(5), { date: "2026-12-07", distanceKm: 5.5 }];
    const limit = distanceRunLimit({
      runs,
      date: "2026-12-09",
      weekStart: "2026-12-07",
      targetWeeklyKm: 30,
      settings,
    });
    expect(limit.suggestedKm).toBe(5.8); // (17.2 − 5.5) ÷ 2 = 5.85 → 5.8, under 5.5 × 1.1 = 6.05
  });

  it("proposes nothing once the week's runs are done", () => {
    const runs = [
      ...lastTwoWeeks(5),
      { date: "2026-12-07", distanceKm: 5.5 },
      { date: "2026-12-09", distanceKm: 5.8 },
      { date: "2026-12-11", distanceKm: 5.9 },
    ];
    const limit = distanceRunLimit({
      runs,
      date: "2026-12-13",
      weekStart: "2026-12-07",
      targetWeeklyKm: 30,
      settings,
    });
    expect(limit.suggestedKm).toBeUndefined();
    expect(limit.reasons.at(-1)).toBe(
      "This week's 17.2 km is used up (3 runs, 17.2 km): next run next week.",
    );
  });

  it("asks for a timed run when no distance was recorded in 30 days", () => {
    const limit = distanceRunLimit({
      runs: [],
      date: "2026-12-07",
      weekStart: "2026-12-07",
      targetWeeklyKm: 30,
      settings,
    });
    expect(limit.suggestedKm).toBeUndefined();
    expect(limit.reasons.at(-1)).toBe(
      "No run with a distance in the previous 30 days: run 30 min and record the distance.",
    );
  });
});

describe("weekRunOffsets", () => {
  it.each([
    { runsPerWeek: 1, offsets: [0] },
    { runsPerWeek: 2, offsets: [0, 3] },
    { runsPerWeek: 3, offsets: [0, 2, 4] },
  ])("$runsPerWeek runs a week → days $offsets", ({ runsPerWeek, offsets }) => {
    expect(weekRunOffsets(resolveRunPlanSettings(undefined, { runsPerWeek }))).toEqual(offsets);
  });

  it("refuses a week that cannot keep the rest days", () => {
    expect(() => weekRunOffsets(resolveRunPlanSettings(undefined, { runsPerWeek: 4 }))).toThrow(
      "4 runs a week cannot keep 1 rest day(s) between runs; choose fewer runs a week.",
    );
  });
});

describe("planDistanceBuild", () => {
  it("grows from 15 to 30 km a week within the rules", () => {
    const plan = planDistanceBuild({
      startDate: "2026-12-07",
      recentRuns: lastTwoWeeks(5),
      targetWeeklyKm: 30,
      settings,
    });
    expect(plan.reachedTarget).toBe(true);
    expect(plan.weeks.map((w) => w.totalKm)).toEqual([17.2, 19.5, 22.3, 25.3, 28.9, 30]);
    expect(plan.weeks[0]?.runs).toEqual([
      { date: "2026-12-07", distanceKm: 5.5 },
      { date: "2026-12-09", distanceKm: 5.8 },
      { date: "2026-12-11", distanceKm: 5.9 },
    ]);
  });

  it("needs a recorded distance to start from", () => {
    expect(() =>
      planDistanceBuild({ startDate: "2026-12-07", recentRuns: [], targetWeeklyKm: 30, settings }),
    ).toThrow(
      "Planning the distance rebuild needs at least one run with a recorded distance in the 30 days before 2026-12-07.",
    );
  });

  it("no planned run breaks the 10 % rule, the weekly caps or the rest days (property)", () => {
    const history = fc.array(
      fc.record({
        daysBefore: fc.integer({ min: 1, max: 40 }),
        distanceKm: fc.double({ min: 1, max: 25, noNaN: true }),
      }),
      { minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(
        history,
        fc.integer({ min: 50, max: 1200 }).map((tenths) => tenths / 10),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 30 }),
        (past, targetWeeklyKm, runsPerWeek, weeklyIncreasePercent) => {
          const custom = resolveRunPlanSettings(undefined, { runsPerWeek, weeklyIncreasePercent });
          const startDate = "2027-03-01";
          const recentRuns = [
            { date: addDays(startDate, -3), distanceKm: 4 }, // a run in the last 30 days
            ...past.map((p) => ({
              date: addDays(startDate, -p.daysBefore),
              distanceKm: p.distanceKm,
            })),
          ].sort((a, b) => a.date.localeCompare(b.date));
          const plan = planDistanceBuild({
            startDate,
            recentRuns,
            targetWeeklyKm,
            settings: custom,
          });
          const planned = plan.weeks.flatMap((w) => w.runs);

          // 10 % rule: every planned run against the longest run of its own previous 30 days.
          const all = [...recentRuns, ...planned];
          for (const run of planned) {
            const longest = longestBefore(all, dayNumber(run.date)) ?? 0;
            expect(percentIncrease(run.distanceKm, longest)).toBeLessThanOrEqual(
              custom.load.singleRunSpikePercent,
            );
          }
          // Rest days between runs, the history's last run included.
          const days = [
            ...recentRuns.map((r) => dayNumber(r.date)).slice(-1),
            ...planned.map((r) => dayNumber(r.date)),
          ];
          days.slice(1).forEach((day, i) => {
            expect(day - (days[i] ?? 0)).toBeGreaterThanOrEqual(2);
          });
          // Weekly caps: +weeklyIncreasePercent on last week, +30 % on two weeks ago, never over target.
          const weekBefore = (k: number) =>
            recentRuns
              .filter(
                (r) =>
                  dayNumber(r.date) >= dayNumber(startDate) - 7 * k &&
                  dayNumber(r.date) < dayNumber(startDate) - 7 * (k - 1),
              )
              .reduce((s, r) => s + r.distanceKm, 0);
          const totals = [weekBefore(2), weekBefore(1), ...plan.weeks.map((w) => w.totalKm)];
          expect(checkTwoWeekIncrease(totals, custom.load).triggered).toBe(false);
          for (let i = 2; i < totals.length; i++) {
            const [prev, now] = [totals[i - 1] ?? 0, totals[i] ?? 0];
            if (prev > 0)
              expect(percentIncrease(now, prev)).toBeLessThanOrEqual(weeklyIncreasePercent);
            expect(now).toBeLessThanOrEqual(targetWeeklyKm);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
