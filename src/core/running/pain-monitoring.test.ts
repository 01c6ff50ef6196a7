import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../settings.js";
import { assessPainTrend, painZone, sessionPeakPain, weeklyPainTrend } from "./pain-monitoring.js";
import { DEFAULT_RUN_PLAN_SETTINGS } from "./run-settings.js";
import { runEntry, strengthEntry } from "./test-support/log-builders.js";

const settings = DEFAULT_RUN_PLAN_SETTINGS;

describe("painZone (silbernagel-2007)", () => {
  it.each([
    [0, "safe"],
    [3, "safe"],
    [3.5, "acceptable"],
    [4, "acceptable"],
    [5, "acceptable"],
    [5.5, "too-much"],
    [6, "too-much"],
    [10, "too-much"],
  ] as const)("pain %d/10 is %s", (pain, zone) => {
    expect(painZone(pain, DEFAULT_SETTINGS.pain)).toBe(zone);
  });

  it("follows the clinic's thresholds", () => {
    expect(painZone(3, { safeMax: 2, acceptableMax: 4, nextMorningMax: 2 })).toBe("acceptable");
  });
});

describe("weeklyPainTrend", () => {
  it("summarises Monday-to-Sunday weeks and marks a rise of a point or more as worse", () => {
    const logs = [
      runEntry("2026-11-30", { painDuring: 2, painNextMorning: 1 }), // Monday
      strengthEntry("2026-12-01", { exercise: "clamshell", pain: 1 }),
      runEntry("2026-12-06", { painDuring: 3, painAfter: 4, painNextMorning: 2 }), // Sunday
      runEntry("2026-12-07", { painDuring: 4, painNextMorning: 2 }), // next Monday
      runEntry("2026-12-21", { painDuring: 4.5, painNextMorning: 2 }), // a week skipped
    ];
    expect(sessionPeakPain(logs[2] as (typeof logs)[number])).toBe(4);
    expect(weeklyPainTrend(logs, settings)).toEqual([
      {
        weekStart: "2026-11-30",
        sessions: 3,
        meanPeakPain: 2.3,
        maxPeakPain: 4,
        meanNextMorningPain: 1.5,
      },
      {
        weekStart: "2026-12-07",
        sessions: 1,
        meanPeakPain: 4,
        maxPeakPain: 4,
        meanNextMorningPain: 2,
        change: 1.7,
        direction: "worse",
      },
      {
        weekStart: "2026-12-21",
        sessions: 1,
        meanPeakPain: 4.5,
        maxPeakPain: 4.5,
        meanNextMorningPain: 2,
        change: 0.5,
        direction: "same",
      },
    ]);
  });
});

describe("assessPainTrend (silbernagel-2007, seed-000)", () => {
  const weekly = (means: number[]) =>
    weeklyPainTrend(
      means.map((pain, i) =>
        runEntry(`2026-11-${String(2 + 7 * i).padStart(2, "0")}`, { painDuring: pain }),
      ),
      settings,
    );

  it.each([
    { means: [1, 2, 3], worsening: true, persistent: false },
    { means: [1, 2, 2.5], worsening: false, persistent: false },
    { means: [3, 2, 3, 4], worsening: true, persistent: false },
    { means: [4, 4, 4], worsening: false, persistent: true },
    { means: [4, 4], worsening: false, persistent: false },
    { means: [4, 5, 6], worsening: true, persistent: true },
    { means: [1, 3, 5, 3], worsening: false, persistent: false },
  ])(
    "weekly means $means → worsening $worsening, persistent $persistent",
    ({ means, worsening, persistent }) => {
      const trend = assessPainTrend(weekly(means), settings);
      expect(trend.worsening).toBe(worsening);
      expect(trend.persistent).toBe(persistent);
    },
  );

  it("puts the weekly numbers in its reasons", () => {
    expect(assessPainTrend(weekly([1, 2, 3]), settings).reasons).toEqual([
      "Knee pain has got worse 2 weeks in a row (weekly mean 1/10 → 2/10 → 3/10).",
    ]);
    expect(assessPainTrend(weekly([4, 4, 5]), settings).reasons).toEqual([
      "Knee pain has stayed above 3/10 for 3 weeks (weekly mean 4/10, 4/10, 5/10).",
    ]);
  });
});
