import { CompiledQuery, type Kysely, type Transaction } from "kysely";
import PgBoss from "pg-boss";
import type { Database } from "../../store/schema.types.js";

/** The queue of video analyses; a job's data is the analysis id only (no patient data). */
export const ANALYSIS_QUEUE = "video-analysis";
/** Where pg-boss moves a job that ran out of starts; a worker then marks its analysis failed. */
export const ABANDONED_QUEUE = "video-analysis-abandoned";
/** Starts after the first before a job is given up: each a worker that died or stopped. */
const RETRY_LIMIT = 4;

export interface AnalysisJobData {
  analysisId: string;
}

/** What the servers and the workers must agree on (the same variables on every process). */
export interface QueueSettings {
  /** PostgreSQL schema of pg-boss's tables (`HIPCHECK_QUEUE_SCHEMA`). */
  schema: string;
  /** A started job not finished by then is taken for lost and started again (`HIPCHECK_JOB_TIMEOUT_SECONDS`). */
  jobTimeoutSeconds: number;
}

/**
 * pg-boss on the store's own connection pool, so it needs no second set of connection settings,
 * and a job can be queued in the transaction that saves its analysis.
 */
function bossDb(db: Kysely<Database> | Transaction<Database>): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const result = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: result.rows as unknown[] as object[] };
    },
  };
}

/**
 * Starts pg-boss (creating or migrating its schema) and its two queues. Only workers supervise:
 * they expire lost jobs, checking ten times per timeout (at most once a minute).
 */
export async function startBoss(options: {
  db: Kysely<Database>;
  settings: QueueSettings;
  supervise: boolean;
  onError: (error: Error) => void;
}): Promise<PgBoss> {
  const { settings } = options;
  const boss = new PgBoss({
    db: bossDb(options.db),
    schema: settings.schema,
    schedule: false,
    supervise: options.supervise,
    maintenanceIntervalSeconds: Math.min(
      60,
      Math.max(1, Math.round(settings.jobTimeoutSeconds / 10)),
    ),
  });
  boss.on("error", options.onError);
  await boss.start();
  await boss.createQueue(ABANDONED_QUEUE);
  await boss.createQueue(ANALYSIS_QUEUE, { name: ANALYSIS_QUEUE, deadLetter: ABANDONED_QUEUE });
  return boss;
}

/**
 * Queues the analysis's job in `trx`. The job id is the analysis id: queuing one twice (two
 * servers taking up the same analysis at start) keeps one job.
 */
export async function sendAnalysisJob(
  boss: PgBoss,
  trx: Kysely<Database> | Transaction<Database>,
  analysisId: string,
  settings: QueueSettings,
): Promise<void> {
  const data: AnalysisJobData = { analysisId };
  await boss.send(ANALYSIS_QUEUE, data, {
    id: analysisId,
    expireInSeconds: settings.jobTimeoutSeconds,
    retryLimit: RETRY_LIMIT,
    retryDelay: 0,
    deadLetter: ABANDONED_QUEUE,
    db: bossDb(trx),
  });
}
