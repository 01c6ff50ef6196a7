import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { DomainError } from "../../core/errors.js";
import {
  findAssessment,
  findProgramme,
  insertProgramme,
  listProgrammeEdits,
  programmeLogEntries,
  saveProgrammeEdit,
} from "../../store/records.repository.js";
import type { Database } from "../../store/schema.types.js";
import { runnerFor } from "../access.js";
import type { Principal } from "../auth/principal.js";
import { NotFoundError } from "../errors.js";
import {
  assessInput,
  decideNextSessions,
  makeProgramme,
  type Programme,
  type ProgrammeOptions,
  parseLogEntries,
} from "./core-calls.js";
import { applyChanges, type ProgrammeChange } from "./programme-edits.js";

type Db = Kysely<Database>;
type Use = { action: string; address: string; staffOnly?: boolean };

/** Generates a programme from an assessment of this runner, assessed again with today's rules. */
export async function createProgramme(
  db: Db,
  principal: Principal,
  runnerId: string,
  request: ProgrammeOptions & { assessmentId: string },
  address: string,
) {
  await runnerFor(db, principal, runnerId, { action: "write.programme", address });
  const assessment = await findAssessment(db, request.assessmentId);
  if (!assessment || assessment.runnerId !== runnerId) throw new NotFoundError("assessment");
  const { assessmentId, ...options } = request;
  const programme = makeProgramme(assessInput(assessment.input), options);
  const id = randomUUID();
  await insertProgramme(db, {
    id,
    runnerId,
    assessmentId,
    request: options,
    programme,
    rulesVersion: programme.rulesVersion,
    startsOn: programme.start,
    endsOn: programme.end,
    // Sorted: the attention list counts a week's planned days by binary search.
    plannedDays: programme.sessions
      .filter((s) => s.kind !== "rest")
      .map((s) => s.date)
      .sort(),
  });
  return (await findProgramme(db, id))!;
}

export async function programmeFor(
  db: Db,
  principal: Principal,
  id: string,
  use: Use,
  lock = false,
) {
  const row = await findProgramme(db, id, lock);
  if (!row) throw new NotFoundError("programme");
  await runnerFor(db, principal, row.runnerId, use);
  return row;
}

/** A clinician's edit: applied, saved, and kept with who, when, why and the programme before. */
export async function editProgramme(
  db: Db,
  principal: Principal,
  id: string,
  edit: { reason: string; changes: ProgrammeChange[] },
  address: string,
) {
  const row = await programmeFor(
    db,
    principal,
    id,
    { action: "write.programme", address, staffOnly: true },
    true,
  );
  const before = row.programme as Programme;
  const after = applyChanges(before, edit.changes);
  await saveProgrammeEdit(db, {
    programmeId: id,
    editedBy: principal.id,
    reason: edit.reason,
    changes: edit.changes,
    before,
    after,
  });
  return (await findProgramme(db, id))!;
}

export async function programmeEdits(db: Db, principal: Principal, id: string, address: string) {
  await programmeFor(db, principal, id, { action: "read.programme", address });
  return listProgrammeEdits(db, id);
}

/** The decision for the next run and each exercise, from everything logged against the programme. */
export async function nextSessions(db: Db, principal: Principal, id: string, address: string) {
  const row = await programmeFor(db, principal, id, { action: "read.programme", address });
  const logs = parseLogEntries(await programmeLogEntries(db, id));
  if (logs.length === 0)
    throw new DomainError("nothing is logged against this programme yet: log a session first");
  return decideNextSessions(row.programme as Programme, logs);
}
