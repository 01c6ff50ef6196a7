import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { insertAudit } from "../../store/records.repository.js";
import { eraseRunner, runnerData } from "../../store/runner-data.repository.js";
import type { Database } from "../../store/schema.types.js";
import { runnerFor } from "../access.js";
import type { Principal } from "../auth/principal.js";
import { ForbiddenError, NotFoundError } from "../errors.js";

type Db = Kysely<Database>;

export const EXPORT_FORMAT = "hipcheck-runner-export";

/** A runner's complete data as JSON, on the runner's or their clinic's request; audited. */
export async function exportRunner(
  db: Db,
  principal: Principal,
  runnerId: string,
  address: string,
) {
  await runnerFor(db, principal, runnerId, { action: "export.runner", address });
  const data = await runnerData(db, runnerId);
  if (!data) throw new NotFoundError("runner");
  if (principal.role === "runner")
    await insertAudit(db, { actorId: principal.id, action: "export.runner", runnerId, address });
  return { format: EXPORT_FORMAT, version: 1, exportedAt: new Date().toISOString(), ...data };
}

/**
 * Erases a runner on request: by the runner, or by the admin of the clinic the record belongs
 * to (not a clinic it was only shared with). Files go too. The erasure itself is audited.
 */
export async function eraseRunnerData(
  db: Db,
  principal: Principal,
  runnerId: string,
  options: { address: string; filesDir: string },
) {
  const runner = await runnerFor(db, principal, runnerId, {
    action: "erase.runner",
    address: options.address,
  });
  if (
    principal.role !== "runner" &&
    (principal.role !== "clinic-admin" || runner.clinicId !== principal.clinicId)
  )
    throw new ForbiddenError(
      "only the runner or the admin of the runner's own clinic may erase the record",
    );
  await eraseRunner(db, runnerId, runner.userId);
  await insertAudit(db, {
    actorId: principal.role === "runner" ? null : principal.id,
    action: "erase.runner",
    runnerId,
    clinicId: runner.clinicId,
    address: options.address,
  });
  await rm(join(options.filesDir, runnerId), { recursive: true, force: true });
}
