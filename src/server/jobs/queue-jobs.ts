import type { Kysely, Transaction } from "kysely";
import type PgBoss from "pg-boss";
import { DomainError } from "../../core/errors.js";
import { unfinishedAnalyses } from "../../store/analyses.repository.js";
import { analysisProgress } from "../../store/analysis-runs.repository.js";
import type { Store } from "../../store/database.js";
import type { Database } from "../../store/schema.types.js";
import type { AnalysisJobs, JobUpdate } from "./analysis-jobs.js";
import { type QueueSettings, sendAnalysisJob, startBoss } from "./pg-boss.js";

/**
 * How often a progress stream reads the stored progress. Polling, rather than LISTEN/NOTIFY:
 * any server answers any stream with nothing but its pool (no connection held per server, none
 * lost to a pooler or a reconnect, no missed notice), for one primary-key read a second.
 */
const POLL_MS = 1000;

/**
 * The server's side of the queue (`HIPCHECK_JOBS=queue`): analyses are queued in pg-boss, in
 * the transaction that saves them, and `hipcheck worker` processes run them; progress streams
 * read what the workers store, so any server answers for any analysis.
 */
export class QueueJobs implements AnalysisJobs {
  readonly #polls = new Set<() => void>();

  private constructor(
    private readonly db: Kysely<Database>,
    private readonly boss: PgBoss,
    private readonly settings: QueueSettings,
  ) {}

  /**
   * Starts pg-boss, and queues again any unfinished analysis without a job (one queued in-process
   * before the switch to `queue`, or one no worker took before pg-boss dropped its job).
   */
  static async open(
    store: Store,
    settings: QueueSettings,
    onError: (error: Error) => void,
  ): Promise<QueueJobs> {
    if (store.kind !== "postgres")
      throw new DomainError(
        "HIPCHECK_JOBS=queue needs DATABASE_URL: the queue is in the PostgreSQL server that the servers and workers share",
      );
    const boss = await startBoss({ db: store.db, settings, supervise: false, onError });
    for (const row of await unfinishedAnalyses(store.db))
      await sendAnalysisJob(boss, store.db, row.id, settings);
    return new QueueJobs(store.db, boss, settings);
  }

  async enqueue(
    analysisId: string,
    insert: (trx: Transaction<Database>) => Promise<void>,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await insert(trx);
      await sendAnalysisJob(this.boss, trx, analysisId, this.settings);
    });
  }

  subscribe(analysisId: string, listener: (update: JobUpdate) => void): () => void {
    let last = "";
    let timer: NodeJS.Timeout | undefined;
    const stop = () => {
      clearTimeout(timer);
      this.#polls.delete(stop);
    };
    const poll = async () => {
      try {
        const row = await analysisProgress(this.db, analysisId);
        const update: JobUpdate = row
          ? {
              status: row.status,
              progress: row.progress,
              ...(row.error ? { error: row.error } : {}),
            }
          : { status: "failed", progress: 0, error: "the analysis was deleted" };
        const seen = JSON.stringify(update);
        if (seen !== last) {
          last = seen;
          listener(update);
        }
        if (update.status === "done" || update.status === "failed") return stop();
      } catch {
        // The database did not answer this time: the next read may.
      }
      if (this.#polls.has(stop)) timer = setTimeout(poll, POLL_MS);
    };
    this.#polls.add(stop);
    timer = setTimeout(poll, POLL_MS);
    return stop;
  }

  async close(): Promise<void> {
    for (const stop of this.#polls) stop();
    await this.boss.stop({ graceful: false, close: false });
  }
}
