/**
 * What a hostile tester and a new user found, each through the real command: closed pipes,
 * a byte-order mark, escape sequences in free text, dates far away, analyses given twice,
 * wording, and outputs written whole.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportHipcheckKeypoints } from "../core/movement/keypoints.schema.js";
import { syntheticRun } from "../core/movement/test-support/synthetic-runner.js";
import { ROOT, runCli } from "./test-support/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "hipcheck-robust-"));
const at = (name: string) => join(dir, name);
const SEED = "examples/seed-000-hip-weakness.json";
const ESC = "\u001b";

beforeAll(async () => {
  const rear = syntheticRun({ view: "rear", pelvicDropDeg: { left: 3, right: 9 } }).series;
  writeFileSync(at("run.json"), JSON.stringify(exportHipcheckKeypoints(rear)));
  const analysis = await runCli(["analyze", at("run.json"), "--json"]);
  writeFileSync(at("analysis.json"), analysis.stdout);
  writeFileSync(at("analysis-copy.json"), analysis.stdout);
  const locked = JSON.parse(await readFile("examples/red-flag-locked-knee.json", "utf8"));
  locked.symptoms.trauma.description = `twisted it ${ESC}]0;owned${ESC}\u0007${ESC}[2J on a trail`;
  writeFileSync(at("escape.json"), JSON.stringify(locked));
  writeFileSync(at("bom.json"), `\uFEFF${await readFile(SEED, "utf8")}`);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `hipcheck ARGS | READER` in a shell; returns hipcheck's exit status and stderr. */
function intoClosedPipe(args: string, reader: string): Promise<{ status: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      "bash",
      [
        "-c",
        `"${process.execPath}" --import tsx src/cli/main.ts ${args} | ${reader} > /dev/null; echo "\${PIPESTATUS[0]}"`,
      ],
      { cwd: ROOT },
      (_error, stdout, stderr) => resolve({ status: stdout.trim(), stderr }),
    );
  });
}

describe("a closed pipe", () => {
  it.each([
    [`plan ${SEED} --start 2026-12-01 --json`, "head -1"],
    ["schema assessment", "true"],
  ])("ends `hipcheck %s | %s` quietly", async (args, reader) => {
    const run = await intoClosedPipe(args, reader);
    expect(run.stderr).toBe("");
    expect(run.status).toBe("0");
  });
});

describe("input hygiene", () => {
  it("reads JSON that starts with a byte-order mark", async () => {
    const [withMark, without] = await Promise.all([
      runCli(["assess", at("bom.json")]),
      runCli(["assess", SEED]),
    ]);
    expect(withMark.code).toBe(0);
    expect(withMark.stdout).toBe(without.stdout);
  });

  it("shows escape sequences of free text as visible escapes, and keeps them in JSON", async () => {
    const text = await runCli(["assess", at("escape.json")]);
    expect(text.code).toBe(0);
    expect(text.stdout.replace(/\s+/g, " ")).toContain(
      "twisted it \\u001b]0;owned\\u001b\\u0007\\u001b[2J on a trail",
    );
    const json = await runCli(["assess", at("escape.json"), "--json"]);
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain(
      JSON.stringify(`twisted it ${ESC}]0;owned${ESC}\u0007${ESC}[2J on a trail`).slice(1, -1),
    );
  });
});

describe("notices for what is valid but probably wrong", () => {
  it("a --start years before the assessment", async () => {
    const run = await runCli(["plan", SEED, "--start", "2020-01-06"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      "hipcheck: note: --start 2020-01-06 is 6 years before the assessment (2026-11-20): check the date.",
    );
  });

  it("a --start long after the assessment", async () => {
    const run = await runCli(["plan", SEED, "--start", "2027-09-01", "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).format).toBe("hipcheck-plan");
    expect(run.stderr).toContain("9 months after the assessment (2026-11-20)");
  });

  it("training logs dated years away from the plan", async () => {
    const plan = await runCli(["plan", SEED, "--start", "2026-12-01", "--json"]);
    writeFileSync(at("plan.json"), plan.stdout);
    writeFileSync(
      at("old-logs.yaml"),
      "logs:\n  - { date: 2019-03-02, type: run, run: { level: 1, durationMin: 30, painDuring: 1 } }\n",
    );
    const run = await runCli(["progress", at("plan.json"), at("old-logs.yaml")]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      "1 dated before the plan starts (the earliest, 2019-03-02, 7 years before 2026-12-01)",
    );
  });

  it("--view side on a clip filmed from behind", async () => {
    const text = await runCli(["analyze", at("run.json"), "--view", "side"]);
    expect(text.stdout).toContain(
      "--view side was given, but the body's proportions look like a rear view",
    );
    const json = await runCli(["analyze", at("run.json"), "--view", "side", "--json"]);
    expect(json.stderr).toContain("hipcheck: note: --view side was given");
    expect(JSON.parse(json.stdout).notices).toHaveLength(1);
  });
});

describe("movement evidence added with --movement", () => {
  it("reads without a doubled word and counts signs in plain words", async () => {
    const run = await runCli(["assess", SEED, "--movement", at("analysis.json")]);
    expect(run.code).toBe(0);
    const flat = run.stdout.replace(/\s+/g, " ");
    expect(flat).not.toMatch(/threshold threshold/);
    expect(flat).toContain("(8.9 °; threshold 5.0° or 2.8° more than the other side");
    const few = await runCli([
      "assess",
      "examples/symptoms-only.json",
      "--movement",
      at("analysis.json"),
    ]);
    expect(few.stdout).not.toMatch(/\b0 of 1 signs?\b/);
    expect(few.stdout.replace(/\s+/g, " ")).toContain(
      "Overstriding UNLIKELY · confidence moderate — for: none; against: cadence (measured); not tested: overstride",
    );
  });

  it("counts a file given twice, or copied, once, and says so", async () => {
    const once = JSON.parse(
      (await runCli(["assess", SEED, "--movement", at("analysis.json"), "--json"])).stdout,
    );
    for (const second of [at("analysis.json"), at("analysis-copy.json")]) {
      const run = await runCli([
        "assess",
        SEED,
        "--movement",
        at("analysis.json"),
        second,
        "--json",
      ]);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).movement).toHaveLength(once.movement.length);
      expect(run.stderr).toMatch(
        /^hipcheck: note: .*(given twice to --movement|given more than once)/,
      );
    }
  });
});

describe("outputs written whole", () => {
  it("checks --illustrations before writing the .ics: a bad one leaves nothing written", async () => {
    const ics = at("never.ics");
    writeFileSync(at("figures-file"), "");
    const run = await runCli([
      "plan",
      SEED,
      "--start",
      "2026-12-01",
      "--ics",
      ics,
      "--illustrations",
      at("figures-file"),
    ]);
    expect(run.code).toBe(1);
    expect(existsSync(ics)).toBe(false);
  });

  it("replaces an earlier --out folder whole, and a failed run leaves it as it was", async () => {
    const out = at("out");
    mkdirSync(out);
    writeFileSync(join(out, "left-pelvic-drop.png"), "from an earlier run");
    const first = await runCli(["analyze", at("run.json"), "--out", out]);
    expect(first.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["analysis.json", "keypoints.json"]);
    expect(first.stdout).toContain(`Written to ${out}: keypoints.json, analysis.json`);
    const saved = await readFile(join(out, "analysis.json"), "utf8");
    writeFileSync(at("empty.json"), "{}");
    const failed = await runCli(["analyze", at("empty.json"), "--out", out]);
    expect(failed.code).toBe(1);
    expect(await readFile(join(out, "analysis.json"), "utf8")).toBe(saved);
    expect(readdirSync(dir).filter((name) => name.includes("out."))).toEqual([]);
  });
});
