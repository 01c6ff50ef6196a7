import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { openStore, type Store } from "../database.js";

export interface TestDatabase {
  name: "pglite" | "postgres";
  /** A new, empty, migrated database: in-memory PGlite, or a schema of its own on the server. */
  open(): Promise<Store>;
}

/** PGlite always; PostgreSQL too when the server answered (see global-setup.ts). */
export function testDatabases(): TestDatabase[] {
  const url = inject("postgresUrl");
  const pglite: TestDatabase = { name: "pglite", open: () => openStore({ kind: "pglite" }) };
  return url ? [pglite, { name: "postgres", open: () => openPostgresSchema(url) }] : [pglite];
}

/** A schema with a random name, dropped when the store closes, so runs never collide. */
export async function openPostgresSchema(url: string, poolSize?: number): Promise<Store> {
  const schema = await createTestSchema(url);
  const store = await openStore({
    kind: "postgres",
    url,
    schema,
    ...(poolSize ? { poolSize } : {}),
  });
  return {
    ...store,
    close: async () => {
      await store.close();
      await dropTestSchema(url, schema);
    },
  };
}

export async function createTestSchema(url: string): Promise<string> {
  const schema = `test_${randomBytes(6).toString("hex")}`;
  await adminQuery(url, `CREATE SCHEMA ${schema}`);
  return schema;
}

export async function dropTestSchema(url: string, schema: string): Promise<void> {
  await adminQuery(url, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
