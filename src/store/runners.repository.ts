import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.types.js";

type Db = Kysely<Database>;

export interface RunnerRow {
  id: string;
  userId: string | null;
  clinicId: string | null;
  displayName: string;
  createdAt: Date;
}

const runnerColumns = [
  "runners.id",
  "runners.user_id as userId",
  "runners.clinic_id as clinicId",
  "runners.display_name as displayName",
  "runners.created_at as createdAt",
] as const;

export async function insertRunner(
  db: Db,
  runner: { id: string; userId: string | null; clinicId: string | null; displayName: string },
): Promise<void> {
  await db
    .insertInto("runners")
    .values({
      id: runner.id,
      user_id: runner.userId,
      clinic_id: runner.clinicId,
      display_name: runner.displayName,
    })
    .execute();
}

export async function linkRunnerAccount(db: Db, runnerId: string, userId: string): Promise<void> {
  await db.updateTable("runners").set({ user_id: userId }).where("id", "=", runnerId).execute();
}

export async function findRunner(db: Db, id: string): Promise<RunnerRow | undefined> {
  return db.selectFrom("runners").select(runnerColumns).where("id", "=", id).executeTakeFirst();
}

/** Whether a clinic may see a runner: the runner is the clinic's, or shared with it and not revoked. */
export async function clinicSeesRunner(db: Db, clinicId: string, runnerId: string) {
  return db
    .selectFrom("runners")
    .select(runnerColumns)
    .where("runners.id", "=", runnerId)
    .where((eb) =>
      eb.or([
        eb("runners.clinic_id", "=", clinicId),
        eb.exists(
          eb
            .selectFrom("shares")
            .select("shares.runner_id")
            .whereRef("shares.runner_id", "=", "runners.id")
            .where("shares.clinic_id", "=", clinicId)
            .where("shares.revoked_at", "is", null),
        ),
      ]),
    )
    .executeTakeFirst();
}

export async function grantShare(db: Db, runnerId: string, clinicId: string): Promise<void> {
  await db
    .insertInto("shares")
    .values({ runner_id: runnerId, clinic_id: clinicId })
    .onConflict((oc) =>
      oc.columns(["runner_id", "clinic_id"]).doUpdateSet({
        granted_at: sql<Date>`now()`,
        revoked_at: null,
      }),
    )
    .execute();
}

/** Revokes a live share; false when there was none. */
export async function revokeShare(db: Db, runnerId: string, clinicId: string): Promise<boolean> {
  const result = await db
    .updateTable("shares")
    .set({ revoked_at: sql<Date>`now()` })
    .where("runner_id", "=", runnerId)
    .where("clinic_id", "=", clinicId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function listShares(db: Db, runnerId: string) {
  return db
    .selectFrom("shares")
    .innerJoin("clinics", "clinics.id", "shares.clinic_id")
    .select([
      "clinics.id as clinicId",
      "clinics.name as clinicName",
      "shares.granted_at as grantedAt",
    ])
    .where("shares.runner_id", "=", runnerId)
    .where("shares.revoked_at", "is", null)
    .orderBy("shares.granted_at")
    .execute();
}

export async function clinicExists(db: Db, clinicId: string): Promise<boolean> {
  const row = await db
    .selectFrom("clinics")
    .select("id")
    .where("id", "=", clinicId)
    .executeTakeFirst();
  return row !== undefined;
}
