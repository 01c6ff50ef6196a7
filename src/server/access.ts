import type { Kysely } from "kysely";
import { insertAudit } from "../store/records.repository.js";
import { clinicSeesRunner, findRunner, type RunnerRow } from "../store/runners.repository.js";
import type { Database } from "../store/schema.types.js";
import type { Principal } from "./auth/principal.js";
import { ForbiddenError, NotFoundError } from "./errors.js";

/** What a request does with a runner's record, named for the audit trail (e.g. "read.logs"). */
export interface RecordUse {
  action: string;
  /** Only the runner themselves (not staff) may do this. */
  runnerOnly?: boolean;
  /** Only staff may do this (e.g. edit a programme). */
  staffOnly?: boolean;
  address: string;
}

/** Whether the principal is the runner whose record this is (a runner sees only their own). */
export function isOwnRecord(principal: Principal, runnerId: string): boolean {
  return principal.role === "runner" && principal.runnerId === runnerId;
}

/**
 * The runner record a principal may use, or NotFound: a runner sees only their own record;
 * staff see their clinic's runners and those who share with the clinic. Another's id answers
 * 404, never 403, so ids cannot be probed. Every use by staff is written to the audit trail.
 */
export async function runnerFor(
  db: Kysely<Database>,
  principal: Principal,
  runnerId: string,
  use: RecordUse,
): Promise<RunnerRow> {
  const isRunner = principal.role === "runner";
  const runner = isRunner
    ? isOwnRecord(principal, runnerId)
      ? await findRunner(db, runnerId)
      : undefined
    : principal.clinicId
      ? await clinicSeesRunner(db, principal.clinicId, runnerId)
      : undefined;
  if (!runner) throw new NotFoundError("runner");
  if (use.runnerOnly && !isRunner) throw new ForbiddenError("only the runner may do this");
  if (use.staffOnly && isRunner) throw new ForbiddenError("only clinic staff may do this");
  if (!isRunner)
    await insertAudit(db, {
      actorId: principal.id,
      action: use.action,
      runnerId,
      clinicId: principal.clinicId,
      address: use.address,
    });
  return runner;
}
