import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const MAIN = new URL("../main.ts", import.meta.url).pathname;

/** The project's root folder, where the README's commands run. */
export const ROOT = new URL("../../..", import.meta.url).pathname;

/** What no output of hipcheck may hold: a number that is not one, a value that is not there. */
const BROKEN_VALUE = /\bNaN\b|\bundefined\b|\[object Object\]/;
/** The first control character other than newline and tab, if any. */
function rawControl(text: string): string | undefined {
  for (const char of text) {
    const code = char.charCodeAt(0);
    if ((code < 0x20 && code !== 0x0a && code !== 0x09) || (code >= 0x7f && code <= 0x9f))
      return `U+${code.toString(16).padStart(4, "0")}`;
  }
  return undefined;
}
const STACK_TRACE = /\n\s+at .+[:(]\d+/;

/**
 * Checks what every run of the command must satisfy, whatever its input: no NaN, undefined or
 * [object Object], no raw control character, no stack trace.
 */
export function expectCleanOutput(run: CliRun): void {
  for (const [name, text] of [
    ["stdout", run.stdout],
    ["stderr", run.stderr],
  ] as const) {
    expect(text, `${name} shows a broken value`).not.toMatch(BROKEN_VALUE);
    expect(rawControl(text), `${name} holds a raw control character`).toBeUndefined();
    expect(text, `${name} shows a stack trace`).not.toMatch(STACK_TRACE);
  }
}

export interface RunOptions {
  /** Run as this user id (root only: to make a file unreadable, which root can always read). */
  uid?: number;
  cwd?: string;
  /** Variables set (or, as "", cleared) on top of this process's environment. */
  env?: Record<string, string>;
}

/**
 * Runs the real `hipcheck` command (from source, through tsx) and collects what it printed.
 * Every run is checked with expectCleanOutput.
 */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", MAIN, ...args],
      {
        cwd: options.cwd ?? ROOT,
        ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
        maxBuffer: 64 * 1024 * 1024,
        ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        const run = { code, stdout, stderr };
        try {
          expectCleanOutput(run);
          resolve(run);
        } catch (failure) {
          reject(failure);
        }
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
