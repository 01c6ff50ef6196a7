import type { Kysely } from "kysely";
import { sessionsToIcs } from "../../report/programme-calendar.js";
import {
  deleteCalendarFeed,
  feedRunner,
  findCalendarFeed,
  replaceCalendarFeed,
} from "../../store/calendar-feeds.repository.js";
import { activeProgramme, findProgramme, insertAudit } from "../../store/records.repository.js";
import type { Database } from "../../store/schema.types.js";
import { runnerFor } from "../access.js";
import type { Principal } from "../auth/principal.js";
import { newToken, tokenHash } from "../auth/secrets.js";
import { NotFoundError } from "../errors.js";
import type { Programme } from "./core-calls.js";

/**
 * A runner's private calendar feed: a secret link a phone's calendar subscribes to, made by the
 * runner or by staff of a clinic that sees the runner. Only the token's SHA-256 is stored; a new
 * link replaces the old one; revoking deletes it. Both are audited, whoever does them.
 */

type Db = Kysely<Database>;

/** How often a calendar app is asked to fetch the feed again (REFRESH-INTERVAL). */
export const FEED_REFRESH_SECONDS = 6 * 60 * 60;

const FEED_TOKEN = /^hf_[A-Za-z0-9_-]{43}$/;

/** The feed's address on this server; the token appears only here, once. */
export function feedPath(token: string): string {
  return `/api/calendar/${token}.ics`;
}

export async function createCalendarFeed(
  db: Db,
  principal: Principal,
  runnerId: string,
  address: string,
) {
  await runnerFor(db, principal, runnerId, { action: "write.calendar-feed", address });
  const token = newToken("hf");
  const { createdAt } = await replaceCalendarFeed(db, {
    runnerId,
    tokenHash: tokenHash(token),
    createdBy: principal.id,
  });
  // runnerFor audits staff; a secret link to a record is worth a row whoever makes it.
  if (principal.role === "runner")
    await insertAudit(db, {
      actorId: principal.id,
      action: "write.calendar-feed",
      runnerId,
      address,
    });
  return { path: feedPath(token), createdAt };
}

/** Whether the runner has a feed, when it was made and by whom (never the link itself). */
export async function calendarFeedStatus(
  db: Db,
  principal: Principal,
  runnerId: string,
  address: string,
) {
  await runnerFor(db, principal, runnerId, { action: "read.calendar-feed", address });
  return { feed: (await findCalendarFeed(db, runnerId)) ?? null };
}

/** Revokes the runner's feed: its link answers 404 from now on. Nothing to revoke is not an error. */
export async function revokeCalendarFeed(
  db: Db,
  principal: Principal,
  runnerId: string,
  address: string,
): Promise<void> {
  await runnerFor(db, principal, runnerId, { action: "revoke.calendar-feed", address });
  await deleteCalendarFeed(db, runnerId);
  if (principal.role === "runner")
    await insertAudit(db, {
      actorId: principal.id,
      action: "revoke.calendar-feed",
      runnerId,
      address,
    });
}

/**
 * The feed behind a token: the runner's current programme as iCalendar, read afresh on every
 * fetch so an edit shows at the next refresh; an empty calendar while there is no programme.
 * An unknown, malformed, replaced or revoked token is NotFound, all alike.
 */
export async function calendarFeed(db: Db, token: string): Promise<string> {
  const runnerId = FEED_TOKEN.test(token) ? await feedRunner(db, tokenHash(token)) : undefined;
  if (!runnerId) throw new NotFoundError("calendar feed");
  const active = await activeProgramme(db, runnerId);
  const row = active ? await findProgramme(db, active.id) : undefined;
  const sessions = row ? (row.programme as Programme).sessions : [];
  return sessionsToIcs(sessions, {
    stamp: row?.updatedAt ?? new Date(),
    refreshSeconds: FEED_REFRESH_SECONDS,
  });
}
