import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";

/** A `hipcheck serve` process, started from the sources, for tests that kill or stop it. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | string>;
}

/** A `hipcheck worker` process: what it printed so far, and its end. */
export interface WorkerProcess {
  child: ChildProcess;
  exited: Promise<number | string>;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
}

const MAIN = new URL("../../cli/main.ts", import.meta.url).pathname;

/** Starts `hipcheck ARGS` and resolves once its output matches `ready` (rejects if it exits first). */
async function startCli(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<{
  child: ChildProcess;
  exited: Promise<number | string>;
  output: () => string;
  match: RegExpExecArray;
}> {
  const child = spawn(process.execPath, ["--import", "tsx", MAIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = once(child, "exit").then(([code, signal]) => (code ?? signal) as number | string);
  let output = "";
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = ready.exec(output);
      if (found) resolve(found);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    exited.then((code) =>
      reject(new Error(`hipcheck ${args[0]} exited (${code}) before it was ready:\n${output}`)),
    );
  });
  return { child, exited, output: () => output, match };
}

export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const { child, exited, match } = await startCli(
    ["serve", "--port", "0"],
    env,
    /serving (http:\/\/\S+)/,
  );
  return { url: match[1]!, child, exited };
}

export async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const { child, exited, output } = await startCli(["worker"], env, /waiting for video analyses/);
  return { child, exited, output };
}
