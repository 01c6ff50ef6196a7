import { describe, expect, it } from "vitest";
import { checkEntryCriteria } from "./entry-criteria.js";
import { nextRunSession } from "./next-session.js";
import { buildReturnToRunPlan } from "./return-to-run.js";
import { DEFAULT_ENTRY_CRITERIA, DEFAULT_RUN_PLAN_SETTINGS } from "./run-settings.js";
import { runEntry, strengthEntry } from "./test-support/log-builders.js";

const settings = DEFAULT_RUN_PLAN_SETTINGS;
const plan = buildReturnToRunPlan({ cadenceCue: false, settings, targetWeeklyKm: 30 });
const good = { durationMin: 30, painDuring: 1, painNextMorning: 0 };

describe("nextRunSession", () => {
  it("starts at the plan's start level, today", () => {
    const next = nextRunSession({ plan, logs: [], today: "2026-12-01", settings });
    expect(next).toMatchObject({ kind: "level", level: { level: 1 }, earliestDate: "2026-12-01" });
    expect(next.reasons).toEqual(["Start at level 1: Walk 9 min, run 1 min, × 3 (30 min)."]);
  });

  it("starts with walking when the start criteria are not met, and walks may be on consecutive days", () => {
    const entry = checkEntryCriteria({ painFreeBriskWalkMin: 15 }, DEFAULT_ENTRY_CRITERIA);
    const walking = buildReturnToRunPlan({ entry, cadenceCue: false, settings });
    const logs = [runEntry("2026-12-01", { level: 0, ...good })];
    expect(nextRunSession({ plan: walking, logs, today: "2026-12-01", settings })).toMatchObject({
      kind: "level",
      level: { id: "walk", label: "Brisk walk 30 min" },
      earliestDate: "2026-12-02",
    });
  });

  it("keeps a rest day after a run, and moves up after two good sessions", () => {
    const logs = [
      runEntry("2026-12-01", { level: 1, ...good }),
      runEntry("2026-12-03", { level: 1, ...good }),
    ];
    expect(nextRunSession({ plan, logs, today: "2026-12-03", settings })).toMatchObject({
      kind: "level",
      level: { level: 2 },
      earliestDate: "2026-12-05",
      decision: { decision: "progress" },
    });
  });

  it("a strength day does not move the next run, but no session shares its day", () => {
    const logs = [
      runEntry("2026-12-01", { level: 1, ...good }),
      strengthEntry("2026-12-02", { exercise: "clamshell" }),
    ];
    expect(nextRunSession({ plan, logs, today: "2026-12-02", settings })).toMatchObject({
      kind: "level",
      earliestDate: "2026-12-03",
    });
    const sameDay = [
      runEntry("2026-12-01", { level: 1, ...good }),
      strengthEntry("2026-12-03", { exercise: "clamshell" }),
    ];
    expect(nextRunSession({ plan, logs: sameDay, today: "2026-12-03", settings })).toMatchObject({
      earliestDate: "2026-12-04",
    });
  });

  it("steps back a level after too much pain", () => {
    const logs = [
      runEntry("2026-12-01", { level: 4, durationMin: 30, painDuring: 6, painNextMorning: 2 }),
    ];
    expect(nextRunSession({ plan, logs, today: "2026-12-02", settings })).toMatchObject({
      kind: "level",
      level: { level: 3 },
      earliestDate: "2026-12-03",
    });
  });

  it("after the last level, rebuilds distance from the recorded runs", () => {
    const logs = [
      runEntry("2026-12-01", { level: 10, ...good, distanceKm: 5 }),
      runEntry("2026-12-03", { level: 10, ...good, distanceKm: 5 }),
    ];
    const next = nextRunSession({ plan, logs, today: "2026-12-03", settings });
    expect(next).toMatchObject({ kind: "distance", distanceKm: 5.5, earliestDate: "2026-12-05" });
    expect(next.reasons).toContain(
      "Longest run of the previous 30 days 5 km: this run at most 5.5 km (+10 %).",
    );
  });

  it("asks for a timed run when no distance was recorded", () => {
    const logs = [
      runEntry("2026-12-01", { level: 10, ...good }),
      runEntry("2026-12-03", { level: 10, ...good }),
    ];
    expect(nextRunSession({ plan, logs, today: "2026-12-03", settings })).toMatchObject({
      kind: "distance",
      durationMin: 30,
    });
  });

  it("repeats or shortens a distance run after pain", () => {
    const before = [runEntry("2026-11-30", { distanceKm: 8, painDuring: 1, painNextMorning: 1 })];
    const repeat = [
      ...before,
      runEntry("2026-12-02", { distanceKm: 8.5, painDuring: 4, painNextMorning: 1 }),
    ];
    expect(nextRunSession({ plan, logs: repeat, today: "2026-12-02", settings })).toMatchObject({
      kind: "distance",
      distanceKm: 8.5,
    });
    const back = [
      ...before,
      runEntry("2026-12-02", { distanceKm: 8.5, painDuring: 6, painNextMorning: 1 }),
    ];
    const next = nextRunSession({ plan, logs: back, today: "2026-12-02", settings });
    expect(next).toMatchObject({ kind: "distance", distanceKm: 6.8 });
    expect(next.reasons).toContain("20 % shorter than the last run: 6.8 km.");
  });

  it("moves to next week when this week's runs are done", () => {
    const logs = [
      runEntry("2026-11-30", { distanceKm: 5, ...good }), // Monday
      runEntry("2026-12-02", { distanceKm: 5, ...good }),
      runEntry("2026-12-04", { distanceKm: 5, ...good }),
    ];
    expect(nextRunSession({ plan, logs, today: "2026-12-04", settings })).toMatchObject({
      kind: "distance",
      earliestDate: "2026-12-07",
    });
  });

  it("without a target, passing the last level completes the plan", () => {
    const noTarget = buildReturnToRunPlan({ cadenceCue: false, settings });
    const logs = [
      runEntry("2026-12-01", { level: 10, ...good }),
      runEntry("2026-12-03", { level: 10, ...good }),
    ];
    const next = nextRunSession({ plan: noTarget, logs, today: "2026-12-03", settings });
    expect(next.kind).toBe("complete");
    expect(next.reasons.at(-1)).toBe("The walk/run levels are complete.");
  });

  it("stops with the alert when pain calls for a professional", () => {
    const logs = [
      runEntry("2026-12-01", { level: 3, ...good, painDuring: 6 }),
      runEntry("2026-12-03", { level: 2, ...good, painDuring: 7 }),
    ];
    const next = nextRunSession({ plan, logs, today: "2026-12-03", settings });
    expect(next.kind).toBe("stop");
    expect(next.kind === "stop" && next.alert).toContain(
      "book an assessment with a physiotherapist or doctor",
    );
  });
});
