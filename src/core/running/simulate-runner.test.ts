import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayNumber } from "../calendar-date.js";
import { buildReturnToRunPlan } from "./return-to-run.js";
import { DEFAULT_RUN_PLAN_SETTINGS } from "./run-settings.js";
import { simulateRunner } from "./test-support/simulate-runner.js";

const settings = DEFAULT_RUN_PLAN_SETTINGS;
const plan = buildReturnToRunPlan({ cadenceCue: false, settings });

/** Acceptance tests of the return-to-run plan: two simulated runners. */
describe("simulated runners", () => {
  it("a runner whose pain falls over time reaches 30 minutes of continuous running", () => {
    // Pain 5/10 at first, one point less every third session, settling to 0.
    const result = simulateRunner({
      plan,
      settings,
      startDate: "2026-12-01",
      pain: ({ index }) => {
        const during = Math.max(0, 5 - Math.floor(index / 3));
        return { during, after: during, nextMorning: Math.max(0, during - 2) };
      },
    });
    expect(result.outcome).toBe("continuous-running");
    expect(result.highestLevel).toBe(10);
    const last = result.logs.at(-1);
    expect(last?.type === "run" && last.run.level).toBe(10);
    expect(result.final.decision?.reasons[0]).toBe(
      "Level 10 went well 2 times (2 needed), pain during 0/10 (safe up to 3/10), settled by the next morning (0/10).",
    );
    // 6 sessions held at level 1 by pain 4–5, then 2 good sessions at each of the 10 levels.
    expect(result.logs).toHaveLength(6 + 20);
    // Runs on alternate days throughout.
    const days = result.logs.map((entry) => dayNumber(entry.date));
    expect(days.slice(1).every((day, i) => day - (days[i] ?? 0) === 2)).toBe(true);
  });

  it("a runner whose pain rises is told to stop and see a professional", () => {
    // Pain 2/10 at first, rising half a point each session.
    const result = simulateRunner({
      plan,
      settings,
      startDate: "2026-12-01",
      pain: ({ index }) => {
        const during = Math.min(10, 2 + index / 2);
        return { during, after: during, nextMorning: Math.min(10, 1 + index / 2) };
      },
    });
    expect(result.outcome).toBe("stopped");
    expect(result.final.kind).toBe("stop");
    expect(result.final.kind === "stop" && result.final.alert).toMatch(
      /^Stop running and book an assessment with a physiotherapist or doctor before you run again\./,
    );
    // Held at level 1 by pain 4–4.5, back to walking when morning pain did not settle (3.5/10),
    // then stopped when pain passed 5/10 twice in a row.
    expect(result.highestLevel).toBe(1);
    expect(result.logs).toHaveLength(9);
    expect(result.final.reasons).toEqual([
      "Pain during the walk was above 5/10 in two sessions in a row (5.5/10 on 2026-12-13, 6/10 on 2026-12-14).",
      "Knee pain has got worse 2 weeks in a row (weekly mean 2.5/10 → 4.5/10 → 6/10).",
    ]);
  });
});

describe("any simulated runner (property)", () => {
  it("never runs two days running (walks aside), moves at most one level a session, and moves up only after safe pain", () => {
    const painScore = fc.integer({ min: 0, max: 20 }).map((half) => half / 2);
    fc.assert(
      fc.property(
        fc.array(fc.record({ during: painScore, nextMorning: painScore }), {
          minLength: 1,
          maxLength: 40,
        }),
        (pains) => {
          const result = simulateRunner({
            plan,
            settings,
            startDate: "2026-12-01",
            maxSessions: 40,
            pain: ({ index }) => {
              const p = pains[index % pains.length] ?? { during: 0, nextMorning: 0 };
              return { during: p.during, after: p.during, nextMorning: p.nextMorning };
            },
          });
          const runs = result.logs.flatMap((e) =>
            e.type === "run" ? [{ date: e.date, ...e.run }] : [],
          );
          const realRuns = runs.filter((run) => run.level !== 0); // walks need no rest day
          realRuns.slice(1).forEach((run, i) => {
            expect(
              dayNumber(run.date) - dayNumber(realRuns[i]?.date ?? run.date),
            ).toBeGreaterThanOrEqual(2);
          });
          runs.slice(1).forEach((run, i) => {
            const before = runs[i];
            if (!before) return;
            expect(dayNumber(run.date) - dayNumber(before.date)).toBeGreaterThanOrEqual(1);
            const step = (run.level ?? 0) - (before.level ?? 0);
            expect(Math.abs(step)).toBeLessThanOrEqual(1);
            if (step > 0) {
              expect(before.painDuring).toBeLessThanOrEqual(settings.pain.safeMax);
              expect(before.painNextMorning ?? 10).toBeLessThanOrEqual(
                settings.pain.nextMorningMax,
              );
            }
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});
