import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const MAIN = new URL("../main.ts", import.meta.url).pathname;

/** Runs the real `hipcheck` command (from source, through tsx) and collects what it printed. */
export function runCli(args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", MAIN, ...args],
      { cwd: new URL("../../..", import.meta.url).pathname, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Writes a file into a fresh temporary folder and returns its path. */
export async function tempFile(name: string, content: string | Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "hipcheck-"));
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}
