/**
 * Every example in the README, run as written: the shell commands in a fresh folder (as a new
 * user would, with the bundled examples beside them), the shown terminal sessions compared
 * with what the command prints, and every YAML or JSON input fragment read by hipcheck.
 */
import { execFile } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { assess } from "../core/assessment/assess.js";
import { parseWith } from "../core/errors.js";
import { prescribedExerciseSchema } from "../core/exercises/exercise.schema.js";
import { isExerciseId } from "../core/exercises/library.js";
import { importHipcheckKeypoints } from "../core/movement/keypoints.schema.js";
import { parseLogs } from "../core/running/logs.schema.js";
import { expectCleanOutput, ROOT } from "./test-support/run-cli.js";

const README = readFileSync(join(ROOT, "README.md"), "utf8");

interface Block {
  lang: string;
  body: string;
  /** Line of the README where the block starts, for the test's name. */
  line: number;
}

const blocks: Block[] = [...README.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({
  lang: m[1] ?? "",
  body: m[2] ?? "",
  line: README.slice(0, m.index).split("\n").length,
}));

/** A folder like a new user's: the bundled examples, and `npx hipcheck` running this source. */
function userFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), "hipcheck-readme-"));
  symlinkSync(join(ROOT, "examples"), join(folder, "examples"));
  const loader = import.meta.resolve("tsx");
  const main = join(ROOT, "src/cli/main.ts");
  mkdirSync(join(folder, "bin"));
  const npx = join(folder, "bin", "npx");
  writeFileSync(
    npx,
    `#!/bin/sh\n[ "$1" = hipcheck ] || exit 127\nshift\nexec "${process.execPath}" --import ${loader} ${main} "$@"\n`,
  );
  chmodSync(npx, 0o755);
  return folder;
}

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** Runs shell text in a user's folder; resolves with what it printed and its exit code. */
function shell(
  script: string,
  folder: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      "bash",
      ["-e", "-c", script],
      { cwd: folder, env: { ...process.env, PATH: `${join(folder, "bin")}:${process.env.PATH}` } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const flat = (text: string) => text.replace(/\s+/g, " ").trim();

describe("README examples", () => {
  const commands = blocks.filter((b) => b.lang === "sh" && /^npx hipcheck /m.test(b.body));
  it.each(commands)(
    "shell commands at line $line run as written",
    async (block) => {
      const folder = userFolder();
      folders.push(folder);
      const run = await shell(block.body, folder);
      expectCleanOutput(run);
      expect(run.code, run.stderr).toBe(0);
    },
    120_000,
  );

  const sessions = blocks.filter((b) => b.lang === "text" && b.body.startsWith("$ npx hipcheck "));
  it.each(sessions)(
    "the terminal session at line $line prints what it shows",
    async (block) => {
      const folder = userFolder();
      folders.push(folder);
      const [command = "", ...shown] = block.body.trimEnd().split("\n");
      if (command.includes("bad.json")) {
        // The file of the example: a seed with the two mistakes it reports.
        const seed = JSON.parse(
          readFileSync(join(ROOT, "examples/seed-000-hip-weakness.json"), "utf8"),
        );
        seed.person.bodyMass = 700;
        seed.strength.tests[0].trials[0] = -1;
        writeFileSync(join(folder, "bad.json"), JSON.stringify(seed));
      }
      const run = await shell(command.slice(2), folder);
      expectCleanOutput(run);
      const printed = flat(run.stdout + run.stderr);
      // "…" stands for text left out: each piece between them must be printed as shown.
      for (const piece of flat(shown.join("\n"))
        .split("…")
        .map((p) => p.trim())) {
        if (piece) expect(printed).toContain(piece);
      }
    },
    120_000,
  );

  const yamlInputs = blocks.filter((b) => b.lang === "yaml");
  const base = JSON.parse(readFileSync(join(ROOT, "examples/symptoms-only.json"), "utf8"));
  it.each(yamlInputs)("the YAML at line $line is read without an error", (block) => {
    const data = parseYaml(block.body) as Record<string, unknown>;
    if ("logs" in data) {
      expect(parseLogs(data, { isKnownExercise: isExerciseId }).length).toBeGreaterThan(0);
    } else if ("exercises" in data) {
      for (const line of data.exercises as unknown[])
        parseWith(prescribedExerciseSchema, line, "prescription");
    } else {
      // A section of an assessment file: it must fit into one as written.
      const result = assess({ ...base, ...data });
      expect(result.rulesVersion).toBeTruthy();
    }
  });

  const jsonInputs = blocks.filter((b) => b.lang === "json");
  it.each(jsonInputs)("the JSON at line $line is read without an error", (block) => {
    expect(importHipcheckKeypoints(JSON.parse(block.body)).t.length).toBeGreaterThan(0);
  });
});

describe("outputs written in the project folder", () => {
  it("are not checked by the format check (npm run check stays green)", async () => {
    const name = `plan-${process.pid}`;
    const plan = join(ROOT, `${name}.json`);
    const figures = join(ROOT, `${name}-figures`);
    try {
      const made = await shell(
        `npx hipcheck plan examples/seed-000-hip-weakness.json --start 2026-12-01 --illustrations ${figures} --json > ${plan}`,
        userFolder(),
      );
      expect(made.code).toBe(0);
      writeFileSync(join(ROOT, `${name}-analysis.json`), '{"unformatted":   [1,2,\n3]}');
      const check = await shell(
        `${join(ROOT, "node_modules/.bin/biome")} check ${plan} ${figures} ${name}-analysis.json 2>&1 || true`,
        ROOT,
      );
      expect(check.stdout).toContain("These paths were provided but ignored");
      expect(check.stdout).not.toMatch(/Formatter would have printed|lint\//);
    } finally {
      for (const path of [plan, figures, join(ROOT, `${name}-analysis.json`)])
        rmSync(path, { recursive: true, force: true });
    }
  }, 120_000);
});
