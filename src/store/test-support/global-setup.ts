import pg from "pg";
import type { TestProject } from "vitest/node";

/** The server the PostgreSQL suite uses; each test file makes its own schema in it. */
const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/test";

declare module "vitest" {
  export interface ProvidedContext {
    /** Empty when no PostgreSQL server answered: the PostgreSQL suite is skipped. */
    postgresUrl: string;
  }
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Finds out once whether the PostgreSQL suite can run; in CI a missing server fails the run. */
export default async function setup(project: TestProject): Promise<() => void> {
  // DATABASE_URL names the server, as for `hipcheck serve`; each test file works in a schema of
  // its own there and drops it, so the server's own tables are never touched.
  const url = process.env.DATABASE_URL || DEFAULT_URL;
  const ok = await reachable(url);
  if (!ok && process.env.CI === "true")
    throw new Error(`CI: no PostgreSQL server answers at ${url}; the PostgreSQL suite must run`);
  project.provide("postgresUrl", ok ? url : "");
  const note = ok
    ? `store and server tests ran on PGlite and on PostgreSQL (${url})`
    : `PostgreSQL suite skipped: no server answers at ${url} (store and server tests ran on PGlite only)`;
  return () => console.log(`\nhipcheck: ${note}\n`);
}
