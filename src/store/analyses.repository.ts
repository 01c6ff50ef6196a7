import { type Kysely, sql } from "kysely";
import { type After, olderThan } from "./records.repository.js";
import type { Database } from "./schema.types.js";

type Db = Kysely<Database>;

/** What an analysis was asked for, and where its upload is. */
export interface AnalysisOptions {
  task: "running" | "single-leg-squat" | "single-leg-stance";
  view?: "rear" | "front" | "side";
  video: string;
}

export async function insertAnalysis(
  db: Db,
  a: { id: string; runnerId: string; options: AnalysisOptions },
): Promise<void> {
  await db
    .insertInto("movement_analyses")
    .values({
      id: a.id,
      runner_id: a.runnerId,
      status: "queued",
      options: JSON.stringify(a.options),
    })
    .execute();
}

export async function findAnalysis(db: Db, id: string) {
  return db
    .selectFrom("movement_analyses")
    .select([
      "id",
      "runner_id as runnerId",
      "status",
      "options",
      "progress",
      "measurements",
      "files",
      "error",
      "created_at as createdAt",
      "finished_at as finishedAt",
    ])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Analyses a stop cut short (queued or running), to take up again at start. */
export async function unfinishedAnalyses(db: Db) {
  return db
    .selectFrom("movement_analyses")
    .select(["id", "runner_id as runnerId", "options"])
    .where("status", "in", ["queued", "running"])
    .orderBy("created_at")
    .limit(1000)
    .execute();
}

/**
 * The runner's analyses, newest first, without their bulky parts: the task and view asked for,
 * and from the result only its rules version and measurements (the per-step series stay out).
 */
export async function listAnalyses(db: Db, runnerId: string, limit: number, after?: After) {
  let query = db
    .selectFrom("movement_analyses")
    .select(["id", "status", "progress", "error"])
    .select(["created_at as createdAt", "finished_at as finishedAt"])
    .select(sql<AnalysisOptions["task"]>`options->>'task'`.as("task"))
    .select(sql<AnalysisOptions["view"] | null>`options->>'view'`.as("view"))
    .select(sql<string | null>`measurements->>'rulesVersion'`.as("rulesVersion"))
    .select(sql<unknown>`measurements->'measurements'`.as("measurements"))
    .select(sql<string>`created_at::text`.as("sortKey"))
    .where("runner_id", "=", runnerId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit);
  if (after) query = query.where(olderThan("created_at", "id", after));
  return query.execute();
}
