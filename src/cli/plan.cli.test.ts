import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { runCli, tempFile } from "./test-support/run-cli.js";

describe("hipcheck plan", () => {
  it("seed 000: a 6–8 week plan alternating runs and strength, extra right-hip work, the same sessions in the .ics", async () => {
    const ics = join(dirname(await tempFile("x", "")), "plan.ics");
    const run = await runCli([
      "plan",
      "examples/seed-000-hip-weakness.json",
      "--start",
      "2026-12-01",
      "--ics",
      ics,
    ]);
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain("hipcheck programme · 2026-12-01 to 2027-01-25 · 8 weeks");
    expect(out).toContain(
      "Hip work: right hip abduction LSI 70 % (under 90 %, measured): one more set on the right",
    );
    expect(out).toContain("WEEK 1 (PHASE 1) · 3 RUNS, 4 DAYS WITHOUT RUNNING");
    expect(out).toContain("2026-12-01 Tue  Run: Brisk walk 30 min");
    expect(out).toContain("2026-12-02 Wed  Hip strength");
    expect(out).toContain("Side-lying clamshell 3 × 12–15 per side (right 4 sets)");
    expect(out).toContain("SIDE-LYING CLAMSHELL — strength");
    expect(run.stderr).toContain(`wrote 56 sessions to ${ics}`);

    const events = new ICAL.Component(ICAL.parse(await readFile(ics, "utf8")))
      .getAllSubcomponents("vevent")
      .map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(56);
    const listed = [...out.matchAll(/^ {2}(\d{4}-\d{2}-\d{2}) \w{3} {2}(.+)$/gm)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(events.map((e) => [e.startDate.toString(), e.summary])).toEqual(listed);
  });

  it("prints no plan for the red-flag example, and says why", async () => {
    const run = await runCli([
      "plan",
      "examples/red-flag-locked-knee.json",
      "--start",
      "2026-12-01",
    ]);
    // Exit code 3: refused on purpose for a red flag, not a bad input (1).
    expect(run.code).toBe(3);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(
      "No programme: a red flag needs a professional first (Locked knee, Recent knee injury)",
    );
    expect(run.stderr).toContain("get seen today");
    expect(run.stderr).toContain("(urgency: emergency)");
  });

  it.each([
    [
      ["--start", "2026-13-01"],
      "argument '2026-13-01' is invalid. Expected a real date written YYYY-MM-DD, between 1900-01-01 and 2099-12-31",
    ],
    [
      ["--start", "9999-12-01"],
      "option '--start <date>' argument '9999-12-01' is invalid. Expected a real date written YYYY-MM-DD, between 1900-01-01 and 2099-12-31",
    ],
    [
      ["--start", "2026-12-01", "--days-per-week", "0"],
      "option '--days-per-week <n>' argument '0' is invalid. days per week must be a whole number from 1 to 7",
    ],
    [["--start", "2026-12-01", "--equipment", "band,trampoline"], 'unknown equipment "trampoline"'],
    [[], "required option '--start <date>' not specified"],
  ])("rejects %j as a bad command line (exit 2)", async (args, message) => {
    const run = await runCli(["plan", "examples/seed-000-hip-weakness.json", ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(message);
  });

  it("names an .ics file it cannot write, and prints no plan", async () => {
    const run = await runCli([
      "plan",
      "examples/seed-000-hip-weakness.json",
      "--start",
      "2026-12-01",
      "--ics",
      "/proc/plan.ics",
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(
      /^hipcheck: cannot write --ics \/proc\/plan.ics: nothing can be created in \/proc/,
    );
  });

  it("writes an SVG figure of every exercise it uses", async () => {
    const dir = join(dirname(await tempFile("x", "")), "figures");
    const run = await runCli([
      "plan",
      "examples/seed-000-hip-weakness.json",
      "--start",
      "2026-12-01",
      "--illustrations",
      dir,
      "--json",
    ]);
    const plan = JSON.parse(run.stdout);
    const svg = await readFile(join(dir, "side-lying-clamshell.svg"), "utf8");
    expect(svg).toMatch(/^<svg[^>]*viewBox/);
    expect(svg).toContain("<title>Side-lying clamshell</title>");
    expect(plan.programme.exercises).toContain("side-lying-clamshell");
  });
});

describe("hipcheck progress", () => {
  const planFile = async () => {
    const run = await runCli([
      "plan",
      "examples/seed-000-hip-weakness.json",
      "--start",
      "2026-12-01",
      "--json",
    ]);
    return tempFile("plan.json", run.stdout);
  };

  it("decides the next run level and each exercise from the example log", async () => {
    const run = await runCli(["progress", await planFile(), "examples/logs-seed-000.yaml"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Level 1: Walk 9 min, run 1 min, × 3 (30 min) — PROGRESS");
    expect(run.stdout).toContain(
      "side-lying-clamshell (right) — PROGRESS: next Clamshell with a band",
    );
    expect(run.stdout).toContain("lateral-band-walk — REPEAT");
  });

  it("tells a runner whose pain climbs to stop and see a professional, first", async () => {
    const logs = `logs:
  - { date: 2026-12-01, type: run, run: { level: 1, durationMin: 30, painDuring: 6, painAfter: 6 } }
  - { date: 2026-12-03, type: run, run: { level: 1, durationMin: 30, painDuring: 7, painAfter: 7 } }
`;
    const run = await runCli(["progress", await planFile(), await tempFile("logs.yaml", logs)]);
    expect(run.code).toBe(0);
    expect(run.stdout.indexOf("STOP AND SEE A PROFESSIONAL")).toBeGreaterThan(0);
    expect(run.stdout.indexOf("STOP AND SEE A PROFESSIONAL")).toBeLessThan(
      run.stdout.indexOf("NEXT SESSIONS"),
    );
    expect(run.stdout).toContain("— STOP — SEE A PROFESSIONAL");
  });

  it.each([
    [
      "pain 14/10",
      "logs:\n  - { date: 2026-12-01, type: run, run: { painDuring: 14 } }\n",
      "logs[0].run.painDuring",
    ],
    [
      "a run of −3 km",
      "logs:\n  - { date: 2026-12-01, type: run, run: { distance: -3, painDuring: 1 } }\n",
      "logs[0].run.distance",
    ],
    [
      "an unknown exercise",
      "logs:\n  - { date: 2026-12-01, type: strength, exercises: [ { exercise: clamshel, sets: 3, reps: 10, effort: 3, pain: 0 } ] }\n",
      'unknown exercise "clamshel"',
    ],
    [
      "dates out of order",
      "logs:\n  - { date: 2026-12-05, type: run, run: { painDuring: 1 } }\n  - { date: 2026-12-01, type: run, run: { painDuring: 1 } }\n",
      "logs[1].date: entries must be in date order",
    ],
  ])("rejects a log with %s", async (_name, logs, message) => {
    const run = await runCli(["progress", await planFile(), await tempFile("logs.yaml", logs)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(message);
  });

  it("rejects a file that is not a plan", async () => {
    const run = await runCli([
      "progress",
      "examples/seed-000-hip-weakness.json",
      "examples/logs-seed-000.yaml",
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('not a hipcheck plan: make one with "hipcheck plan --json"');
  });
});
