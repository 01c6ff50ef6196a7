import type { Kysely } from "kysely";
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
