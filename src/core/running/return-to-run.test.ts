import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { as, type StepsPerMinute } from "../units.js";
import { checkEntryCriteria } from "./entry-criteria.js";
import { buildReturnToRunPlan, cadenceCue, listIntervalSessions } from "./return-to-run.js";
import {
  DEFAULT_ENTRY_CRITERIA,
  DEFAULT_RUN_PLAN_SETTINGS,
  resolveRunPlanSettings,
} from "./run-settings.js";

const settings = DEFAULT_RUN_PLAN_SETTINGS;

describe("buildReturnToRunPlan", () => {
  const plan = buildReturnToRunPlan({ cadenceCue: false, settings });

  it("has the walking block and ten walk/run levels up to 30 min continuous (blake-return-to-run)", () => {
    expect(plan.levels).toHaveLength(11);
    expect(plan.levels.map((l) => l.label)).toEqual([
      "Brisk walk 30 min",
      "Walk 9 min, run 1 min, × 3 (30 min)",
      "Walk 8 min, run 2 min, × 3 (30 min)",
      "Walk 7 min, run 3 min, × 3 (30 min)",
      "Walk 6 min, run 4 min, × 3 (30 min)",
      "Walk 5 min, run 5 min, × 3 (30 min)",
      "Walk 4 min, run 6 min, × 3 (30 min)",
      "Walk 3 min, run 7 min, × 3 (30 min)",
      "Walk 2 min, run 8 min, × 3 (30 min)",
      "Walk 1 min, run 9 min, × 3 (30 min)",
      "Run 30 min without stopping",
    ]);
    expect(plan.levels.map((l) => l.runMin)).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30]);
    expect(plan.levels.every((l) => l.totalMin === 30 && l.minSessions === 2)).toBe(true);
    expect(plan.levels[3]).toMatchObject({
      id: "level-3",
      level: 3,
      intervals: { walkMin: 7, runMin: 3, repeats: 3 },
      source: "blake-return-to-run",
    });
    expect(plan.startLevel).toBe(1);
  });

  it("states its rules with the clinic's numbers", () => {
    expect(plan.rules).toContain(
      "Run on alternate days: at least 1 rest day between runs. Hip strength work fits the days off.",
    );
    expect(plan.rules).toContain(
      "Do each level at least 2 times before moving up, on flat, even ground.",
    );
    expect(plan.rules).toContain(
      "Pain during a run: up to 3/10 is fine, up to 5/10 is acceptable (stay at the level), above 5/10 is too much (go back a level).",
    );
    expect(plan.sources).toEqual([
      "blake-return-to-run",
      "trials-2023",
      "seed-000",
      "silbernagel-2007",
      "seed-004",
    ]);
  });

  it("Blake's three repeats per level is one setting away", () => {
    const blake = buildReturnToRunPlan({
      cadenceCue: false,
      settings: resolveRunPlanSettings(undefined, { repeatsPerLevel: 3 }),
    });
    expect(blake.levels.map((l) => l.minSessions)).toEqual(Array(11).fill(3));
  });

  it("starts with the walking block when the start criteria are not met", () => {
    const entry = checkEntryCriteria({ painFreeBriskWalkMin: 20 }, DEFAULT_ENTRY_CRITERIA);
    const walking = buildReturnToRunPlan({ entry, startLevel: 4, cadenceCue: false, settings });
    expect(walking.startLevel).toBe(0);
    expect(walking.rules[0]).toBe(
      "Start with brisk walks of 30 min. Move on to running once walking is free of pain and limp, and 10 single-leg squats and 60 s of hopping on the painful leg are too.",
    );
    expect(walking.entry?.met).toBe(false);
  });

  it("adds the distance rebuild with the load rules when a target is given", () => {
    const withTarget = buildReturnToRunPlan({ targetWeeklyKm: 30, cadenceCue: false, settings });
    expect(withTarget.distanceBuild).toEqual({ targetWeeklyKm: 30 });
    expect(withTarget.rules.at(-1)).toBe(
      'After "Run 30 min without stopping", build towards 30 km a week with 3 runs a week: no run more than 10 % longer than the longest of the previous 30 days, and weekly distance up at most 15 % a week and 30 % over two weeks.',
    );
    expect(withTarget.sources).toContain("frandsen-2025");
    expect(withTarget.sources).toContain("nielsen-2014");
  });

  it("takes a clinic's own template", () => {
    const custom = buildReturnToRunPlan({
      template: [
        { walkMin: 4, runMin: 1, repeats: 4 },
        { walkMin: 0, runMin: 20, repeats: 1 },
      ],
      cadenceCue: false,
      settings,
    });
    expect(custom.levels.map((l) => [l.label, l.totalMin])).toEqual([
      ["Brisk walk 30 min", 30],
      ["Walk 4 min, run 1 min, × 4 (20 min)", 20],
      ["Run 20 min without stopping", 20],
    ]);
  });

  it.each([
    {
      options: { startLevel: 11 },
      message: "The start level must be a whole number from 0 (walking) to 10; got 11.",
    },
    { options: { template: [] }, message: "The run template needs at least one level." },
    {
      options: { template: [{ walkMin: 5, runMin: 0, repeats: 2 }] },
      message: "Run template level 1: running minutes must be more than 0.",
    },
    {
      options: { template: [{ walkMin: 5, runMin: 1, repeats: 1.5 }] },
      message: "Run template level 1: repeats must be a whole number of at least 1.",
    },
    {
      options: { targetWeeklyKm: -5 },
      message: "The target weekly distance must be more than 0 and at most 300 km; got -5.",
    },
  ])("refuses $options", ({ options, message }) => {
    expect(() => buildReturnToRunPlan({ cadenceCue: false, settings, ...options })).toThrow(
      message,
    );
  });
});

describe("cadence cue (heiderscheit-2011, lenhart-2014)", () => {
  it("is added when low cadence or overstriding was found, with a goal from the current cadence", () => {
    const plan = buildReturnToRunPlan({
      cadenceCue: true,
      currentCadenceSpm: as<StepsPerMinute>(160),
      settings,
    });
    expect(plan.cadenceCue).toMatchObject({
      minIncreasePercent: 5,
      maxIncreasePercent: 10,
      targetSpm: { min: 168, max: 176 },
    });
    expect(plan.cadenceCue?.text).toContain(
      "raise your step rate by 5–10 % from 160 to 168–176 steps a minute",
    );
    expect(plan.sources).toContain("heiderscheit-2011");
  });

  it("is absent otherwise, and has no goal without a cadence", () => {
    expect(buildReturnToRunPlan({ cadenceCue: false, settings }).cadenceCue).toBeUndefined();
    expect(cadenceCue().targetSpm).toBeUndefined();
  });
});

describe("listIntervalSessions", () => {
  it("lists each level minSessions times from the start level, on alternate days", () => {
    const plan = buildReturnToRunPlan({ startLevel: 9, cadenceCue: false, settings });
    const slots = listIntervalSessions(plan, settings);
    expect(slots.map((s) => [s.level.level, s.repeat, s.dayOffset])).toEqual([
      [9, 1, 0],
      [9, 2, 2],
      [10, 1, 4],
      [10, 2, 6],
    ]);
  });

  it("always leaves the rest days between runs (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        (startLevel, repeatsPerLevel, minRestDaysBetweenRuns) => {
          const custom = resolveRunPlanSettings(undefined, {
            repeatsPerLevel,
            minRestDaysBetweenRuns,
          });
          const plan = buildReturnToRunPlan({ startLevel, cadenceCue: false, settings: custom });
          const slots = listIntervalSessions(plan, custom);
          expect(slots).toHaveLength((11 - startLevel) * repeatsPerLevel);
          slots.slice(1).forEach((slot, i) => {
            expect(slot.dayOffset - (slots[i]?.dayOffset ?? 0)).toBeGreaterThanOrEqual(
              minRestDaysBetweenRuns + 1,
            );
          });
        },
      ),
    );
  });
});
