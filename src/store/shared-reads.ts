import type { Kysely } from "kysely";
import type { Database } from "./schema.types.js";

type Db = Kysely<Database>;

// Per database: the reads queued for a connection and not yet begun, by what they ask.
const queued = new WeakMap<Db, Map<string, Promise<unknown>>>();

/**
 * Runs `read` on a connection of its own, once for every request that asks the same `key`
 * while it still waits for that connection. PGlite has one connection: when a clinic's team
 * opens the clinic's attention list together, the lists queue behind each other, and each
 * would read the same rows again. A request that joins a read not yet begun gets rows read
 * after it arrived, so no answer is older than its request. Rows are shared: do not change them.
 */
export function sharedRead<T>(
  db: Db,
  key: string,
  read: (connection: Db) => Promise<T>,
): Promise<T> {
  let waiting = queued.get(db);
  if (!waiting) queued.set(db, (waiting = new Map()));
  const joined = waiting.get(key);
  if (joined) return joined as Promise<T>;
  const result = db.connection().execute(async (connection) => {
    // Begun: whoever asks from now on may have written since, and reads again.
    if (waiting.get(key) === result) waiting.delete(key);
    return read(connection);
  });
  waiting.set(key, result);
  result.catch(() => {
    if (waiting.get(key) === result) waiting.delete(key);
  });
  return result;
}
