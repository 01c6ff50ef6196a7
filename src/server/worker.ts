import { availableParallelism } from "node:os";
import { DomainError } from "../core/errors.js";
import { openStore, type StoreConfig } from "../store/database.js";
import type { ServerConfig } from "./config.js";
import { startAnalysisWorker } from "./jobs/queue-worker.js";
import { closeOnSignals } from "./shutdown.js";

export interface RunningWorker {
  /** Stops as SIGTERM does: the analysis in flight finishes within the grace time or is handed back. */
  close(): Promise<void>;
}

/**
 * `hipcheck worker`: opens the PostgreSQL store (migrating it), takes video analyses from the
 * pg-boss queue and runs them until SIGTERM or SIGINT, which stop it gracefully.
 */
export async function runWorker(options: {
  store: StoreConfig;
  config: ServerConfig;
  print: (line: string) => void;
}): Promise<RunningWorker> {
  if (options.store.kind !== "postgres")
    throw new DomainError(
      "hipcheck worker needs DATABASE_URL: it takes its jobs from the PostgreSQL server the API servers use (set HIPCHECK_JOBS=queue on them)",
    );
  const { config, print } = options;
  const store = await openStore(options.store);
  const threads = config.workers || availableParallelism();
  const worker = await startAnalysisWorker({
    db: store.db,
    settings: config.queue,
    run: { workers: threads, deleteVideos: config.deleteVideos, filesDir: config.filesDir },
    graceSeconds: config.workerGraceSeconds,
    print: (line) => print(`hipcheck worker: ${line}`),
  });
  print(
    `hipcheck worker is waiting for video analyses on PostgreSQL (DATABASE_URL), ${threads} pose thread${threads === 1 ? "" : "s"}, files in ${config.filesDir}`,
  );
  const close = closeOnSignals(async () => {
    await worker.stop();
    await store.close();
    print("hipcheck worker stopped");
  });
  return { close };
}
