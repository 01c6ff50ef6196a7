import { mkdir } from "node:fs/promises";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { migrate } from "./migrate.js";
import { pgliteDialect } from "./pglite-dialect.js";
import { PgliteThread } from "./pglite-thread.js";
import { PreparingClient } from "./postgres-statements.js";
import type { Database } from "./schema.types.js";
import { DATE_OID, INT8_OID, keepText, parseInt8 } from "./value-parsers.js";

/** Where the data lives: a PostgreSQL server, or PGlite in a folder (or in memory, for tests). */
export type StoreConfig =
  | { kind: "postgres"; url: string; schema?: string; poolSize?: number }
  | { kind: "pglite"; dataDir?: string };

export interface Store {
  db: Kysely<Database>;
  kind: StoreConfig["kind"];
  close(): Promise<void>;
}

/** Opens the database and brings its schema up to date. */
export async function openStore(config: StoreConfig): Promise<Store> {
  const store = config.kind === "postgres" ? openPostgres(config) : await openPglite(config);
  try {
    await migrate(store.db);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

function openPostgres(config: Extract<StoreConfig, { kind: "postgres" }>): Store {
  const pool = new pg.Pool({
    Client: PreparingClient,
    connectionString: config.url,
    max: config.poolSize ?? 10,
    ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") => {
        if (oid === DATE_OID) return keepText;
        if (oid === INT8_OID) return parseInt8;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: "postgres", close: () => db.destroy() };
}

async function openPglite(config: Extract<StoreConfig, { kind: "pglite" }>): Promise<Store> {
  if (config.dataDir) await mkdir(config.dataDir, { recursive: true });
  const thread = await PgliteThread.start(config.dataDir ? { dataDir: config.dataDir } : {});
  const db = new Kysely<Database>({ dialect: pgliteDialect(thread) });
  return {
    db,
    kind: "pglite",
    close: async () => {
      await db.destroy();
      await thread.close();
    },
  };
}

/** The store the environment asks for: DATABASE_URL, else PGlite in HIPCHECK_DATA_DIR or ./data. */
export function storeConfigFromEnv(
  env: NodeJS.ProcessEnv,
  overrides: { dataDir?: string } = {},
): StoreConfig {
  if (env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL };
  return { kind: "pglite", dataDir: overrides.dataDir ?? env.HIPCHECK_DATA_DIR ?? "./data" };
}
