import type { Kysely } from "kysely";
import type { Database } from "./schema.types.js";

type Db = Kysely<Database>;

/** One question's reads: the one running, and the one that waits to run after it. */
interface Slot {
  running?: Promise<unknown>;
  queued?: Promise<unknown>;
}

const slots = new WeakMap<Db, Map<string, Slot>>();

/**
 * Runs `read` once for every request that asks the same `key` while that read has not yet begun.
 * Such a read waits for the one of the same key already running, and for a connection: when a
 * clinic's team opens the clinic's attention list together, one list is read for all of them
 * instead of one per clinician competing for the cores (PostgreSQL) or queued behind each other
 * on the one connection (PGlite). A request joins only a read that begins after it arrived, so
 * no answer is older than its request. The rows are shared: do not change them.
 */
export function sharedRead<T>(
  db: Db,
  key: string,
  read: (connection: Db) => Promise<T>,
): Promise<T> {
  const ofDb = slots.get(db) ?? new Map<string, Slot>();
  slots.set(db, ofDb);
  const slot = ofDb.get(key) ?? {};
  ofDb.set(key, slot);
  if (slot.queued) return slot.queued as Promise<T>;
  const before = slot.running;
  const result: Promise<T> = (async () => {
    await before?.catch(() => {});
    return db.connection().execute(async (connection) => {
      // Begun: whoever asks from now on may have written since, and waits for the next read.
      if (slot.queued === result) slot.queued = undefined;
      slot.running = result;
      return read(connection);
    });
  })();
  slot.queued = result;
  const done = () => {
    if (slot.running === result) slot.running = undefined;
    if (slot.queued === result) slot.queued = undefined;
    if (!slot.running && !slot.queued && ofDb.get(key) === slot) ofDb.delete(key);
  };
  result.then(done, done);
  return result;
}
