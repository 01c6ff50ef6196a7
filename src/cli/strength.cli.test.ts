import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { runCli, tempFile } from "./test-support/run-cli.js";

describe("hipcheck import-strength and export-strength", () => {
  it("imports the VALD-style example as YAML and exports seed-000 as CSV", async () => {
    const imported = await runCli([
      "import-strength",
      "examples/dynamometer-vald-style.csv",
      "--yaml",
    ]);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain("read 6 tests, 14 trials");
    expect(parseYaml(imported.stdout).strength.tests[3]).toMatchObject({
      test: "hip-external-rotation",
      side: "right",
      trials: [118, 121],
    });
    const exported = await runCli([
      "export-strength",
      "examples/seed-000-hip-weakness.json",
      "--csv",
    ]);
    expect(exported.code).toBe(0);
    const lines = exported.stdout.trim().split("\n");
    expect(lines).toHaveLength(31);
    expect(lines).toContain("hip-abduction,side-lying,make,Right,2,81,78,,");
  }, 60_000);

  it("refuses a file with a bad cell, naming line and column, and prints nothing", async () => {
    const bad = await tempFile(
      "bad.csv",
      "Test,Position,Laterality,maxForceNewtons\nHip Abduction,Side Lying,Left,11O\n",
    );
    const run = await runCli(["import-strength", bad]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain('line 2, column maxForceNewtons: expected a number, got "11O"');
  }, 60_000);
});
