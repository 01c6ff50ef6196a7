import type { Kysely } from "kysely";
import type { Database } from "./schema.types.js";

type Db = Kysely<Database>;

/** Everything stored about one runner, for a data export on request. */
export async function runnerData(db: Db, runnerId: string) {
  const runner = await db
    .selectFrom("runners")
    .selectAll()
    .where("id", "=", runnerId)
    .executeTakeFirst();
  if (!runner) return undefined;
  const account = runner.user_id
    ? await db
        .selectFrom("users")
        .select(["id", "email", "display_name", "role", "created_at"])
        .where("id", "=", runner.user_id)
        .executeTakeFirst()
    : undefined;
  const [
    shares,
    assessments,
    programmes,
    sessionLogs,
    painLogs,
    questionnaireResponses,
    analyses,
    watchRuns,
    audit,
    calendarFeed,
  ] = await Promise.all([
    db.selectFrom("shares").selectAll().where("runner_id", "=", runnerId).execute(),
    db.selectFrom("assessments").selectAll().where("runner_id", "=", runnerId).execute(),
    db.selectFrom("programmes").selectAll().where("runner_id", "=", runnerId).execute(),
    db.selectFrom("session_logs").selectAll().where("runner_id", "=", runnerId).execute(),
    db.selectFrom("pain_logs").selectAll().where("runner_id", "=", runnerId).execute(),
    db
      .selectFrom("questionnaire_responses")
      .selectAll()
      .where("runner_id", "=", runnerId)
      .orderBy("answered_on")
      .orderBy("id")
      .execute(),
    db.selectFrom("movement_analyses").selectAll().where("runner_id", "=", runnerId).execute(),
    db.selectFrom("watch_runs").selectAll().where("runner_id", "=", runnerId).execute(),
    db
      .selectFrom("audit_events")
      .select(["at", "action", "actor_id", "clinic_id", "address"])
      .where("runner_id", "=", runnerId)
      .orderBy("at")
      .execute(),
    // That a calendar link exists, not its hash.
    db
      .selectFrom("calendar_feeds")
      .select(["created_at", "created_by"])
      .where("runner_id", "=", runnerId)
      .executeTakeFirst(),
  ]);
  const programmeIds = programmes.map((p) => p.id);
  const programmeEdits =
    programmeIds.length === 0
      ? []
      : await db
          .selectFrom("programme_edits")
          .selectAll()
          .where("programme_id", "in", programmeIds)
          .execute();
  return {
    runner,
    account: account ?? null,
    shares,
    assessments,
    programmes,
    programmeEdits,
    sessionLogs,
    painLogs,
    questionnaireResponses,
    analyses,
    watchRuns,
    audit,
    calendarFeed: calendarFeed ?? null,
  };
}

/**
 * Erases a runner: the record and everything under it (cascades), and their account with its
 * sessions and tokens. The audit trail keeps only ids and actions, no health data.
 */
export async function eraseRunner(db: Db, runnerId: string, userId: string | null): Promise<void> {
  await db.deleteFrom("runners").where("id", "=", runnerId).execute();
  if (userId) await db.deleteFrom("users").where("id", "=", userId).execute();
}
