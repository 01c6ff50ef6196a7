import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.types.js";

/** A runner's clinical record: assessments, programmes and their edits, session and pain logs. */

type Db = Kysely<Database>;

/** Keyset position in a list ordered newest first: the sort key and the id of the last row seen. */
export interface After {
  key: string;
  id: string;
}

/** `(key, id) < (after.key, after.id)`: rows after the cursor in a newest-first list. */
export function olderThan(keyColumn: string, idColumn: string, after: After) {
  return sql<boolean>`(${sql.ref(keyColumn)}, ${sql.ref(idColumn)}) < (${after.key}, ${after.id})`;
}

const assessmentColumns = [
  "id",
  "runner_id as runnerId",
  "kind",
  "assessed_on as assessedOn",
  "input",
  "result",
  "rules_version as rulesVersion",
  "referral",
  "created_at as createdAt",
  "updated_at as updatedAt",
] as const;

export async function insertAssessment(
  db: Db,
  a: {
    id: string;
    runnerId: string;
    kind: "initial" | "retest";
    input: unknown;
    createdBy: string | null;
  },
): Promise<void> {
  await db
    .insertInto("assessments")
    .values({
      id: a.id,
      runner_id: a.runnerId,
      kind: a.kind,
      input: JSON.stringify(a.input),
      created_by: a.createdBy,
    })
    .execute();
}

export async function findAssessment(db: Db, id: string, lock = false) {
  let query = db.selectFrom("assessments").select(assessmentColumns).where("id", "=", id);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Replaces the input; the stored result no longer matches it, so it is cleared. */
export async function updateAssessmentInput(db: Db, id: string, input: unknown): Promise<void> {
  await db
    .updateTable("assessments")
    .set({
      input: JSON.stringify(input),
      result: null,
      rules_version: null,
      referral: null,
      updated_at: sql<Date>`now()`,
    })
    .where("id", "=", id)
    .execute();
}

export async function saveAssessmentResult(
  db: Db,
  id: string,
  r: { result: unknown; rulesVersion: string; assessedOn: string; referral: boolean },
): Promise<void> {
  await db
    .updateTable("assessments")
    .set({
      result: JSON.stringify(r.result),
      rules_version: r.rulesVersion,
      assessed_on: r.assessedOn,
      referral: r.referral,
      updated_at: sql<Date>`now()`,
    })
    .where("id", "=", id)
    .execute();
}

export async function listAssessments(db: Db, runnerId: string, limit: number, after?: After) {
  let query = db
    .selectFrom("assessments")
    .select(assessmentColumns)
    .select(sql<string>`created_at::text`.as("sortKey"))
    .where("runner_id", "=", runnerId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit);
  if (after) query = query.where(olderThan("created_at", "id", after));
  return query.execute();
}

/** Assessed (result stored) assessments of a runner, oldest first. */
export async function assessedHistory(db: Db, runnerId: string) {
  return db
    .selectFrom("assessments")
    .select(assessmentColumns)
    .where("runner_id", "=", runnerId)
    .where("result", "is not", null)
    .orderBy("assessed_on")
    .orderBy("created_at")
    .limit(100)
    .execute();
}

const programmeColumns = [
  "id",
  "runner_id as runnerId",
  "assessment_id as assessmentId",
  "request",
  "programme",
  "rules_version as rulesVersion",
  "starts_on as startsOn",
  "ends_on as endsOn",
  "active",
  "created_at as createdAt",
  "updated_at as updatedAt",
] as const;

export async function insertProgramme(
  db: Db,
  p: {
    id: string;
    runnerId: string;
    assessmentId: string;
    request: unknown;
    programme: unknown;
    rulesVersion: string;
    startsOn: string;
    endsOn: string;
    plannedDays: string[];
  },
): Promise<void> {
  // One active programme per runner: a new one replaces the last.
  await db
    .updateTable("programmes")
    .set({ active: false })
    .where("runner_id", "=", p.runnerId)
    .where("active", "=", true)
    .execute();
  await db
    .insertInto("programmes")
    .values({
      id: p.id,
      runner_id: p.runnerId,
      assessment_id: p.assessmentId,
      request: JSON.stringify(p.request),
      programme: JSON.stringify(p.programme),
      rules_version: p.rulesVersion,
      starts_on: p.startsOn,
      ends_on: p.endsOn,
      planned_days: p.plannedDays,
    })
    .execute();
  await replaceProgrammeSessions(db, p.id);
}

/** Rewrites the per-day rows of a programme from its document, in one statement. */
async function replaceProgrammeSessions(db: Db, programmeId: string): Promise<void> {
  await db.deleteFrom("programme_sessions").where("programme_id", "=", programmeId).execute();
  await sql`INSERT INTO programme_sessions (programme_id, day, kind, session)
    SELECT p.id, (s->>'date')::date, s->>'kind', s
    FROM programmes p, jsonb_array_elements(p.programme->'sessions') s
    WHERE p.id = ${programmeId}::uuid`.execute(db);
}

export async function findProgramme(db: Db, id: string, lock = false) {
  let query = db.selectFrom("programmes").select(programmeColumns).where("id", "=", id);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The runner's active programme, without its document (dashboards and logging need only this). */
export async function activeProgramme(db: Db, runnerId: string) {
  return db
    .selectFrom("programmes")
    .select(["id", "starts_on as startsOn", "ends_on as endsOn"])
    .where("runner_id", "=", runnerId)
    .where("active", "=", true)
    .executeTakeFirst();
}

export async function listProgrammes(db: Db, runnerId: string, limit: number, after?: After) {
  let query = db
    .selectFrom("programmes")
    .select(["id", "assessment_id as assessmentId", "starts_on as startsOn", "ends_on as endsOn"])
    .select(["active", "rules_version as rulesVersion", "created_at as createdAt"])
    .select(sql<string>`created_at::text`.as("sortKey"))
    .where("runner_id", "=", runnerId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit);
  if (after) query = query.where(olderThan("created_at", "id", after));
  return query.execute();
}

/** Saves an edited programme and keeps the edit: who, why, what changed, and the programme before. */
export async function saveProgrammeEdit(
  db: Db,
  e: {
    programmeId: string;
    editedBy: string;
    reason: string;
    changes: unknown;
    before: unknown;
    after: unknown;
  },
): Promise<void> {
  await db
    .insertInto("programme_edits")
    .values({
      programme_id: e.programmeId,
      edited_by: e.editedBy,
      reason: e.reason,
      changes: JSON.stringify(e.changes),
      before: JSON.stringify(e.before),
    })
    .execute();
  await db
    .updateTable("programmes")
    .set({ programme: JSON.stringify(e.after), updated_at: sql<Date>`now()` })
    .where("id", "=", e.programmeId)
    .execute();
  await replaceProgrammeSessions(db, e.programmeId);
}

export async function listProgrammeEdits(db: Db, programmeId: string) {
  return db
    .selectFrom("programme_edits")
    .leftJoin("users", "users.id", "programme_edits.edited_by")
    .select([
      "programme_edits.id",
      "programme_edits.edited_at as editedAt",
      "users.display_name as editedBy",
      "programme_edits.reason",
      "programme_edits.changes",
    ])
    .where("programme_edits.programme_id", "=", programmeId)
    .orderBy("programme_edits.id")
    .limit(500)
    .execute();
}

export async function insertSessionLog(
  db: Db,
  log: {
    runnerId: string;
    programmeId: string | null;
    loggedOn: string;
    kind: "run" | "strength";
    entry: unknown;
    painMax: number;
  },
): Promise<number> {
  const row = await db
    .insertInto("session_logs")
    .values({
      runner_id: log.runnerId,
      programme_id: log.programmeId,
      logged_on: log.loggedOn,
      kind: log.kind,
      entry: JSON.stringify(log.entry),
      pain_max: log.painMax,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listSessionLogs(db: Db, runnerId: string, limit: number, after?: After) {
  let query = db
    .selectFrom("session_logs")
    .select(["id", "logged_on as loggedOn", "logged_on as sortKey", "kind", "entry"])
    .select("pain_max as painMax")
    .select(["programme_id as programmeId", "created_at as createdAt"])
    .where("runner_id", "=", runnerId)
    .orderBy("logged_on", "desc")
    .orderBy("id", "desc")
    .limit(limit);
  if (after) query = query.where(olderThan("logged_on", "id", after));
  return query.execute();
}

/** The entries logged against a programme, oldest first, for the progression decisions. */
export async function programmeLogEntries(db: Db, programmeId: string): Promise<unknown[]> {
  const rows = await db
    .selectFrom("session_logs")
    .select("entry")
    .where("programme_id", "=", programmeId)
    .orderBy("logged_on")
    .orderBy("id")
    .limit(2000)
    .execute();
  return rows.map((r) => r.entry);
}

export async function insertPainLog(
  db: Db,
  p: { runnerId: string; loggedOn: string; pain: number; context: string },
): Promise<number> {
  const row = await db
    .insertInto("pain_logs")
    .values({ runner_id: p.runnerId, logged_on: p.loggedOn, pain: p.pain, context: p.context })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listPainLogs(db: Db, runnerId: string, limit: number, after?: After) {
  let query = db
    .selectFrom("pain_logs")
    .select(["id", "logged_on as loggedOn", "logged_on as sortKey", "pain", "context"])
    .where("runner_id", "=", runnerId)
    .orderBy("logged_on", "desc")
    .orderBy("id", "desc")
    .limit(limit);
  if (after) query = query.where(olderThan("logged_on", "id", after));
  return query.execute();
}

export async function insertAudit(
  db: Db,
  e: {
    actorId: string | null;
    action: string;
    runnerId?: string | null;
    clinicId?: string | null;
    address?: string | null;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  await db
    .insertInto("audit_events")
    .values({
      actor_id: e.actorId,
      action: e.action,
      runner_id: e.runnerId ?? null,
      clinic_id: e.clinicId ?? null,
      address: e.address ?? null,
      detail: JSON.stringify(e.detail ?? {}),
    })
    .execute();
}

export async function listAudit(db: Db, runnerId: string, limit: number, after?: After) {
  let query = db
    .selectFrom("audit_events")
    .leftJoin("users", "users.id", "audit_events.actor_id")
    .select([
      "audit_events.id",
      "audit_events.at",
      "audit_events.action",
      "users.display_name as actor",
      "audit_events.address",
      sql<string>`audit_events.at::text`.as("sortKey"),
    ])
    .where("audit_events.runner_id", "=", runnerId)
    .orderBy("audit_events.at", "desc")
    .orderBy("audit_events.id", "desc")
    .limit(limit);
  if (after) query = query.where(olderThan("audit_events.at", "audit_events.id", after));
  return query.execute();
}
