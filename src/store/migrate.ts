import { readdir, readFile } from "node:fs/promises";
import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.types.js";

/** The checked-in SQL migrations, applied in name order (src/ ships with the package). */
const MIGRATIONS_DIR = new URL("../../src/store/migrations/", import.meta.url);

/**
 * Applies every migration not yet applied, each in its own transaction, recording it in
 * `schema_migrations`. A lock keeps two processes starting together from racing.
 */
export async function migrate(db: Kysely<Database>): Promise<string[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith(".sql")).sort();
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  const applied: string[] = [];
  for (const name of files) {
    const text = await readFile(new URL(name, MIGRATIONS_DIR), "utf8");
    await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(7007)`.execute(trx);
      const done = await sql<{ name: string }>`
        SELECT name FROM schema_migrations WHERE name = ${name}`.execute(trx);
      if (done.rows.length > 0) return;
      await sql.raw(text).execute(trx);
      await sql`INSERT INTO schema_migrations (name) VALUES (${name})`.execute(trx);
      applied.push(name);
    });
  }
  return applied;
}
