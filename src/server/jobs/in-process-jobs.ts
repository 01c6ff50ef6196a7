import { EventEmitter } from "node:events";
import type { Kysely, Transaction } from "kysely";
import { unfinishedAnalyses } from "../../store/analyses.repository.js";
import type { Database } from "../../store/schema.types.js";
import type { AnalysisJobs, JobUpdate } from "./analysis-jobs.js";
import { type RunOptions, runAnalysis } from "./run-analysis.js";

/**
 * Video analyses in this process, one at a time, each spreading pose estimation over the worker
 * pool (one thread per core). Progress goes to listeners (server-sent events) and, once a second,
 * to the database. Closing waits for the job in flight; the next start takes up what was left.
 */
export class InProcessJobs implements AnalysisJobs {
  readonly #events = new EventEmitter();
  #queue: string[] = [];
  #running: Promise<void> | undefined;
  #closed = false;

  private constructor(
    private readonly db: Kysely<Database>,
    private readonly options: Omit<RunOptions, "onUpdate" | "onStart">,
  ) {
    this.#events.setMaxListeners(0);
  }

  /** The jobs, with the analyses a stop cut short (queued or running) queued again. */
  static async open(
    db: Kysely<Database>,
    options: Omit<RunOptions, "onUpdate" | "onStart">,
  ): Promise<InProcessJobs> {
    const jobs = new InProcessJobs(db, options);
    for (const row of await unfinishedAnalyses(db)) jobs.#push(row.id);
    return jobs;
  }

  async enqueue(
    analysisId: string,
    insert: (trx: Transaction<Database>) => Promise<void>,
  ): Promise<void> {
    await this.db.transaction().execute(insert);
    this.#push(analysisId);
  }

  subscribe(analysisId: string, listener: (update: JobUpdate) => void): () => void {
    this.#events.on(analysisId, listener);
    return () => this.#events.off(analysisId, listener);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#queue = [];
    await this.#running;
  }

  #push(analysisId: string): void {
    this.#queue.push(analysisId);
    this.#next();
  }

  #next(): void {
    if (this.#running || this.#closed) return;
    const id = this.#queue.shift();
    if (!id) return;
    this.#running = runAnalysis(this.db, id, {
      ...this.options,
      onUpdate: (update) => this.#events.emit(id, update),
    })
      // A database failure leaves the analysis queued or running: the next start takes it up.
      .then(
        () => {},
        () => {},
      )
      .finally(() => {
        this.#running = undefined;
        this.#next();
      });
  }
}
