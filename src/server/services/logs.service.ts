import type { Kysely } from "kysely";
import {
  activeProgramme,
  findProgramme,
  insertPainLog,
  insertSessionLog,
} from "../../store/records.repository.js";
import type { Database } from "../../store/schema.types.js";
import { runnerFor } from "../access.js";
import type { Principal } from "../auth/principal.js";
import { NotFoundError } from "../errors.js";
import { parseLogEntry, peakPain } from "./core-calls.js";

type Db = Kysely<Database>;

/**
 * Logs a run or strength session as entered, validated as the core reads logs, against the
 * given programme or the runner's active one.
 */
export async function logSession(
  db: Db,
  principal: Principal,
  runnerId: string,
  request: { entry: unknown; programmeId?: string },
  address: string,
) {
  await runnerFor(db, principal, runnerId, { action: "write.log", address });
  return storeSessionLog(db, runnerId, request);
}

/**
 * Stores a training-log entry as entered, once validated, against the given programme or the
 * runner's active one (the caller has authorised the runner). Runs imported from watches go
 * the same way, so the plan and its load rules count them.
 */
export async function storeSessionLog(
  db: Db,
  runnerId: string,
  request: { entry: unknown; programmeId?: string },
) {
  const entry = parseLogEntry(request.entry);
  let programmeId: string | null = null;
  if (request.programmeId) {
    const programme = await findProgramme(db, request.programmeId);
    if (!programme || programme.runnerId !== runnerId) throw new NotFoundError("programme");
    programmeId = programme.id;
  } else programmeId = (await activeProgramme(db, runnerId))?.id ?? null;
  const id = await insertSessionLog(db, {
    runnerId,
    programmeId,
    loggedOn: entry.date,
    kind: entry.type,
    entry: request.entry,
    painMax: peakPain(entry),
  });
  return { id, loggedOn: entry.date, kind: entry.type, painMax: peakPain(entry), programmeId };
}

export async function logPain(
  db: Db,
  principal: Principal,
  runnerId: string,
  pain: { date: string; pain: number; context: string },
  address: string,
) {
  await runnerFor(db, principal, runnerId, { action: "write.pain", address });
  const id = await insertPainLog(db, {
    runnerId,
    loggedOn: pain.date,
    pain: pain.pain,
    context: pain.context,
  });
  return { id, ...pain };
}
