import { join } from "node:path";
import type { Transaction } from "kysely";
import type { Database } from "../../store/schema.types.js";

/** What the client sees of a job while it runs. */
export interface JobUpdate {
  status: "queued" | "running" | "done" | "failed";
  progress: number;
  error?: string;
}

/**
 * Where video analyses run, chosen by `HIPCHECK_JOBS`: in this process (`in-process`, the
 * default, PGlite or PostgreSQL), or by `hipcheck worker` processes that take them from a
 * pg-boss queue in PostgreSQL (`queue`). The server only queues jobs and streams progress.
 */
export interface AnalysisJobs {
  /**
   * Saves a new analysis with `insert` and queues its job; where the queue is in the database,
   * both in one transaction, so no analysis waits for a job that was never queued.
   */
  enqueue(analysisId: string, insert: (trx: Transaction<Database>) => Promise<void>): Promise<void>;
  /** Calls `listener` on every update of the analysis until it is done or failed; returns an unsubscribe. */
  subscribe(analysisId: string, listener: (update: JobUpdate) => void): () => void;
  /** Stops taking jobs and lets the one in flight finish (graceful shutdown). */
  close(): Promise<void>;
}

/** Where an analysis keeps its upload and pictures: one folder per runner, then per analysis. */
export function analysisDir(filesDir: string, runnerId: string, analysisId: string): string {
  return join(filesDir, runnerId, analysisId);
}
