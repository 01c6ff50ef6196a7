import type { Kysely } from "kysely";
import type PgBoss from "pg-boss";
import {
  type AnalysisClaim,
  abandonAnalysis,
  requeueAnalysis,
} from "../../store/analysis-runs.repository.js";
import type { Database } from "../../store/schema.types.js";
import {
  ABANDONED_QUEUE,
  ANALYSIS_QUEUE,
  type AnalysisJobData,
  type QueueSettings,
  startBoss,
} from "./pg-boss.js";
import { type RunOptions, type RunOutcome, runAnalysis } from "./run-analysis.js";

/** How often an idle worker asks for a job. */
const POLL_MS = 2000;
const ABANDONED_MESSAGE =
  "the analysis was interrupted too often to finish (its workers stopped or ran out of time); upload the video again";

export interface AnalysisWorkerOptions {
  db: Kysely<Database>;
  settings: QueueSettings;
  run: Omit<RunOptions, "onUpdate" | "onStart">;
  /** How long a stop lets the analysis in flight finish before handing it back. */
  graceSeconds: number;
  /** One line per event: ids and outcomes only, never patient data. */
  print: (line: string) => void;
}

export interface AnalysisWorker {
  /** Stops taking jobs; the analysis in flight finishes within the grace time or is handed back. */
  stop(): Promise<void>;
}

interface InFlight {
  job: PgBoss.Job<AnalysisJobData>;
  stop: AbortController;
  claim: AnalysisClaim | undefined;
}

/**
 * Takes video analyses from pg-boss, one at a time (each spreads over `run.workers` threads),
 * and runs them with the same use case as the in-process jobs; results and progress go to the
 * database, where any server reads them. A worker that dies leaves its job active: pg-boss
 * expires it after the job timeout and another worker starts it again; the analysis's claim
 * makes sure one result is saved.
 */
export async function startAnalysisWorker(options: AnalysisWorkerOptions): Promise<AnalysisWorker> {
  const { db, settings, print } = options;
  const boss = await startBoss({
    db,
    settings,
    supervise: true,
    onError: (error) => print(`queue error: ${error.message}`),
  });
  let stopping = false;
  let wake = () => {};
  let inFlight: InFlight | undefined;

  /** Marks as failed an analysis whose job ran out of starts; false if there is none. */
  const takeAbandoned = async (): Promise<boolean> => {
    const [job] = await boss.fetch<AnalysisJobData>(ABANDONED_QUEUE);
    if (!job) return false;
    await abandonAnalysis(db, job.data.analysisId, ABANDONED_MESSAGE);
    await boss.complete(ABANDONED_QUEUE, job.id);
    print(`analysis ${job.data.analysisId}: given up`);
    return true;
  };

  /** Runs the next analysis to the end; false if the queue is empty. */
  const takeJob = async (): Promise<boolean> => {
    const [job] = await boss.fetch<AnalysisJobData>(ANALYSIS_QUEUE);
    if (!job) return false;
    const id = job.data.analysisId;
    const started = Date.now();
    const current: InFlight = {
      job,
      stop: new AbortController(),
      claim: undefined,
    };
    const running = runAnalysis(db, id, {
      ...options.run,
      signal: current.stop.signal,
      onStart: (claim) => {
        current.claim = claim;
        print(`analysis ${id}: started (attempt ${claim.attempt})`);
      },
    });
    inFlight = current;
    let outcome: RunOutcome;
    try {
      outcome = await running;
    } catch (error) {
      inFlight = undefined;
      if (current.stop.signal.aborted) return true;
      // The database failed under the analysis: pg-boss starts it again.
      await boss.fail(ANALYSIS_QUEUE, job.id, { message: (error as Error).message });
      print(`analysis ${id}: interrupted by an error, queued again`);
      return true;
    }
    inFlight = undefined;
    // Handed back by stop(), which said so.
    if (current.stop.signal.aborted) return true;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (outcome === "superseded") {
      // Another start saved the analysis, or owns it now: its job is theirs to complete.
      print(`analysis ${id}: finished elsewhere`);
      return true;
    }
    await boss.complete(ANALYSIS_QUEUE, job.id);
    print(
      outcome === "nothing-to-do"
        ? `analysis ${id}: already ended`
        : `analysis ${id}: ${outcome} in ${seconds} s`,
    );
    return true;
  };

  const loop = (async () => {
    while (!stopping) {
      try {
        if ((await takeAbandoned()) || (await takeJob())) continue;
      } catch (error) {
        print(`queue error: ${(error as Error).message}`);
      }
      if (stopping) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, POLL_MS);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  })();

  return {
    async stop() {
      stopping = true;
      wake();
      // The loop ends once the job in flight (if any, even one fetched just now) is completed.
      let grace: NodeJS.Timeout | undefined;
      const ended = await Promise.race([
        loop.then(() => true),
        new Promise<boolean>((resolve) => {
          grace = setTimeout(() => resolve(false), options.graceSeconds * 1000);
        }),
      ]);
      clearTimeout(grace);
      const current = inFlight;
      if (!ended && current) {
        // Handed back at once, not after the job timeout: another worker starts it now.
        if (current.claim) await requeueAnalysis(db, current.claim);
        await boss.fail(ANALYSIS_QUEUE, current.job.id, { message: "the worker stopped" });
        print(`analysis ${current.job.data.analysisId}: handed back`);
        // Pose estimation's threads must end before the process does (a native abort otherwise).
        current.stop.abort(new Error("the worker stopped"));
      }
      await loop;
      await boss.stop({ graceful: false, close: false });
    },
  };
}
