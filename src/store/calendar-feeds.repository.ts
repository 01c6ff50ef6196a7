import type { Kysely } from "kysely";
import type { Database } from "./schema.types.js";

/** Runners' private calendar feeds: one secret link per runner, stored as the token's hash. */

type Db = Kysely<Database>;

/** Sets the runner's feed to this token, replacing any earlier one (whose link then stops working). */
export async function replaceCalendarFeed(
  db: Db,
  feed: { runnerId: string; tokenHash: string; createdBy: string },
) {
  return db
    .insertInto("calendar_feeds")
    .values({ runner_id: feed.runnerId, token_hash: feed.tokenHash, created_by: feed.createdBy })
    .onConflict((oc) =>
      oc.column("runner_id").doUpdateSet((eb) => ({
        token_hash: eb.ref("excluded.token_hash"),
        created_by: eb.ref("excluded.created_by"),
        created_at: eb.ref("excluded.created_at"),
      })),
    )
    .returning(["created_at as createdAt"])
    .executeTakeFirstOrThrow();
}

/** The runner's feed, without its hash: when it was made and by whom. */
export async function findCalendarFeed(db: Db, runnerId: string) {
  return db
    .selectFrom("calendar_feeds")
    .leftJoin("users", "users.id", "calendar_feeds.created_by")
    .select(["calendar_feeds.created_at as createdAt", "users.display_name as createdBy"])
    .where("calendar_feeds.runner_id", "=", runnerId)
    .executeTakeFirst();
}

/** Deletes the runner's feed; false when there was none. */
export async function deleteCalendarFeed(db: Db, runnerId: string): Promise<boolean> {
  const result = await db
    .deleteFrom("calendar_feeds")
    .where("runner_id", "=", runnerId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The runner whose feed has this token hash (the unique index finds it). */
export async function feedRunner(db: Db, tokenHash: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("calendar_feeds")
    .select("runner_id")
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
  return row?.runner_id;
}
