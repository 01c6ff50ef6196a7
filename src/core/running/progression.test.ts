import { describe, expect, it } from "vitest";
import { RULES_VERSION } from "../rules-version.js";
import type { TrainingLogEntry } from "./logs.types.js";
import { decideNext } from "./progression.js";
import { buildReturnToRunPlan } from "./return-to-run.js";
import { DEFAULT_RUN_PLAN_SETTINGS } from "./run-settings.js";
import { runEntry, strengthEntry } from "./test-support/log-builders.js";

const settings = DEFAULT_RUN_PLAN_SETTINGS; // safe ≤ 3, acceptable ≤ 5, morning ≤ 3, 2 sessions a level
const plan = buildReturnToRunPlan({ cadenceCue: false, settings });

/** A good session at level 3 on 12-01, then the session under test at level 3 on 12-03. */
const afterGoodSession = (run: Parameters<typeof runEntry>[1]): TrainingLogEntry[] => [
  runEntry("2026-12-01", { level: 3, durationMin: 30, painDuring: 1, painNextMorning: 1 }),
  runEntry("2026-12-03", { level: 3, durationMin: 30, painNextMorning: 1, ...run }),
];

const runDecision = (logs: TrainingLogEntry[]) => {
  const decision = decideNext({ run: plan }, logs, settings).decisions.find(
    (d) => d.kind === "run",
  );
  if (!decision) throw new Error("no run decision");
  return decision;
};

describe("run decisions (silbernagel-2007, trials-2023)", () => {
  it.each([
    { case: "pain 3 during", run: { painDuring: 3 }, decision: "progress" },
    { case: "pain 4 during", run: { painDuring: 4 }, decision: "repeat" },
    { case: "pain 5 during", run: { painDuring: 5 }, decision: "repeat" },
    { case: "pain 6 during", run: { painDuring: 6 }, decision: "step-back" },
    { case: "pain 5 after", run: { painDuring: 2, painAfter: 5 }, decision: "repeat" },
    { case: "pain 6 after", run: { painDuring: 2, painAfter: 6 }, decision: "step-back" },
    { case: "morning pain 3", run: { painDuring: 2, painNextMorning: 1 }, decision: "progress" },
    { case: "morning pain 4", run: { painDuring: 2, painNextMorning: 4 }, decision: "step-back" },
    {
      case: "morning pain rising 1 → 2",
      run: { painDuring: 2, painNextMorning: 2 },
      decision: "repeat",
    },
    {
      case: "morning pain not recorded",
      run: { painDuring: 2, painNextMorning: null },
      decision: "repeat",
    },
    { case: "swelling", run: { painDuring: 0, swelling: true }, decision: "step-back" },
    { case: "limp", run: { painDuring: 0, limp: true }, decision: "step-back" },
    { case: "stiffness", run: { painDuring: 0, stiffness: true }, decision: "repeat" },
    { case: "session cut short", run: { painDuring: 0, durationMin: 24 }, decision: "repeat" },
  ])("$case → $decision", ({ run, decision }) => {
    expect(runDecision(afterGoodSession(run)).decision).toBe(decision);
  });

  it("progress names the level and the numbers", () => {
    const decision = runDecision(afterGoodSession({ painDuring: 3 }));
    expect(decision).toMatchObject({
      kind: "run",
      subject: "Level 3: Walk 7 min, run 3 min, × 3 (30 min)",
      level: 3,
      date: "2026-12-03",
      source: "silbernagel-2007",
    });
    expect(decision.reasons).toEqual([
      "Level 3 went well 2 times (2 needed), pain during 3/10 (safe up to 3/10), settled by the next morning (1/10).",
    ]);
  });

  it("a first good session at a level is repeated (trials-2023: each level at least twice)", () => {
    const decision = runDecision([
      runEntry("2026-12-01", { level: 2, durationMin: 30, painDuring: 1, painNextMorning: 1 }),
      runEntry("2026-12-03", { level: 2, durationMin: 30, painDuring: 1, painNextMorning: 1 }),
      runEntry("2026-12-05", { level: 3, durationMin: 30, painDuring: 1, painNextMorning: 1 }),
    ]);
    expect(decision.decision).toBe("repeat");
    expect(decision.reasons).toEqual([
      "Level 3 went well 1 time so far; 2 needed before moving up.",
    ]);
    expect(decision.source).toBe("trials-2023");
  });

  it("step back gives the numbers and the level to go back to", () => {
    const decision = runDecision(afterGoodSession({ painDuring: 6, painNextMorning: 4 }));
    expect(decision.reasons).toEqual([
      "Pain during the run 6/10, above the acceptable 5/10.",
      "Pain the next morning 4/10 had not settled (above 3/10).",
      "Go back to level 2 next time.",
    ]);
  });

  it("acceptable pain: stay, with the reason", () => {
    expect(runDecision(afterGoodSession({ painDuring: 5 })).reasons).toEqual([
      "Pain during the run 5/10: acceptable (up to 5/10), but move up only at 3/10 or less.",
      "Level 3 went well 1 time so far; 2 needed before moving up.",
    ]);
  });

  it("pain above 5 in two runs in a row → stop and see a professional, said prominently", () => {
    const logs = [
      runEntry("2026-12-01", { level: 3, durationMin: 30, painDuring: 7, painNextMorning: 3 }),
      runEntry("2026-12-03", { level: 2, durationMin: 30, painDuring: 6, painNextMorning: 3 }),
    ];
    const report = decideNext({ run: plan }, logs, settings);
    expect(report.decisions[0]).toMatchObject({
      decision: "stop-see-professional",
      source: "seed-000",
    });
    expect(report.alert).toBe(
      "Stop running and book an assessment with a physiotherapist or doctor before you run again. Pain during the run was above 5/10 in two sessions in a row (7/10 on 2026-12-01, 6/10 on 2026-12-03).",
    );
  });

  it("pain worse two weeks running → stop, even when each run is within the acceptable zone", () => {
    const logs = [
      runEntry("2026-11-16", { level: 3, durationMin: 30, painDuring: 1 }),
      runEntry("2026-11-23", { level: 3, durationMin: 30, painDuring: 2 }),
      runEntry("2026-11-30", { level: 3, durationMin: 30, painDuring: 3 }),
    ];
    const report = decideNext({ run: plan }, logs, settings);
    expect(report.decisions[0]?.decision).toBe("stop-see-professional");
    expect(report.decisions[0]?.source).toBe("silbernagel-2007");
    expect(report.alert).toContain(
      "Knee pain has got worse 2 weeks in a row (weekly mean 1/10 → 2/10 → 3/10).",
    );
  });

  it("while rebuilding distance there is no repeat count", () => {
    const decision = runDecision([
      runEntry("2026-12-03", { distanceKm: 6, painDuring: 2, painNextMorning: 0 }),
    ]);
    expect(decision).toMatchObject({ subject: "Distance rebuild", decision: "progress" });
    expect(decision.level).toBeUndefined();
  });

  it("refuses a log at a level the plan does not have", () => {
    expect(() => runDecision([runEntry("2026-12-03", { level: 12 })])).toThrow(
      "A run was logged at level 12, but the plan has levels 0 to 10.",
    );
  });
});

describe("exercise decisions (seed-001)", () => {
  const exercises = [{ exercise: "clamshell", sets: 3, reps: 15 }];
  const decide = (log: Parameters<typeof strengthEntry>[1]) =>
    decideNext({ exercises }, [strengthEntry("2026-12-02", log)], settings).decisions[0];

  it.each([
    { case: "easy and pain-free", log: { effort: 5, pain: 0 }, decision: "progress" },
    { case: "effort 6", log: { effort: 6, pain: 0 }, decision: "repeat" },
    { case: "pain 3", log: { effort: 3, pain: 3 }, decision: "repeat" },
    { case: "pain 4", log: { effort: 3, pain: 4 }, decision: "step-back" },
    { case: "2 of 3 sets", log: { sets: 2, effort: 3, pain: 0 }, decision: "repeat" },
    { case: "12 of 15 reps", log: { reps: 12, effort: 3, pain: 0 }, decision: "repeat" },
  ])("$case → $decision", ({ log, decision }) => {
    expect(decide({ exercise: "clamshell", side: "right", ...log })?.decision).toBe(decision);
  });

  it("says how to progress and why", () => {
    expect(decide({ exercise: "clamshell", side: "right", effort: 4, pain: 0 })).toEqual({
      kind: "exercise",
      subject: "clamshell (right)",
      exercise: "clamshell",
      side: "right",
      date: "2026-12-02",
      decision: "progress",
      reasons: [
        "Prescribed dose 3 × 15 done at effort 4/10 without pain: add resistance, add a set, or move to a harder variation.",
      ],
      source: "seed-001",
    });
  });

  it("gives every reason to stay", () => {
    expect(
      decide({ exercise: "clamshell", sets: 2, reps: 15, effort: 7, pain: 2 })?.reasons,
    ).toEqual([
      "Done 2 × 15 of the prescribed 3 × 15.",
      "Effort 7/10, above 5/10: stay at this dose until it feels easy with good form.",
      "Pain 2/10: move on only once the exercise is pain-free.",
    ]);
  });

  it("step back says what to change", () => {
    expect(decide({ exercise: "clamshell", effort: 3, pain: 4 })?.reasons).toEqual([
      "Pain during the exercise 4/10, above the safe 3/10: use less resistance, fewer sets or an easier variation.",
    ]);
  });

  it("judges the latest log of each exercise and side", () => {
    const logs = [
      strengthEntry("2026-12-01", { exercise: "clamshell", side: "left", effort: 8 }),
      strengthEntry("2026-12-01", { exercise: "clamshell", side: "right", effort: 8 }),
      strengthEntry("2026-12-03", { exercise: "clamshell", side: "left", effort: 4 }),
    ];
    const report = decideNext({ exercises }, logs, settings);
    expect(report.decisions.map((d) => [d.subject, d.decision, d.date])).toEqual([
      ["clamshell (left)", "progress", "2026-12-03"],
      ["clamshell (right)", "repeat", "2026-12-01"],
    ]);
    expect(report.rulesVersion).toBe(RULES_VERSION);
    expect(report.alert).toBeUndefined();
  });
});
