/**
 * A pool of pose-estimation worker threads, so that every core runs the model. Jobs go to
 * the least busy worker; answers come back by job id.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { RawPoint } from "../core/movement/keypoints.types.js";
import type { PoseModelKind } from "./model-files.js";
import { defaultBackend, type PoseBackend } from "./pose-network.js";
import type { PoseJob, PoseWorkerData } from "./pose-worker.js";

export interface PoseResult {
  id: number;
  points: RawPoint[];
  /** The most likely other person outside the followed one's body box, when the job asked. */
  others?: RawPoint[];
  /** The frame buffer, handed back for reuse. */
  pixels: Uint8Array;
}

export interface PosePool {
  size: number;
  backend: PoseBackend;
  /** Sends a frame; resolves with its points. */
  run(job: PoseJob): Promise<PoseResult>;
  close(): Promise<void>;
}

type Message =
  | { type: "ready" }
  | { type: "error"; message: string }
  | { type: "failed"; id: number; message: string }
  | ({ type: "result" } & PoseResult);

const fromSource = import.meta.url.endsWith(".ts");

/** The worker script next to this module (.ts when run from source, .js when built). */
function workerUrl(): URL {
  return new URL(`./pose-worker.${fromSource ? "ts" : "js"}`, import.meta.url);
}

/**
 * Node's flags for a built (JavaScript) worker: those of this process without tsx's loader,
 * which a process started through tsx would otherwise hand down to each worker, costing it
 * startup time and CPU for TypeScript it does not need.
 */
function withoutTsx(flags: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < flags.length; i++) {
    const flag = flags[i] ?? "";
    const value = flags[i + 1] ?? "";
    if ((flag === "--require" || flag === "--import") && /[\\/]tsx[\\/]/.test(value)) {
      i++;
      continue;
    }
    kept.push(flag);
  }
  return kept;
}

/**
 * Starts `size` workers (default: one per core) each loading the model on `backend`; resolves
 * when all are ready. Without a backend asked for, ONNX Runtime where the model has an ONNX
 * file, and TF.js when ONNX Runtime cannot start (say, no native build for this platform).
 */
export async function createPosePool(
  kind: PoseModelKind,
  options: { size?: number; backend?: PoseBackend } = {},
): Promise<PosePool> {
  const size = options.size ?? availableParallelism();
  const backend = options.backend ?? defaultBackend(kind);
  try {
    return await startPool(kind, size, backend);
  } catch (error) {
    if (options.backend || backend === "tfjs") throw error;
    return startPool(kind, size, "tfjs");
  }
}

async function startPool(
  kind: PoseModelKind,
  size: number,
  backend: PoseBackend,
): Promise<PosePool> {
  const workerData: PoseWorkerData = { kind, backend };
  const workers: Worker[] = [];
  const busy: number[] = [];
  const waiting = new Map<
    number,
    { resolve: (r: PoseResult) => void; reject: (e: Error) => void; worker: number }
  >();
  const ready: Promise<void>[] = [];
  for (let w = 0; w < size; w++) {
    // Run from source (scripts), the worker first registers tsx so that it can load TypeScript.
    const worker = fromSource
      ? new Worker(
          `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl().href)}); });`,
          { eval: true, workerData },
        )
      : new Worker(workerUrl(), { workerData, execArgv: withoutTsx(process.execArgv) });
    workers.push(worker);
    busy.push(0);
    ready.push(
      new Promise<void>((resolve, reject) => {
        worker.on("message", (message: Message) => {
          if (message.type === "ready") resolve();
          else if (message.type === "error") reject(new Error(message.message));
          else {
            const entry = waiting.get(message.id);
            if (!entry) return;
            waiting.delete(message.id);
            busy[entry.worker] = (busy[entry.worker] ?? 1) - 1;
            if (message.type === "failed") entry.reject(new Error(message.message));
            else entry.resolve(message);
          }
        });
        worker.on("error", (error) => {
          reject(error);
          for (const [id, entry] of waiting) {
            if (entry.worker === w) {
              waiting.delete(id);
              entry.reject(error);
            }
          }
        });
      }),
    );
  }
  try {
    await Promise.all(ready);
  } catch (error) {
    await Promise.all(workers.map((worker) => worker.terminate()));
    throw error;
  }
  return {
    size,
    backend,
    run(job) {
      let pick = 0;
      for (let w = 1; w < size; w++) if ((busy[w] ?? 0) < (busy[pick] ?? 0)) pick = w;
      busy[pick] = (busy[pick] ?? 0) + 1;
      return new Promise<PoseResult>((resolve, reject) => {
        waiting.set(job.id, { resolve, reject, worker: pick });
        workers[pick]?.postMessage(job, [job.pixels.buffer as ArrayBuffer]);
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
