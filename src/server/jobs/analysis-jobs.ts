import { EventEmitter } from "node:events";
import { rm } from "node:fs/promises";
import { basename, join } from "node:path";
import type { Kysely } from "kysely";
import { sql } from "kysely";
import { InputError } from "../../core/errors.js";
import type { CameraView } from "../../core/movement/keypoints.types.js";
import type { Database } from "../../store/schema.types.js";
import type { MovementTaskKind } from "../../vision/analyze-input.js";
import { VideoError } from "../../vision/ffmpeg.js";

/** What the client sees of a job while it runs. */
export interface JobUpdate {
  status: "queued" | "running" | "done" | "failed";
  progress: number;
  error?: string;
}

export interface AnalysisJob {
  id: string;
  video: string;
  dir: string;
  task: MovementTaskKind;
  view?: CameraView;
}

/**
 * Video analyses, one at a time, each spreading pose estimation over the worker pool (one
 * worker per core). Progress goes to listeners (server-sent events) and, coarsely, to the
 * database. Closing waits for the job in flight.
 */
export class AnalysisJobs {
  readonly #events = new EventEmitter();
  #queue: AnalysisJob[] = [];
  #running: Promise<void> | undefined;
  #closed = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: { workers: number; deleteVideos: boolean },
  ) {
    this.#events.setMaxListeners(0);
  }

  enqueue(job: AnalysisJob): void {
    this.#queue.push(job);
    this.#next();
  }

  /** Calls `listener` on every update of the job until it is done or failed; returns an unsubscribe. */
  subscribe(id: string, listener: (update: JobUpdate) => void): () => void {
    this.#events.on(id, listener);
    return () => this.#events.off(id, listener);
  }

  /** Stops taking jobs and waits for the one in flight (graceful shutdown). */
  async close(): Promise<void> {
    this.#closed = true;
    this.#queue = [];
    await this.#running;
  }

  #next(): void {
    if (this.#running || this.#closed) return;
    const job = this.#queue.shift();
    if (!job) return;
    this.#running = this.#run(job).finally(() => {
      this.#running = undefined;
      this.#next();
    });
  }

  async #run(job: AnalysisJob): Promise<void> {
    const emit = (update: JobUpdate) => this.#events.emit(job.id, update);
    await this.#save(job.id, { status: "running", progress: 0 });
    emit({ status: "running", progress: 0 });
    let saved = 0;
    try {
      // Loaded on the first job: pose estimation's modules would add a second to every start.
      const { analyzeInput } = await import("../../vision/analyze-input.js");
      const result = await analyzeInput(job.video, {
        task: job.task,
        out: job.dir,
        workers: this.options.workers,
        ...(job.view ? { view: job.view } : {}),
        onProgress: (done, total) => {
          const progress = total > 0 ? Math.min(0.99, done / total) : 0;
          emit({ status: "running", progress });
          if (progress - saved >= 0.1) {
            saved = progress;
            void this.#save(job.id, { status: "running", progress });
          }
        },
      });
      const pictures = result.files.filter((f) => f.endsWith(".png")).map((f) => basename(f));
      const { input: _input, files: _files, ...measurements } = result;
      await this.db
        .updateTable("movement_analyses")
        .set({
          status: "done",
          progress: 1,
          measurements: JSON.stringify(measurements),
          files: JSON.stringify(pictures),
          finished_at: sql<Date>`now()`,
        })
        .where("id", "=", job.id)
        .execute();
      if (this.options.deleteVideos) await rm(job.video, { force: true });
      emit({ status: "done", progress: 1 });
    } catch (error) {
      // The message of a video or input problem is for the user; anything else stays generic.
      const message =
        error instanceof VideoError || error instanceof InputError
          ? error.message
          : "the analysis failed on the server; try again or upload another video";
      await this.#save(job.id, { status: "failed", progress: 0, error: message });
      emit({ status: "failed", progress: 0, error: message });
    }
  }

  async #save(id: string, update: JobUpdate): Promise<void> {
    await this.db
      .updateTable("movement_analyses")
      .set({
        status: update.status,
        progress: update.progress,
        error: update.error ?? null,
        ...(update.status === "failed" ? { finished_at: sql<Date>`now()` } : {}),
      })
      .where("id", "=", id)
      .execute();
  }
}

/** Where an analysis keeps its upload and pictures: one folder per runner, then per analysis. */
export function analysisDir(filesDir: string, runnerId: string, analysisId: string): string {
  return join(filesDir, runnerId, analysisId);
}
