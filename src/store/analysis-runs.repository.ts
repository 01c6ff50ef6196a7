import { type Kysely, sql } from "kysely";
import type { AnalysisOptions } from "./analyses.repository.js";
import type { Database } from "./schema.types.js";

type Db = Kysely<Database>;

/** One start of an analysis by a worker: what to analyse, and the start's number. */
export interface AnalysisClaim {
  id: string;
  runnerId: string;
  options: AnalysisOptions;
  attempt: number;
}

/**
 * Starts an analysis that is queued or running (a running one was cut short or its worker was
 * taken for dead): status running, progress 0, the next attempt number. Undefined when it is
 * done, failed or deleted — nothing to do.
 */
export async function claimAnalysis(db: Db, id: string): Promise<AnalysisClaim | undefined> {
  const row = await db
    .updateTable("movement_analyses")
    .set((eb) => ({
      status: "running",
      progress: 0,
      error: null,
      attempts: eb("attempts", "+", 1),
    }))
    .where("id", "=", id)
    .where("status", "in", ["queued", "running"])
    .returning(["id", "runner_id as runnerId", "options", "attempts as attempt"])
    .executeTakeFirst();
  return row ? { ...row, options: row.options as AnalysisOptions } : undefined;
}

/** Saves progress (0–1) if `attempt` is still the latest start of a running analysis. */
export async function saveAnalysisProgress(
  db: Db,
  claim: AnalysisClaim,
  progress: number,
): Promise<boolean> {
  const result = await db
    .updateTable("movement_analyses")
    .set({ progress })
    .where("id", "=", claim.id)
    .where("attempts", "=", claim.attempt)
    .where("status", "=", "running")
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Saves the result of a running analysis, whichever start made it (the same video gives the same
 * result); false when another start saved it first or the analysis was deleted, so it is
 * completed once.
 */
export async function finishAnalysis(
  db: Db,
  id: string,
  result: { measurements: unknown; pictures: string[] },
): Promise<boolean> {
  const saved = await db
    .updateTable("movement_analyses")
    .set({
      status: "done",
      progress: 1,
      error: null,
      measurements: JSON.stringify(result.measurements),
      files: JSON.stringify(result.pictures),
      finished_at: sql<Date>`now()`,
    })
    .where("id", "=", id)
    .where("status", "=", "running")
    .executeTakeFirst();
  return saved.numUpdatedRows > 0n;
}

/** Saves why the latest start of a running analysis failed; false if it is not the latest. */
export async function failAnalysis(db: Db, claim: AnalysisClaim, error: string): Promise<boolean> {
  const saved = await db
    .updateTable("movement_analyses")
    .set({ status: "failed", progress: 0, error, finished_at: sql<Date>`now()` })
    .where("id", "=", claim.id)
    .where("attempts", "=", claim.attempt)
    .where("status", "=", "running")
    .executeTakeFirst();
  return saved.numUpdatedRows > 0n;
}

/** Puts a running analysis back in the queue (its worker is stopping), if the start is the latest. */
export async function requeueAnalysis(db: Db, claim: AnalysisClaim): Promise<void> {
  await db
    .updateTable("movement_analyses")
    .set({ status: "queued", progress: 0 })
    .where("id", "=", claim.id)
    .where("attempts", "=", claim.attempt)
    .where("status", "=", "running")
    .execute();
}

/** Fails an analysis that no start will finish (its job ran out of retries), unless it ended. */
export async function abandonAnalysis(db: Db, id: string, error: string): Promise<void> {
  await db
    .updateTable("movement_analyses")
    .set({ status: "failed", progress: 0, error, finished_at: sql<Date>`now()` })
    .where("id", "=", id)
    .where("status", "in", ["queued", "running"])
    .execute();
}

/** Status and progress only: what a progress stream reads every second. */
export async function analysisProgress(db: Db, id: string) {
  return db
    .selectFrom("movement_analyses")
    .select(["status", "progress", "error"])
    .where("id", "=", id)
    .executeTakeFirst();
}
