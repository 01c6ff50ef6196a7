import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "./database.js";
import { PgliteThread } from "./pglite-thread.js";

describe("PGlite in its own thread", () => {
  let thread: PgliteThread;
  beforeAll(async () => {
    thread = await PgliteThread.start({});
    await thread.simple(
      "CREATE TABLE t (id int PRIMARY KEY, day date, at timestamptz, doc jsonb, n bigint)",
    );
  });
  afterAll(() => thread.close());

  it("gives back rows with dates as written, instants as Dates, JSON as objects and counts as numbers", async () => {
    const at = new Date("2026-11-30T08:15:00.000Z");
    const inserted = await thread.query("INSERT INTO t VALUES ($1, $2, $3, $4, $5)", [
      1,
      "2026-12-01",
      at,
      { pain: 3 },
      12,
    ]);
    expect(inserted.affectedRows).toBe(1);
    const { rows } = await thread.query("SELECT * FROM t WHERE id = $1", [1]);
    expect(rows).toEqual([{ id: 1, day: "2026-12-01", at, doc: { pain: 3 }, n: 12 }]);
  });

  it("passes a database error across with PostgreSQL's code and constraint, and goes on", async () => {
    const insert = "INSERT INTO t (id) VALUES ($1)";
    await expect(thread.query(insert, [1])).rejects.toMatchObject({
      name: "PgliteError",
      code: "23505",
      constraint: "t_pkey",
      message: expect.stringContaining("duplicate key"),
    });
    await expect(thread.query(insert, [2])).resolves.toMatchObject({ affectedRows: 1 });
  });

  it("answers calls in the order they were sent, however many are in flight", async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => thread.query("SELECT $1::int AS i", [i])),
    );
    expect(answers.map((a) => a.rows[0])).toEqual(Array.from({ length: 50 }, (_, i) => ({ i })));
  });
});

describe("a PGlite thread that cannot open its database", () => {
  it("says so, instead of waiting", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hipcheck-thread-"));
    const notAFolder = join(dir, "file");
    await writeFile(notAFolder, "not a database");
    try {
      await expect(PgliteThread.start({ dataDir: notAFolder })).rejects.toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("the store on PGlite, through its thread", () => {
  let dataDir: string;
  let store: Store;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "hipcheck-thread-"));
    store = await openStore({ kind: "pglite", dataDir });
  });
  afterAll(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("keeps what a committed transaction wrote, and nothing of one rolled back, after closing", async () => {
    await store.db.transaction().execute(async (trx) => {
      await sql`INSERT INTO clinics (id, name) VALUES (gen_random_uuid(), ${"Kept"})`.execute(trx);
    });
    await expect(
      store.db.transaction().execute(async (trx) => {
        await sql`INSERT INTO clinics (id, name) VALUES (gen_random_uuid(), ${"Dropped"})`.execute(
          trx,
        );
        throw new Error("stop");
      }),
    ).rejects.toThrow("stop");
    await store.close();
    store = await openStore({ kind: "pglite", dataDir });
    const names = await sql<{ name: string }>`SELECT name FROM clinics ORDER BY name`.execute(
      store.db,
    );
    expect(names.rows.map((r) => r.name)).toEqual(["Kept"]);
  });

  it("runs a statement asked during another's transaction after it, not inside it", async () => {
    let inside!: () => void;
    const begun = new Promise<void>((resolve) => {
      inside = resolve;
    });
    const rolledBack = store.db.transaction().execute(async (trx) => {
      await sql`INSERT INTO clinics (id, name) VALUES (gen_random_uuid(), 'Rolled back')`.execute(
        trx,
      );
      inside();
      await new Promise((resolve) => setTimeout(resolve, 50));
      throw new Error("undo");
    });
    await begun;
    const outside =
      sql`INSERT INTO clinics (id, name) VALUES (gen_random_uuid(), 'Outside')`.execute(store.db);
    await expect(rolledBack).rejects.toThrow("undo");
    await outside;
    const names = await sql<{
      name: string;
    }>`SELECT name FROM clinics WHERE name IN ('Outside', 'Rolled back')`.execute(store.db);
    expect(names.rows).toEqual([{ name: "Outside" }]);
  });

  it("after a COMMIT that fails, leaves the next transaction alone", async () => {
    await sql`CREATE TABLE parents (id int PRIMARY KEY)`.execute(store.db);
    await sql`CREATE TABLE children (parent int REFERENCES parents DEFERRABLE INITIALLY DEFERRED)`.execute(
      store.db,
    );
    const failing = store.db.transaction().execute(async (trx) => {
      await sql`INSERT INTO children VALUES (1)`.execute(trx);
    });
    const next = store.db.transaction().execute(async (trx) => {
      await sql`INSERT INTO parents VALUES (7)`.execute(trx);
    });
    await expect(failing).rejects.toMatchObject({ code: "23503" });
    await next;
    const parents = await sql<{ id: number }>`SELECT id FROM parents`.execute(store.db);
    expect(parents.rows).toEqual([{ id: 7 }]);
    expect((await sql`SELECT * FROM children`.execute(store.db)).rows).toEqual([]);
  });
});
