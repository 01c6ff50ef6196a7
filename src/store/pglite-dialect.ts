import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from "kysely";
import type { PgliteThread } from "./pglite-thread.js";

/**
 * Kysely over PGlite in its thread. PGlite is one session, running statements in the order they
 * are sent. A statement of its own is sent at once, so the thread always has the next one
 * queued; a transaction takes the session from BEGIN to COMMIT or ROLLBACK, and meanwhile every
 * other statement and transaction waits its turn (else it would run inside that transaction).
 */
export function pgliteDialect(thread: PgliteThread): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new PgliteDriver(thread),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}

class PgliteConnection implements DatabaseConnection {
  constructor(private readonly driver: PgliteDriver) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    await this.driver.turnOf(this);
    // Without parameters, the simple protocol: it runs a migration's many statements.
    const result =
      query.parameters.length === 0
        ? await this.driver.thread.simple(query.sql)
        : await this.driver.thread.query(query.sql, query.parameters);
    return {
      rows: result.rows as R[],
      ...(result.affectedRows !== undefined
        ? { numAffectedRows: BigInt(result.affectedRows) }
        : {}),
    };
  }

  // biome-ignore lint/correctness/useYield: Kysely's interface; nothing streams on PGlite.
  async *streamQuery(): AsyncIterableIterator<never> {
    throw new Error("streaming is not supported on PGlite");
  }
}

class PgliteDriver implements Driver {
  /** The connection whose transaction holds the session, and when that transaction ends. */
  #owner: PgliteConnection | undefined;
  #ended: Promise<void> = Promise.resolve();
  #end: (() => void) | undefined;

  constructor(readonly thread: PgliteThread) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new PgliteConnection(this);
  }

  /** Waits while another connection's transaction holds the session. */
  async turnOf(connection: PgliteConnection): Promise<void> {
    while (this.#owner && this.#owner !== connection) await this.#ended;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    while (this.#owner) await this.#ended;
    this.#owner = connection as PgliteConnection;
    this.#ended = new Promise((resolve) => {
      this.#end = resolve;
    });
    try {
      await connection.executeQuery(CompiledQuery.raw("begin"));
    } catch (error) {
      this.#handBack();
      throw error;
    }
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.#finish(connection, "commit");
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    // After a failed COMMIT the transaction is over (PostgreSQL rolled it back) and the session
    // may already be another's: a ROLLBACK now would end that one.
    if (this.#owner !== connection) return;
    await this.#finish(connection, "rollback");
  }

  async #finish(connection: DatabaseConnection, statement: "commit" | "rollback"): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw(statement));
    } finally {
      this.#handBack();
    }
  }

  #handBack(): void {
    this.#owner = undefined;
    this.#end?.();
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {}
}
