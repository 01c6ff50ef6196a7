import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli, tempFile } from "./test-support/run-cli.js";

describe("hipcheck import-runs", () => {
  it("adds a FIT and a GPX run to an assessment file, which still assesses", async () => {
    const run = await runCli([
      "import-runs",
      "examples/run-2026-11-14.fit",
      "examples/run-2026-11-17.gpx",
      "--into",
      "examples/seed-000-hip-weakness.json",
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      "2026-11-14 examples/run-2026-11-14.fit: 5.28 km in 40:00 (7:35 per km) 154 steps/min 143 bpm",
    );
    const merged = JSON.parse(run.stdout);
    expect(merged.training.runs).toEqual([
      { date: "2026-11-14", distance: 5.28, durationMin: 40, cadenceSpm: 154, heartRateBpm: 143 },
      { date: "2026-11-17", distance: 4.68, durationMin: 30, cadenceSpm: 168, heartRateBpm: 151 },
    ]);
    const assessed = await runCli(["assess", await tempFile("merged.json", run.stdout)]);
    expect(assessed.code).toBe(0);
    expect(assessed.stdout).toMatch(/low-cadence\s+yes\s+160 steps\/min\s+watch/);
  }, 60_000);

  it("imports nothing when one file is truncated", async () => {
    const fit = readFileSync("examples/run-2026-11-14.fit");
    const cut = await tempFile("cut.fit", fit.subarray(0, 100));
    const run = await runCli(["import-runs", "examples/run-2026-11-17.gpx", cut]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("cut.fit: is truncated or damaged");
  }, 60_000);
});
