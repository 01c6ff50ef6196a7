import { type PGlite, parse, protocol, type Results } from "@electric-sql/pglite";

/** Enough for every query the app writes; a query past it is prepared again when it returns. */
const MAX_STATEMENTS = 500;
// "cached plan must not change result type": a table under a prepared `SELECT *` has changed.
const PLAN_CHANGED = "0A000";
// Statement names are unique in the process, whichever instance prepares them on a database.
let prepared = 0;

/**
 * Runs parameterised queries on PGlite as named prepared statements. PGlite's `query()` parses
 * and plans a statement at every call and crosses into WebAssembly six times; a statement
 * prepared once is then bound and run in one crossing, with PostgreSQL's plan cache. This is
 * what drivers for a PostgreSQL server do (node-postgres with a `name`, postgres.js always).
 * Values are serialised by the parameter types PostgreSQL reports, as `query()` does.
 */
export class PreparedStatements {
  // By SQL text; a Map keeps insertion order, so the first key is the least recently used.
  readonly #statements = new Map<string, { name: string; types: number[] }>();

  constructor(
    private readonly pglite: PGlite,
    private readonly maxStatements = MAX_STATEMENTS,
  ) {}

  /** How many statements are prepared now. */
  get size(): number {
    return this.#statements.size;
  }

  async query<R>(sql: string, params: readonly unknown[]): Promise<Results<R>> {
    const statement = this.#statements.get(sql) ?? (await this.#prepare(sql));
    this.#statements.delete(sql);
    this.#statements.set(sql, statement);
    const values = params.map((value, i) => this.#serialise(value, statement.types[i]));
    try {
      const messages = await this.#run(
        protocol.serialize.bind({ statement: statement.name, values }),
        protocol.serialize.describe({ type: "P" }),
        protocol.serialize.execute({}),
      );
      return parse.parseResults(messages, this.pglite.parsers)[0] as Results<R>;
    } catch (error) {
      if ((error as { code?: string }).code === PLAN_CHANGED) this.#statements.delete(sql);
      throw error;
    }
  }

  /** Statements without parameters (BEGIN, COMMIT, a migration's many) by the simple protocol. */
  async simple<R>(sql: string): Promise<Results<R>> {
    const results = parse.parseResults(
      await this.#send(protocol.serialize.query(sql)),
      this.pglite.parsers,
    );
    return (results.at(-1) ?? { rows: [], fields: [] }) as Results<R>;
  }

  async #prepare(sql: string): Promise<{ name: string; types: number[] }> {
    const name = `hipcheck_${++prepared}`;
    const described = await this.#run(
      protocol.serialize.parse({ name, text: sql }),
      protocol.serialize.describe({ type: "S", name }),
    );
    const statement = { name, types: parse.parseDescribeStatementResults(described) };
    if (this.#statements.size >= this.maxStatements) {
      const [oldestSql, oldest] = this.#statements.entries().next().value!;
      this.#statements.delete(oldestSql);
      await this.#run(protocol.serialize.close({ type: "S", name: oldest.name }));
    }
    return statement;
  }

  #serialise(value: unknown, type: number | undefined): string | null {
    if (value === null || value === undefined) return null;
    const serialiser = type === undefined ? undefined : this.pglite.serializers[type];
    return serialiser ? serialiser(value) : String(value);
  }

  /** One crossing into PGlite: the messages, then Sync (which also ends a failed exchange). */
  #run(...messages: Uint8Array[]) {
    return this.#send(...messages, protocol.serialize.sync());
  }

  #send(...parts: Uint8Array[]) {
    const all = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      all.set(part, offset);
      offset += part.length;
    }
    // NodeFS and the in-memory file system write through: there is nothing to sync after.
    return this.pglite.execProtocolStream(all, { syncToFs: false });
  }
}
