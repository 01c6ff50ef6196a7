import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PreparedStatements } from "./pglite-statements.js";

describe("prepared statements on PGlite", () => {
  let pglite: PGlite;
  beforeAll(async () => {
    pglite = await PGlite.create();
    await pglite.exec(`CREATE TABLE t (id int PRIMARY KEY, day date, tags text[], doc jsonb,
      ok boolean, at timestamptz, score real)`);
  });
  afterAll(() => pglite.close());

  it("stores and reads back every kind of value the app sends, as query() does", async () => {
    const statements = new PreparedStatements(pglite);
    const insert = "INSERT INTO t VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
    const at = new Date("2026-11-30T08:15:00.000Z");
    const inserted = await statements.query<{ id: number }>(insert, [
      1,
      "2026-12-01",
      ["band", "it's"],
      { pain: 3, notes: 'says "ouch"' },
      true,
      at,
      4.5,
    ]);
    expect(inserted.rows).toEqual([{ id: 1 }]);
    expect(inserted.affectedRows).toBe(1);
    await statements.query(insert, [2, null, null, null, null, null, null]);
    const mine = await statements.query("SELECT * FROM t WHERE id = $1", [1]);
    const theirs = await pglite.query("SELECT * FROM t WHERE id = $1", [1]);
    expect(mine.rows).toEqual(theirs.rows);
    expect(mine.rows[0]).toMatchObject({ tags: ["band", "it's"], doc: { pain: 3 }, ok: true, at });
    expect((await statements.query("SELECT * FROM t WHERE id = $1", [2])).rows[0]).toMatchObject({
      day: null,
      doc: null,
    });
  });

  it("reports a database error with its code, and the statement still works after it", async () => {
    const statements = new PreparedStatements(pglite);
    const insert = "INSERT INTO t (id) VALUES ($1)";
    await statements.query(insert, [10]);
    await expect(statements.query(insert, [10])).rejects.toMatchObject({ code: "23505" });
    await statements.query(insert, [11]);
    const count = await statements.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM t WHERE id >= $1",
      [10],
    );
    expect(count.rows).toEqual([{ n: 2 }]);
    await expect(statements.query("SELEC $1", [1])).rejects.toMatchObject({ code: "42601" });
    expect(statements.size).toBe(2);
  });

  it("keeps at most its limit of statements, dropping the least recently used", async () => {
    const statements = new PreparedStatements(pglite, 3);
    for (const n of [1, 2, 3, 1, 4]) await statements.query(`SELECT $1::int + ${n} AS v`, [1]);
    expect(statements.size).toBe(3);
    const prepared = await pglite.query<{ statement: string }>(
      "SELECT statement FROM pg_prepared_statements ORDER BY statement",
    );
    // "+ 2" was the least recently used when "+ 4" came; "+ 1" was used again just before.
    expect(prepared.rows.map((r) => r.statement).filter((s) => s.includes("AS v"))).toEqual([
      "SELECT $1::int + 1 AS v",
      "SELECT $1::int + 3 AS v",
      "SELECT $1::int + 4 AS v",
    ]);
    expect((await statements.query("SELECT $1::int + 2 AS v", [1])).rows).toEqual([{ v: 3 }]);
  });

  it("prepares again a statement whose table changed under it", async () => {
    const statements = new PreparedStatements(pglite);
    await pglite.exec("CREATE TABLE u (id int)");
    await statements.query("INSERT INTO u VALUES ($1)", [1]);
    const select = "SELECT * FROM u WHERE id = $1";
    expect((await statements.query(select, [1])).rows).toEqual([{ id: 1 }]);
    await pglite.exec("ALTER TABLE u ADD COLUMN name text");
    await expect(statements.query(select, [1])).rejects.toMatchObject({ code: "0A000" });
    expect((await statements.query(select, [1])).rows).toEqual([{ id: 1, name: null }]);
  });
});
