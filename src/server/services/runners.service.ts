import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { addDays } from "../../core/calendar-date.js";
import {
  type AttentionRules,
  attentionList,
  runnerDay,
} from "../../store/dashboards.repository.js";
import { activeProgramme, insertAudit } from "../../store/records.repository.js";
import {
  clinicExists,
  grantShare,
  insertRunner,
  listShares,
  revokeShare,
} from "../../store/runners.repository.js";
import type { Database } from "../../store/schema.types.js";
import { sharedRead } from "../../store/shared-reads.js";
import { isOwnRecord, runnerFor } from "../access.js";
import type { Principal } from "../auth/principal.js";
import { ForbiddenError, NotFoundError } from "../errors.js";
import { painTrend, parseLogEntries } from "./core-calls.js";
import { questionnaireTrends } from "./questionnaires.service.js";

type Db = Kysely<Database>;

/**
 * Attention thresholds. Pain: the pain-monitoring model's "acceptable" ceiling of 5/10
 * (silbernagel-2007); retest: hip programmes are judged after 6 weeks (khayambashi-2012,
 * ferber-2015).
 */
export const ATTENTION_RULES: AttentionRules = {
  painRisePoints: 1,
  painMax: 5,
  missedSessions: 2,
  retestDays: 42,
};

/** Staff create a runner record in their clinic (an account can follow by invite). */
export async function createRunner(db: Db, principal: Principal, name: string) {
  if (!principal.clinicId) throw new ForbiddenError("only clinic staff may do this");
  const id = randomUUID();
  await insertRunner(db, { id, userId: null, clinicId: principal.clinicId, displayName: name });
  await insertAudit(db, {
    actorId: principal.id,
    action: "runner.create",
    runnerId: id,
    clinicId: principal.clinicId,
  });
  return { id, displayName: name, clinicId: principal.clinicId };
}

export async function runnerSummary(
  db: Db,
  principal: Principal,
  runnerId: string,
  address: string,
) {
  const runner = await runnerFor(db, principal, runnerId, { action: "read.runner", address });
  const programme = await activeProgramme(db, runnerId);
  return {
    ...runner,
    selfGuided: runner.clinicId === null,
    shares: await listShares(db, runnerId),
    activeProgramme: programme
      ? { id: programme.id, startsOn: programme.startsOn, endsOn: programme.endsOn }
      : null,
  };
}

export async function shareWithClinic(
  db: Db,
  principal: Principal,
  runnerId: string,
  clinicId: string,
  address: string,
) {
  await runnerFor(db, principal, runnerId, { action: "share.grant", runnerOnly: true, address });
  if (!(await clinicExists(db, clinicId))) throw new NotFoundError("clinic");
  await grantShare(db, runnerId, clinicId);
  await insertAudit(db, {
    actorId: principal.id,
    action: "share.grant",
    runnerId,
    clinicId,
    address,
  });
  return listShares(db, runnerId);
}

export async function revokeClinicShare(
  db: Db,
  principal: Principal,
  runnerId: string,
  clinicId: string,
  address: string,
) {
  await runnerFor(db, principal, runnerId, { action: "share.revoke", runnerOnly: true, address });
  if (!(await revokeShare(db, runnerId, clinicId))) throw new NotFoundError("share");
  await insertAudit(db, {
    actorId: principal.id,
    action: "share.revoke",
    runnerId,
    clinicId,
    address,
  });
}

/**
 * The runner's today in one request: sessions due, the next run, the pain trend, any red flag,
 * and the latest questionnaire scores with their change. The runner's own is one statement,
 * without a transaction (the dashboard asked most often); staff's read is audited with it.
 */
export async function runnerToday(
  db: Db,
  principal: Principal,
  runnerId: string,
  today: string,
  address: string,
) {
  const q = { runnerId, today, since: addDays(today, -42) };
  const day = isOwnRecord(principal, runnerId)
    ? await runnerDay(db, q)
    : await db.transaction().execute(async (trx) => {
        await runnerFor(trx, principal, runnerId, { action: "read.today", address });
        return runnerDay(trx, q);
      });
  if (!day.found) throw new NotFoundError("runner");
  const trend = painTrend(parseLogEntries(day.entries), undefined);
  return {
    today,
    seeAProfessional: day.referral
      ? "The last assessment found a red flag: see a physiotherapist or doctor before training."
      : trend.worsening || trend.persistent
        ? "Pain is rising or staying high: book an assessment with a professional."
        : null,
    programmeId: day.programmeId,
    sessionsDue: day.due,
    nextRun: day.nextRun,
    painTrend: trend,
    /** Questionnaires answered between assessments: per instrument the latest score and its change. */
    questionnaires: questionnaireTrends(day.questionnaires),
  };
}

/**
 * The clinician's list of runners, most in need of attention first, with the reasons. The list
 * is one statement, read once for the clinic's staff who ask it at the same moment; each read
 * is audited by its own statement (no transaction is needed for either).
 */
export async function clinicAttention(
  db: Db,
  principal: Principal,
  q: { today: string; search: string; limit: number; cursor?: { key: string; id: string } },
) {
  const clinicId = principal.clinicId;
  if (!clinicId) throw new ForbiddenError("only clinic staff may do this");
  const after = q.cursor ? parseAttentionCursor(q.cursor) : undefined;
  const ask = {
    clinicId,
    today: q.today,
    search: q.search,
    limit: q.limit + 1,
    rules: ATTENTION_RULES,
    ...(after ? { after } : {}),
  };
  const rows = await sharedRead(db, `attention ${JSON.stringify(ask)}`, (connection) =>
    attentionList(connection, ask),
  );
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > q.limit && last
      ? Buffer.from(
          JSON.stringify([JSON.stringify([last.score, last.sortName]), last.id]),
        ).toString("base64url")
      : null;
  await insertAudit(db, {
    actorId: principal.id,
    action: "read.attention-list",
    clinicId,
    detail: { runners: items.map((r) => r.id) },
  });
  return {
    items: items.map(({ sortName: _, score: __, ...row }) => ({ ...row, reasons: reasonsOf(row) })),
    nextCursor,
  };
}

function parseAttentionCursor(cursor: { key: string; id: string }) {
  const [score, name] = JSON.parse(cursor.key) as [number, string];
  return { score: Number(score), name: String(name), id: cursor.id };
}

function reasonsOf(row: {
  redFlag: boolean;
  painRising: boolean;
  recentPain: number | null;
  previousPain: number | null;
  missedSessions: number;
  retestDue: boolean;
}): string[] {
  const reasons: string[] = [];
  if (row.redFlag) reasons.push("red flag at the last assessment: refer before treating");
  if (row.painRising)
    reasons.push(
      `pain rising: mean session pain ${row.recentPain ?? "–"}/10 this week, ${row.previousPain ?? "–"}/10 the week before`,
    );
  if (row.missedSessions >= ATTENTION_RULES.missedSessions)
    reasons.push(`${row.missedSessions} planned sessions in the last 7 days not logged`);
  if (row.retestDue) reasons.push("retest due: 6 weeks since the last assessment");
  return reasons;
}
