import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assess } from "../assessment/assess.js";
import { dayNumber } from "../calendar-date.js";
import type { Equipment } from "../exercises/exercise.types.js";
import { findExercise } from "../exercises/library.js";
import { assessmentFile, pairedTest } from "../test-support/assessment.builder.js";
import { generateProgramme, phaseWeeks, prescribedExercises } from "./programme.js";
import { weekTemplate } from "./week-template.js";

const seed000Like = assess(
  assessmentFile({
    symptoms: {
      pain: {
        locations: [{ area: "anterior", side: "right" }],
        atRest: 0,
        duringRun: 6,
        afterRun: 4,
      },
      aggravators: {},
    },
    strength: {
      tests: [...pairedTest("knee-extension", 340, 338), ...pairedTest("hip-abduction", 120, 84)],
    },
    training: { weeklyDistance: [10, 10, 12, 12] },
  }),
);

const plan = (overrides: Partial<Parameters<typeof generateProgramme>[0]> = {}) =>
  generateProgramme({
    assessment: seed000Like,
    availability: { daysPerWeek: 6, minutesPerSession: 45, equipment: ["band"] },
    start: "2026-12-01",
    ...overrides,
  });

describe("weekly layout", () => {
  it.each([
    [7, [0, 2, 4], [1, 3, 5]],
    [6, [0, 2, 4], [1, 3, 5]],
    [5, [1, 4], [0, 2, 5]],
    [4, [1, 4], [0, 3]],
    [3, [1], [0, 4]],
    [2, [1], [0]],
    [1, [], [0]],
  ])("%i free days → runs on %j, strength on %j", (days, runs, strength) => {
    expect(weekTemplate(days)).toEqual({ runDays: runs, strengthDays: strength });
  });

  it("refuses a week with no free day, naming the field", () => {
    expect(() => weekTemplate(0)).toThrow(
      "days per week must be a whole number from 1 to 7, got 0",
    );
  });

  it("never puts runs on consecutive days and keeps at least three days without running", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), (days) => {
        const { runDays, strengthDays } = weekTemplate(days);
        const noBackToBack =
          runDays.every((d, i) => i === 0 || d - (runDays[i - 1] ?? -9) >= 2) &&
          !(runDays.includes(0) && runDays.includes(6));
        const noOverlap = strengthDays.every((d) => !runDays.includes(d));
        return (
          noBackToBack &&
          noOverlap &&
          7 - runDays.length >= 3 &&
          runDays.length + strengthDays.length <= days
        );
      }),
    );
  });
});

describe("programme", () => {
  it("8 weeks in three phases, seed-001's order", () => {
    expect(phaseWeeks(8).map((p) => [p.phase, p.weeks])).toEqual([
      [1, [1, 3]],
      [2, [4, 6]],
      [3, [7, 8]],
    ]);
    expect(phaseWeeks(6).map((p) => p.weeks)).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
  });

  it("alternates runs with strength days, with at least three running-free days in every week", () => {
    const p = plan();
    expect(p.sessions).toHaveLength(56);
    for (let week = 1; week <= 8; week++) {
      const days = p.sessions.filter((s) => s.week === week);
      expect(days.filter((s) => s.kind !== "run").length).toBeGreaterThanOrEqual(3);
    }
    const runDays = p.sessions.filter((s) => s.kind === "run").map((s) => dayNumber(s.date));
    expect(runDays.every((d, i) => i === 0 || d - (runDays[i - 1] ?? 0) >= 2)).toBe(true);
    // Strength never shares a day with a run (seed-000).
    expect(p.sessions.filter((s) => s.kind === "run").every((s) => s.strength.length === 0)).toBe(
      true,
    );
  });

  it("opens with the seed-000 routine and gives the weaker right hip one more set", () => {
    const p = plan();
    expect(p.extraVolume?.side).toBe("right");
    expect(p.extraVolume?.reason).toContain("LSI 70 %");
    const firstStrength = p.sessions.find((s) => s.kind === "strength");
    const names = firstStrength?.strength.map((x) => x.exercise) ?? [];
    expect(names.slice(0, 3)).toEqual([
      "side-lying-clamshell",
      "lateral-band-walk",
      "single-leg-glute-bridge",
    ]);
    const clam = firstStrength?.strength[0];
    expect(clam).toMatchObject({
      sets: 3,
      reps: [12, 15],
      setsBySide: { left: 3, right: 4 },
      doseSource: "seed-000",
    });
    expect(clam?.why).toContain("hip weakness behind the knee pain");
  });

  it("moves to harder rungs after phase 1", () => {
    const p = plan();
    const week1 = new Set(
      p.sessions.filter((s) => s.week === 1).flatMap((s) => s.strength.map((x) => x.exercise)),
    );
    const week4 = new Set(
      p.sessions.filter((s) => s.week === 4).flatMap((s) => s.strength.map((x) => x.exercise)),
    );
    expect(week1.has("side-lying-clamshell")).toBe(true);
    expect(week4.has("side-lying-clamshell")).toBe(false);
    expect([...week4].some((id) => findExercise(id).regression !== undefined)).toBe(true);
  });

  it("keeps every day within the minutes available, the run itself apart", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 20, max: 120 }),
        (days, minutes) => {
          const p = plan({
            availability: { daysPerWeek: days, minutesPerSession: minutes, equipment: ["band"] },
          });
          return p.sessions.every(
            (s) =>
              (s.kind === "run" ? s.minutes - (s.run?.minutes ?? 0) : s.minutes) <=
                minutes + 0.01 || s.strength.length === 1,
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it("stretches every day, 5–10 minutes on days without a run (seed-001)", () => {
    for (const s of plan().sessions.filter((x) => x.kind !== "run")) {
      const minutes = s.stretching.reduce((t, p) => t + p.minutes, 0);
      expect(minutes).toBeGreaterThanOrEqual(5);
      expect(minutes).toBeLessThanOrEqual(10);
    }
  });

  it("adds glute activation from phase 2, and in runs only in phase 3 (seed-001)", () => {
    const p = plan();
    const activation = (week: number, kind: string) =>
      new Set(
        p.sessions
          .filter((s) => s.week === week && s.kind === kind)
          .flatMap((s) => s.activation.map((a) => findExercise(a.exercise).timing)),
      );
    expect(activation(1, "strength").size).toBe(0);
    expect([...activation(4, "strength")]).toEqual(["during-daily-life"]);
    expect(activation(4, "run").has("during-run")).toBe(false);
    expect(activation(7, "run").has("during-run")).toBe(true);
    expect(activation(7, "strength").has("during-run")).toBe(false);
  });

  it("leaves out what needs missing equipment and says so", () => {
    const p = plan({
      availability: { daysPerWeek: 6, minutesPerSession: 45, equipment: [] as Equipment[] },
    });
    const used = p.sessions.flatMap((s) => s.strength.map((x) => findExercise(x.exercise)));
    expect(used.every((e) => !e.equipment.includes("band"))).toBe(true);
    expect(
      p.notes.some((n) => n.startsWith("Left out for want of equipment (") && n.includes("band")),
    ).toBe(true);
  });

  it("refuses to make a programme when a red flag asks for a professional", () => {
    const referred = assess(assessmentFile({ redFlags: { kneeLocked: true } }));
    expect(() => plan({ assessment: referred })).toThrow(
      "No programme: a red flag needs a professional first (Locked knee)",
    );
  });

  it.each([
    [
      { start: "2026-02-30" },
      'start must be a date written YYYY-MM-DD between 1900-01-01 and 2099-12-31, got "2026-02-30"',
    ],
    [{ weeks: 2 }, "a programme lasts 4 to 16 weeks, got 2"],
    [
      { availability: { daysPerWeek: 0, minutesPerSession: 45, equipment: [] } },
      "days per week must be a whole number from 1 to 7, got 0",
    ],
    [
      { availability: { daysPerWeek: 3, minutesPerSession: 5, equipment: [] } },
      "minutes per session must be between 15 and 180, got 5",
    ],
  ])("refuses %j", (overrides, message) => {
    expect(() => plan(overrides)).toThrow(message);
  });

  it("is deterministic and lists what each exercise was prescribed", () => {
    expect(plan()).toEqual(plan());
    const prescribed = prescribedExercises(plan());
    expect(prescribed.find((p) => p.exercise === "single-leg-glute-bridge")).toEqual({
      exercise: "single-leg-glute-bridge",
      sets: 3,
      reps: 12,
    });
  });

  it("adds a cadence cue to the run plan when overstriding was found", () => {
    const overstrider = assess(
      assessmentFile({
        movement: [
          {
            task: "running",
            sign: "overstride",
            present: true,
            confidence: "moderate",
            method: "clinician-observation",
            observation: "heel far ahead",
            source: "souza-2016",
          },
        ],
      }),
    );
    expect(plan({ assessment: overstrider }).runPlan.cadenceCue?.text).toMatch(/5.10 %/);
    expect(plan().runPlan.cadenceCue).toBeUndefined();
  });
});
