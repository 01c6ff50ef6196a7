import { sql } from "kysely";
import type { Store } from "./database.js";

/** How often the embedded database is vacuumed and analysed, and the first time after start. */
const VACUUM_EVERY_MS = 10 * 60_000;
const FIRST_VACUUM_AFTER_MS = 60_000;

/**
 * PGlite runs no autovacuum, so nothing would mark its pages all-visible (index-only scans then
 * read the table anyway) or refresh the planner's statistics as the data grows. This does now
 * what PostgreSQL's autovacuum does on its own. On an already vacuumed table it skips the pages
 * the visibility map marks, so later runs are short.
 */
export async function vacuumNow(store: Store): Promise<void> {
  await sql`VACUUM (ANALYZE)`.execute(store.db);
}

/**
 * Vacuums a PGlite store now and then while the server runs; on PostgreSQL it does nothing.
 * `stop` waits for a vacuum in progress, so the store can be closed after it.
 */
export function scheduleVacuum(store: Store): { stop(): Promise<void> } {
  if (store.kind !== "pglite") return { stop: async () => {} };
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    // A failed vacuum is retried at the next turn; queries are not affected by it.
    running = running.then(() => vacuumNow(store)).catch(() => {});
  };
  const first = setTimeout(run, FIRST_VACUUM_AFTER_MS);
  const every = setInterval(run, VACUUM_EVERY_MS);
  first.unref();
  every.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
