import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.types.js";

/** What file imports keep: a clinic's saved column mappings, and the runs taken from watch files. */

type Db = Kysely<Database>;

export type ForceUnit = "N" | "kgf" | "lbf";

const mappingColumns = [
  "column_mappings.name",
  "column_mappings.mapping",
  "column_mappings.unit",
  "users.display_name as savedBy",
  "column_mappings.saved_at as savedAt",
] as const;

/** The clinic's mappings in name order (a clinic keeps a handful: one per device or export). */
export async function listColumnMappings(db: Db, clinicId: string) {
  return db
    .selectFrom("column_mappings")
    .leftJoin("users", "users.id", "column_mappings.saved_by")
    .select(mappingColumns)
    .where("column_mappings.clinic_id", "=", clinicId)
    .orderBy("column_mappings.name")
    .limit(500)
    .execute();
}

export async function findColumnMapping(db: Db, clinicId: string, name: string) {
  return db
    .selectFrom("column_mappings")
    .leftJoin("users", "users.id", "column_mappings.saved_by")
    .select(mappingColumns)
    .where("column_mappings.clinic_id", "=", clinicId)
    .where("column_mappings.name", "=", name)
    .executeTakeFirst();
}

/** Saves a mapping under its name, replacing one of the same name; true when it was new. */
export async function saveColumnMapping(
  db: Db,
  m: {
    clinicId: string;
    name: string;
    mapping: Record<string, string>;
    unit: ForceUnit;
    savedBy: string;
  },
): Promise<boolean> {
  const row = await db
    .insertInto("column_mappings")
    .values({
      clinic_id: m.clinicId,
      name: m.name,
      mapping: JSON.stringify(m.mapping),
      unit: m.unit,
      saved_by: m.savedBy,
    })
    .onConflict((oc) =>
      oc.columns(["clinic_id", "name"]).doUpdateSet({
        mapping: JSON.stringify(m.mapping),
        unit: m.unit,
        saved_by: m.savedBy,
        saved_at: sql<Date>`now()`,
      }),
    )
    // xmax is 0 on a row this statement inserted, and set on one it updated.
    .returning(sql<boolean>`xmax = 0`.as("inserted"))
    .executeTakeFirstOrThrow();
  return row.inserted;
}

/** Deletes the clinic's mapping of that name; false when it has none. */
export async function deleteColumnMapping(db: Db, clinicId: string, name: string) {
  const result = await db
    .deleteFrom("column_mappings")
    .where("clinic_id", "=", clinicId)
    .where("name", "=", name)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The runs of this runner already imported that start at one of these times (ISO 8601). */
export async function importedRunsAt(db: Db, runnerId: string, startTimes: readonly string[]) {
  if (startTimes.length === 0) return [];
  const rows = await db
    .selectFrom("watch_runs")
    .select(["started_at as startedAt", "run", "file_sha256 as fileSha256"])
    .select(sql<string>`imported_at::date::text`.as("importedOn"))
    .where("runner_id", "=", runnerId)
    .where(
      "started_at",
      "in",
      startTimes.map((t) => new Date(t)),
    )
    .execute();
  return rows.map((r) => ({ ...r, startedAt: new Date(r.startedAt).toISOString() }));
}

/**
 * Records an imported run beside its log entry. Another import of the same run that got in
 * first makes this return false: the caller refuses the request, so the log entry goes too.
 */
export async function insertWatchRun(
  db: Db,
  w: {
    runnerId: string;
    startedAt: string;
    sessionLogId: number;
    assessmentId: string | null;
    run: unknown;
    fileSha256: string;
    importedBy: string;
  },
): Promise<boolean> {
  const row = await db
    .insertInto("watch_runs")
    .values({
      runner_id: w.runnerId,
      started_at: w.startedAt,
      session_log_id: w.sessionLogId,
      assessment_id: w.assessmentId,
      run: JSON.stringify(w.run),
      file_sha256: w.fileSha256,
      imported_by: w.importedBy,
    })
    .onConflict((oc) => oc.columns(["runner_id", "started_at"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

/** The runs (as read from their files) whose cadence an assessment's watch evidence is made of. */
export async function watchRunsOfAssessment(db: Db, assessmentId: string): Promise<unknown[]> {
  const rows = await db
    .selectFrom("watch_runs")
    .select("run")
    .where("assessment_id", "=", assessmentId)
    .orderBy("started_at")
    .limit(1000)
    .execute();
  return rows.map((r) => r.run);
}

/** The runner's newest assessment (by when it was started), for the watch's cadence evidence. */
export async function latestAssessmentId(db: Db, runnerId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("assessments")
    .select("id")
    .where("runner_id", "=", runnerId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}
