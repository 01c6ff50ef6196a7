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
  // Files from devices and other systems.
  writeFileSync(
    at("truncated.fit"),
    (await readFile("examples/run-2026-11-14.fit")).subarray(0, 40),
  );
  writeFileSync(
    at("no-track.gpx"),
    '<?xml version="1.0"?><gpx version="1.1" creator="x"><metadata/></gpx>',
  );
  writeFileSync(
    at("no-force.csv"),
    "Test,Position,Method,Laterality,Repetition\nhip-abduction,supine,make,Left,1\n",
  );
  writeFileSync(
    at("comma-decimal.csv"),
    "Test;Position;Method;Laterality;Repetition;maxForceNewtons\nhip-abduction;supine;make;Left;1;212,5\n",
  );
  writeFileSync(
    at("misspelt-bundle.json"),
    JSON.stringify({
      resourceType: "Bundle",
      type: "collection",
      entry: [{ resource: { resourceType: "Observaton", status: "final" } }],
    }),
  );
}, 60_000);
afterAll(() => {
  chmodSync(at("openpose-locked"), 0o755);
  rmSync(dir, { recursive: true, force: true });
});

/** name, arguments, what the message must name (file, option or value), what it must say. */
type HostileCase = [
  name: string,
  args: string[],
  names: string,
  says?: string,
  as?: "unprivileged",
];

/** The command line itself: exit 2, the option and the value echoed. */
const commandLineCases: HostileCase[] = [
  ["no command", [], "say which command"],
  ["unknown command", ["frobnicate"], "frobnicate"],
  ["unknown option", ["assess", SEED, "--colour"], "--colour"],
  ["missing argument", ["assess"], "'file'"],
  ["too many arguments", ["assess", SEED, SEED], "assess"],
  ["--for someone", ["assess", SEED, "--for", "coach"], "'coach'"],
  ["schema foo", ["schema", "foo"], '"foo"'],
  ["--fps abc", ["analyze", at("run.json"), "--fps", "abc"], "'abc'"],
  ["--fps 0", ["analyze", at("run.json"), "--fps", "0"], "--fps <n>' argument '0'"],
  ["--view top", ["analyze", at("run.json"), "--view", "top"], "'top'"],
  ["--model huge", ["analyze", at("run.json"), "--model", "huge"], "'huge'"],
  ["--task swim", ["analyze", at("run.json"), "--task", "swim"], "'swim'"],
  ["--mp4 without --out", ["analyze", at("run.json"), "--mp4"], "--mp4 needs --out"],
  ["--start 2026-02-30", ["plan", SEED, "--start", "2026-02-30"], "'2026-02-30'"],
  [
    "--start 9999-12-01",
    ["plan", SEED, "--start", "9999-12-01"],
    "'9999-12-01'",
    "between 1900-01-01 and 2099-12-31",
  ],
  ["--weeks 3", ["plan", SEED, ...START, "--weeks", "3"], "--weeks <n>' argument '3'"],
  ["--minutes lots", ["plan", SEED, ...START, "--minutes", "lots"], "'lots'"],
  ["--equipment trampoline", ["plan", SEED, ...START, "--equipment", "trampoline"], '"trampoline"'],
  ["plan without --start", ["plan", SEED], "--start"],
  ["progress with one file", ["progress", at("logs.yaml")], "'logs'"],
  ["report --page a5", ["report", SEED, "--pdf", at("r.pdf"), "--page", "a5"], "'a5'"],
  ["report --for coach", ["report", SEED, "--pdf", at("r.pdf"), "--for", "coach"], "'coach'"],
  ["report without --pdf", ["report", SEED], "--pdf"],
  ["handout --page a5", ["handout", SEED, "--pdf", at("h.pdf"), "--page", "a5"], "'a5'"],
  ["fhir frobnicate", ["fhir", "frobnicate"], "frobnicate"],
  [
    "import-strength --format xml",
    ["import-strength", at("no-force.csv"), "--format", "xml"],
    "'xml'",
  ],
  [
    "import-strength --lever-arm 0",
    ["import-strength", at("no-force.csv"), "--lever-arm", "0"],
    "--lever-arm <cm>' argument '0'",
  ],
  [
    "a trace without its test",
    ["import-strength", at("no-force.csv"), "--format", "trace"],
    "--test",
  ],
  ["import-runs without a file", ["import-runs"], "'files'"],
];

/** Input files and destinations: exit 1 before any work, the file or the option and path named. */
const inputCases: HostileCase[] = [
  ["a missing file", ["assess", at("missing.json")], at("missing.json"), "no such file"],
  ["a folder", ["assess", at("a-folder.json")], at("a-folder.json"), "is a folder"],
  [
    "an unreadable file",
    ["assess", at("locked.json")],
    at("locked.json"),
    "permission denied",
    "unprivileged",
  ],
  ["binary data", ["assess", at("binary.json")], at("binary.json"), "binary"],
  ["a list, not an object", ["assess", at("list.json")], at("list.json"), "not a list"],
  ["broken JSON", ["assess", at("broken.json")], at("broken.json"), "not valid JSON"],
  ["broken YAML", ["assess", at("broken.yaml")], at("broken.yaml"), "(line 2, column 1)"],
  ["a YAML alias bomb", ["assess", at("bomb.yaml")], at("bomb.yaml"), "too many YAML aliases"],
  [
    "escape sequences in a field name",
    ["assess", at("escape.json")],
    "\\u001b]0;owned\\u001b\\u0007",
    "unknown field",
  ],
  [
    "assessedOn 0001-01-01",
    ["assess", at("ancient.json")],
    "assessedOn",
    "between 1900-01-01 and 2099-12-31",
  ],
  [
    "a movement file that is not an analysis",
    ["assess", SEED, "--movement", SEED],
    SEED,
    "no evidence list",
  ],
  ["a missing video", ["analyze", at("missing.mp4")], at("missing.mp4"), "does not exist"],
  [
    "a symbolic link loop",
    ["analyze", at("loop.json")],
    at("loop.json"),
    "too many symbolic links",
  ],
  [
    "a text file named .mp4",
    ["analyze", at("not-video.mp4")],
    at("not-video.mp4"),
    "cannot be read as a video",
  ],
  [
    "an unreadable OpenPose folder",
    ["analyze", at("openpose-locked"), "--fps", "30"],
    at("openpose-locked"),
    "permission denied",
    "unprivileged",
  ],
  [
    "COCO with 16 points a frame",
    ["analyze", at("coco-16.json"), "--fps", "30"],
    "[0–599].keypoints: 16 points (48 numbers), expected 17 points",
  ],
  [
    "a clip with nobody in it",
    ["analyze", at("nobody.json")],
    at("nobody.json"),
    "No person was found",
  ],
  [
    "a plan without its run settings",
    ["progress", at("plan-no-run-settings.json"), at("logs.yaml")],
    at("plan-no-run-settings.json"),
    "programme.runSettings",
  ],
  [
    "a plan with null sessions",
    ["progress", at("plan-null-sessions.json"), at("logs.yaml")],
    at("plan-null-sessions.json"),
    "programme.sessions[0]",
  ],
  [
    'a plan with pain.safeMax "three"',
    ["progress", at("plan-pain-three.json"), at("logs.yaml")],
    at("plan-pain-three.json"),
    "programme.runSettings.pain.safeMax",
  ],
  [
    "a plan with negative weeks",
    ["progress", at("plan-negative-weeks.json"), at("logs.yaml")],
    at("plan-negative-weeks.json"),
    "worseningWeeks",
  ],
  [
    "an empty training log",
    ["progress", at("plan-negative-weeks.json"), at("logs-empty.yaml")],
    "plan-negative-weeks.json",
  ],
  ["--out in /proc", ["analyze", at("run.json"), "--out", "/proc/x"], "--out /proc/x"],
  [
    "--out under a file",
    ["analyze", at("run.json"), "--out", at("a-file/out")],
    `--out ${at("a-file/out")}`,
    "a part of the path is a file",
  ],
  [
    "--out without permission",
    ["analyze", at("run.json"), "--out", at("read-only/out")],
    `--out ${at("read-only/out")}`,
    "permission denied",
    "unprivileged",
  ],
  ["--ics in /proc", ["plan", SEED, ...START, "--ics", "/proc/x/y.ics"], "--ics /proc/x/y.ics"],
  ["--ics on a folder", ["plan", SEED, ...START, "--ics", dir], `--ics ${dir}`, "it is a folder"],
  [
    "a truncated FIT file",
    ["import-runs", at("truncated.fit")],
    at("truncated.fit"),
    "truncated or damaged",
  ],
  [
    "a GPX file without a track",
    ["import-runs", at("no-track.gpx")],
    at("no-track.gpx"),
    "no track",
  ],
  ["a run file that is neither", ["import-runs", SEED], SEED, "expected a .fit or .gpx file"],
  [
    "a dynamometer CSV without a force column",
    ["import-strength", at("no-force.csv")],
    at("no-force.csv"),
    "missing column for force",
  ],
  [
    "a dynamometer CSV with comma decimals",
    ["import-strength", at("comma-decimal.csv")],
    at("comma-decimal.csv"),
    '"212,5" uses a comma as the decimal separator',
  ],
  [
    "a FHIR Bundle with a misspelt resource type",
    ["fhir", "import", at("misspelt-bundle.json")],
    at("misspelt-bundle.json"),
    "Bundle.entry[0].resource.resourceType",
  ],
  ["a FHIR file that is not a Bundle", ["fhir", "import", SEED], SEED, 'expected "Bundle"'],
  [
    "a handout from a file that is not a plan",
    ["handout", SEED, "--pdf", at("h.pdf")],
    SEED,
    "not a hipcheck plan",
  ],
  ["report --pdf on a folder", ["report", SEED, "--pdf", dir], `--pdf ${dir}`, "it is a folder"],
  ["report --pdf in /proc", ["report", SEED, "--pdf", "/proc/x/r.pdf"], "--pdf /proc/x/r.pdf"],
  [
    "report of a later assessment given first",
    ["report", "examples/seed-000-six-weeks-later.json", SEED, "--pdf", at("r.pdf")],
    "is dated after this one",
  ],
  [
    "export-strength --csv in /proc",
    ["export-strength", SEED, "--csv", "/proc/x.csv"],
    "--csv /proc/x.csv",
  ],
  [
    "--illustrations on a file",
    ["plan", SEED, ...START, "--illustrations", at("a-file")],
    `--illustrations ${at("a-file")}`,
    "it is a file, not a folder",
  ],
];

const cases = [
  ...commandLineCases.map((c) => ({ code: EXIT.usage, c })),
  ...inputCases.map((c) => ({ code: EXIT.input, c })),
].map(({ code, c: [name, args, names, says, as] }) => ({ name, args, code, names, says, as }));

describe.concurrent("every command over hostile inputs", () => {
  it.each(cases)(
    "$name: exit $code, nothing on stdout, one message naming it",
    async (c) => {
      const run = await runCli(c.args, c.as ? asUnprivileged : {});
      expect(run.code, run.stderr).toBe(c.code);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(/^hipcheck: /);
      // One message: a single "hipcheck:" report (its lines may list several problems).
      expect(run.stderr.match(/hipcheck:/g)).toHaveLength(1);
      expect(run.stderr).toContain(c.names);
      if (c.says) expect(run.stderr).toContain(c.says);
    },
    60_000,
  );
});
