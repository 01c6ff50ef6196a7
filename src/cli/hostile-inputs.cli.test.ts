/**
 * Every command of the real CLI over a table of hostile inputs: each must end with the
 * documented exit code, print nothing on stdout, and say in one message on stderr what is
 * wrong and with which input — no stack trace, no NaN, no raw control character (runCli
 * checks those three on every run).
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportHipcheckKeypoints } from "../core/movement/keypoints.schema.js";
import { syntheticRun } from "../core/movement/test-support/synthetic-runner.js";
import type { PlanFile } from "../core/program/plan-file.schema.js";
import { EXIT } from "./exit-codes.js";
import { runCli } from "./test-support/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "hipcheck-hostile-"));
const at = (name: string) => join(dir, name);
const SEED = "examples/seed-000-hip-weakness.json";
const START = ["--start", "2026-12-01"];
/** Root reads any file whatever its mode: unreadable inputs are tried as the nobody user then. */
const asUnprivileged = process.getuid?.() === 0 ? { uid: 65534 } : {};

const ESC = "\u001b";

beforeAll(async () => {
  // The folder must be open to the unprivileged user; single files inside are locked.
  chmodSync(dir, 0o755);
  const seed = JSON.parse(await readFile(SEED, "utf8"));
  const series = syntheticRun({ view: "rear" }).series;
  writeFileSync(at("run.json"), JSON.stringify(exportHipcheckKeypoints(series)));
  writeFileSync(
    at("bomb.yaml"),
    ["a: &a [x, x, x, x, x, x, x, x, x]"]
      .concat(
        ["b", "c", "d", "e", "f", "g"].map(
          (name, i) => `${name}: &${name} [${Array(9).fill(`*${"abcdef"[i]}`).join(", ")}]`,
        ),
      )
      .join("\n"),
  );
  writeFileSync(at("binary.json"), Buffer.from([0x7b, 0x00, 0x01, 0x02]));
  writeFileSync(at("list.json"), "[1, 2, 3]");
  writeFileSync(at("broken.json"), '{ "assessedOn": ');
  writeFileSync(at("broken.yaml"), "person: [unclosed\n");
  writeFileSync(
    at("escape.json"),
    JSON.stringify({ ...seed, [`${ESC}]0;owned${ESC}\u0007`]: true }),
  );
  writeFileSync(at("ancient.json"), JSON.stringify({ ...seed, assessedOn: "0001-01-01" }));
  writeFileSync(at("locked.json"), "{}");
  chmodSync(at("locked.json"), 0o000);
  mkdirSync(at("openpose-locked"));
  writeFileSync(at("openpose-locked/a_000000000000_keypoints.json"), "{}");
  chmodSync(at("openpose-locked"), 0o000);
  symlinkSync(at("loop.json"), at("loop.json"));
  mkdirSync(at("a-folder.json"));
  writeFileSync(at("not-video.mp4"), "shopping list");
  writeFileSync(
    at("coco-16.json"),
    JSON.stringify(
      Array.from({ length: 600 }, (_, i) => ({ image_id: i, keypoints: Array(48).fill(1) })),
    ),
  );
  const nobody = syntheticRun({ view: "rear" }).series;
  for (const track of Object.values(nobody.tracks)) track?.score.fill(0);
  writeFileSync(at("nobody.json"), JSON.stringify(exportHipcheckKeypoints(nobody)));
  writeFileSync(at("a-file"), "not a folder");
  mkdirSync(at("read-only"));
  chmodSync(at("read-only"), 0o555);
  // Plans edited by hand.
  const plan = JSON.parse((await runCli(["plan", SEED, ...START, "--json"])).stdout) as PlanFile;
  const edited = (name: string, change: (p: PlanFile) => void) => {
    const copy = structuredClone(plan);
    change(copy);
    writeFileSync(at(name), JSON.stringify(copy));
  };
  /** A value of the wrong type, as a hand edit can leave it. */
  const wrong = <T>(value: unknown) => value as T;
  edited("plan-no-run-settings.json", (p) => {
    delete (p.programme as Partial<PlanFile["programme"]>).runSettings;
  });
  edited("plan-null-sessions.json", (p) => {
    p.programme.sessions = wrong([null, null]);
  });
  edited("plan-pain-three.json", (p) => {
    p.programme.runSettings.pain.safeMax = wrong("three");
  });
  edited("plan-negative-weeks.json", (p) => {
    p.programme.runSettings.run.worseningWeeks = -2;
  });
  writeFileSync(
    at("logs.yaml"),
    "logs:\n  - { date: 2026-12-01, type: run, run: { level: 1, durationMin: 30, painDuring: 1 } }\n",
  );
  writeFileSync(at("logs-empty.yaml"), "logs: []\n");
}, 60_000);
afterAll(() => {
  chmodSync(at("openpose-locked"), 0o755);
  rmSync(dir, { recursive: true, force: true });
});

interface HostileCase {
  name: string;
  args: () => string[];
  code: number;
  /** The message must name this: the file, the option or the value given. */
  names: () => string;
  /** Also in the message: what is wrong. */
  says?: string;
  unprivileged?: boolean;
}

const cases: HostileCase[] = [
  // The command line itself: exit 2, the option and the value echoed.
  { name: "no command", args: () => [], code: EXIT.usage, names: () => "say which command" },
  {
    name: "unknown command",
    args: () => ["frobnicate"],
    code: EXIT.usage,
    names: () => "frobnicate",
  },
  {
    name: "unknown option",
    args: () => ["assess", SEED, "--colour"],
    code: EXIT.usage,
    names: () => "--colour",
  },
  { name: "missing argument", args: () => ["assess"], code: EXIT.usage, names: () => "'file'" },
  {
    name: "too many arguments",
    args: () => ["assess", SEED, SEED],
    code: EXIT.usage,
    names: () => "assess",
  },
  {
    name: "--for someone",
    args: () => ["assess", SEED, "--for", "coach"],
    code: EXIT.usage,
    names: () => "'coach'",
  },
  { name: "schema foo", args: () => ["schema", "foo"], code: EXIT.usage, names: () => '"foo"' },
  {
    name: "--fps abc",
    args: () => ["analyze", at("run.json"), "--fps", "abc"],
    code: EXIT.usage,
    names: () => "'abc'",
  },
  {
    name: "--fps 0",
    args: () => ["analyze", at("run.json"), "--fps", "0"],
    code: EXIT.usage,
    names: () => "--fps <n>' argument '0'",
  },
  {
    name: "--view top",
    args: () => ["analyze", at("run.json"), "--view", "top"],
    code: EXIT.usage,
    names: () => "'top'",
  },
  {
    name: "--model huge",
    args: () => ["analyze", at("run.json"), "--model", "huge"],
    code: EXIT.usage,
    names: () => "'huge'",
  },
  {
    name: "--task swim",
    args: () => ["analyze", at("run.json"), "--task", "swim"],
    code: EXIT.usage,
    names: () => "'swim'",
  },
  {
    name: "--mp4 without --out",
    args: () => ["analyze", at("run.json"), "--mp4"],
    code: EXIT.usage,
    names: () => "--mp4 needs --out",
  },
  {
    name: "--start 2026-02-30",
    args: () => ["plan", SEED, "--start", "2026-02-30"],
    code: EXIT.usage,
    names: () => "'2026-02-30'",
  },
  {
    name: "--start 9999-12-01",
    args: () => ["plan", SEED, "--start", "9999-12-01"],
    code: EXIT.usage,
    names: () => "'9999-12-01'",
    says: "between 1900-01-01 and 2099-12-31",
  },
  {
    name: "--weeks 3",
    args: () => ["plan", SEED, ...START, "--weeks", "3"],
    code: EXIT.usage,
    names: () => "--weeks <n>' argument '3'",
  },
  {
    name: "--minutes lots",
    args: () => ["plan", SEED, ...START, "--minutes", "lots"],
    code: EXIT.usage,
    names: () => "'lots'",
  },
  {
    name: "--equipment trampoline",
    args: () => ["plan", SEED, ...START, "--equipment", "trampoline"],
    code: EXIT.usage,
    names: () => '"trampoline"',
  },
  {
    name: "plan without --start",
    args: () => ["plan", SEED],
    code: EXIT.usage,
    names: () => "--start",
  },
  {
    name: "progress with one file",
    args: () => ["progress", at("logs.yaml")],
    code: EXIT.usage,
    names: () => "'logs'",
  },
  // Input files: exit 1, the file named.
  {
    name: "a missing file",
    args: () => ["assess", at("missing.json")],
    code: EXIT.input,
    names: () => at("missing.json"),
    says: "no such file",
  },
  {
    name: "a folder",
    args: () => ["assess", at("a-folder.json")],
    code: EXIT.input,
    names: () => at("a-folder.json"),
    says: "is a folder",
  },
  {
    name: "an unreadable file",
    args: () => ["assess", at("locked.json")],
    code: EXIT.input,
    names: () => at("locked.json"),
    says: "permission denied",
    unprivileged: true,
  },
  {
    name: "binary data",
    args: () => ["assess", at("binary.json")],
    code: EXIT.input,
    names: () => at("binary.json"),
    says: "binary",
  },
  {
    name: "a list, not an object",
    args: () => ["assess", at("list.json")],
    code: EXIT.input,
    names: () => at("list.json"),
    says: "not a list",
  },
  {
    name: "broken JSON",
    args: () => ["assess", at("broken.json")],
    code: EXIT.input,
    names: () => at("broken.json"),
    says: "not valid JSON",
  },
  {
    name: "broken YAML",
    args: () => ["assess", at("broken.yaml")],
    code: EXIT.input,
    names: () => at("broken.yaml"),
    says: "(line 2, column 1)",
  },
  {
    name: "a YAML alias bomb",
    args: () => ["assess", at("bomb.yaml")],
    code: EXIT.input,
    names: () => at("bomb.yaml"),
    says: "too many YAML aliases",
  },
  {
    name: "escape sequences in a field name",
    args: () => ["assess", at("escape.json")],
    code: EXIT.input,
    names: () => "\\u001b]0;owned\\u001b\\u0007",
    says: "unknown field",
  },
  {
    name: "assessedOn 0001-01-01",
    args: () => ["assess", at("ancient.json")],
    code: EXIT.input,
    names: () => "assessedOn",
    says: "between 1900-01-01 and 2099-12-31",
  },
  {
    name: "a movement file that is not an analysis",
    args: () => ["assess", SEED, "--movement", SEED],
    code: EXIT.input,
    names: () => SEED,
    says: "no evidence list",
  },
  {
    name: "a missing video",
    args: () => ["analyze", at("missing.mp4")],
    code: EXIT.input,
    names: () => at("missing.mp4"),
    says: "does not exist",
  },
  {
    name: "a symbolic link loop",
    args: () => ["analyze", at("loop.json")],
    code: EXIT.input,
    names: () => at("loop.json"),
    says: "too many symbolic links",
  },
  {
    name: "a text file named .mp4",
    args: () => ["analyze", at("not-video.mp4")],
    code: EXIT.input,
    names: () => at("not-video.mp4"),
    says: "cannot be read as a video",
  },
  {
    name: "an unreadable OpenPose folder",
    args: () => ["analyze", at("openpose-locked"), "--fps", "30"],
    code: EXIT.input,
    names: () => at("openpose-locked"),
    says: "permission denied",
    unprivileged: true,
  },
  {
    name: "COCO with 16 points a frame",
    args: () => ["analyze", at("coco-16.json"), "--fps", "30"],
    code: EXIT.input,
    names: () => "[0–599].keypoints: 16 points (48 numbers), expected 17 points",
  },
  {
    name: "a clip with nobody in it",
    args: () => ["analyze", at("nobody.json")],
    code: EXIT.input,
    names: () => at("nobody.json"),
    says: "No person was found",
  },
  {
    name: "a plan without its run settings",
    args: () => ["progress", at("plan-no-run-settings.json"), at("logs.yaml")],
    code: EXIT.input,
    names: () => at("plan-no-run-settings.json"),
    says: "programme.runSettings",
  },
  {
    name: "a plan with null sessions",
    args: () => ["progress", at("plan-null-sessions.json"), at("logs.yaml")],
    code: EXIT.input,
    names: () => at("plan-null-sessions.json"),
    says: "programme.sessions[0]",
  },
  {
    name: 'a plan with pain.safeMax "three"',
    args: () => ["progress", at("plan-pain-three.json"), at("logs.yaml")],
    code: EXIT.input,
    names: () => at("plan-pain-three.json"),
    says: "programme.runSettings.pain.safeMax",
  },
  {
    name: "a plan with negative weeks",
    args: () => ["progress", at("plan-negative-weeks.json"), at("logs.yaml")],
    code: EXIT.input,
    names: () => at("plan-negative-weeks.json"),
    says: "worseningWeeks",
  },
  {
    name: "an empty training log",
    args: () => [
      "progress",
      at("plan-pain-three.json").replace("plan-pain-three", "plan-negative-weeks"),
      at("logs-empty.yaml"),
    ],
    code: EXIT.input,
    names: () => "plan-negative-weeks.json",
  },
  // Destinations: exit 1 at once, before any work, the option and the path named.
  {
    name: "--out in /proc",
    args: () => ["analyze", at("run.json"), "--out", "/proc/x"],
    code: EXIT.input,
    names: () => "--out /proc/x",
  },
  {
    name: "--out under a file",
    args: () => ["analyze", at("run.json"), "--out", at("a-file/out")],
    code: EXIT.input,
    names: () => `--out ${at("a-file/out")}`,
    says: "a part of the path is a file",
  },
  {
    name: "--out without permission",
    args: () => ["analyze", at("run.json"), "--out", at("read-only/out")],
    code: EXIT.input,
    names: () => `--out ${at("read-only/out")}`,
    says: "permission denied",
    unprivileged: true,
  },
  {
    name: "--ics in /proc",
    args: () => ["plan", SEED, ...START, "--ics", "/proc/x/y.ics"],
    code: EXIT.input,
    names: () => "--ics /proc/x/y.ics",
  },
  {
    name: "--ics on a folder",
    args: () => ["plan", SEED, ...START, "--ics", dir],
    code: EXIT.input,
    names: () => `--ics ${dir}`,
    says: "it is a folder",
  },
  {
    name: "--illustrations on a file",
    args: () => ["plan", SEED, ...START, "--illustrations", at("a-file")],
    code: EXIT.input,
    names: () => `--illustrations ${at("a-file")}`,
    says: "it is a file, not a folder",
  },
];

describe.concurrent("every command over hostile inputs", () => {
  it.each(cases)(
    "$name: exit $code, nothing on stdout, one message naming it",
    async (c) => {
      const run = await runCli(c.args(), c.unprivileged ? asUnprivileged : {});
      expect(run.code, run.stderr).toBe(c.code);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(/^hipcheck: /);
      // One message: a single "hipcheck:" report (its lines may list several problems).
      expect(run.stderr.match(/hipcheck:/g)).toHaveLength(1);
      expect(run.stderr).toContain(c.names());
      if (c.says) expect(run.stderr).toContain(c.says);
    },
    60_000,
  );
});
