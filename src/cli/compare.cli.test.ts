import { describe, expect, it } from "vitest";
import { runCli } from "./test-support/run-cli.js";

const BEFORE = "examples/seed-000-hip-weakness.json";
const AFTER = "examples/seed-000-six-weeks-later.json";

describe("hipcheck compare", () => {
  it("the seed-000 runner six weeks later: right hip abduction 70 % → 93 %, findings as progress", async () => {
    const run = await runCli(["compare", BEFORE, AFTER]);
    expect(run.code).toBe(0);
    const out = run.stdout.replace(/\s+/g, " ");
    expect(out).toContain("hipcheck comparison · 2026-11-20 → 2027-01-01");
    expect(out).toContain(
      "Hip-driven knee pain: was likely on 2026-11-20, now unlikely: right hip abduction improved from 70 % to 93 % of the left",
    );
    expect(out).toContain("now within the 90 % line");
    expect(out).toContain("NPRS 6 → 2");
    expect(out).toMatch(/\[thorborg-2010\] Thorborg K/);
  });

  it("--json gives every change with its threshold", async () => {
    const run = await runCli(["compare", BEFORE, AFTER, "--json"]);
    expect(run.code).toBe(0);
    const comparison = JSON.parse(run.stdout);
    const lsi = comparison.overall.changes.find(
      (c: { measure: string }) => c.measure === "right hip abduction LSI",
    );
    expect(lsi).toMatchObject({ from: 70, to: 93, judgement: "improved", exceeds: true });
    expect(lsi.threshold).toEqual({
      kind: "mdc",
      value: 7.1,
      unit: "LSI points",
      source: "thorborg-2010",
    });
  });

  it("refuses assessments out of order, and one file alone", async () => {
    const reversed = await runCli(["compare", AFTER, BEFORE]);
    expect(reversed.code).toBe(1);
    expect(reversed.stderr).toContain("Assessments must be given oldest first");
    const alone = await runCli(["compare", BEFORE]);
    expect(alone.code).not.toBe(0);
    expect(alone.stderr).toContain("missing required argument 'after'");
  });
});

describe("hipcheck assess --previous", () => {
  it("words the findings against the last assessment", async () => {
    const run = await runCli(["assess", AFTER, "--previous", BEFORE, "--for", "runner"]);
    expect(run.code).toBe(0);
    const out = run.stdout.replace(/\s+/g, " ");
    expect(out).toContain("Since 2026-11-20: hip-driven knee pain likely then, unlikely now");
    expect(out).toContain("SINCE 2026-11-20");
    expect(out).toContain(
      "Since last time: Hip-driven knee pain: was likely on 2026-11-20, now unlikely",
    );
    const json = JSON.parse(
      (await runCli(["assess", AFTER, "--previous", BEFORE, "--json"])).stdout,
    );
    expect(json.progress.from).toBe("2026-11-20");
  });
});
