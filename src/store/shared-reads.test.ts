import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "./database.js";
import { sharedRead } from "./shared-reads.js";

/** A promise and the function that settles it: a signal one side waits for. */
function signal(): { done: Promise<void>; give: () => void } {
  let give!: () => void;
  const done = new Promise<void>((resolve) => {
    give = resolve;
  });
  return { done, give };
}

/** PGlite has one connection: a transaction held open makes every other read wait its turn. */
describe("identical reads waiting for PGlite's connection", () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ kind: "pglite" });
  });
  afterAll(() => store.close());

  async function holdingTheConnection<T>(work: () => Promise<T>): Promise<T> {
    const held = signal();
    const inside = signal();
    const transaction = store.db.transaction().execute(async () => {
      inside.give();
      await held.done;
    });
    await inside.done;
    const result = work();
    held.give();
    await transaction;
    return result;
  }

  it("run once for everyone queued, each getting the same rows", async () => {
    let reads = 0;
    const read = () =>
      sharedRead(store.db, "clinic list", async (connection) => {
        reads++;
        return (
          await sql<{ n: number }>`SELECT count(*)::int AS n FROM clinics`.execute(connection)
        ).rows;
      });
    const answers = await holdingTheConnection(async () => Promise.all([read(), read(), read()]));
    expect(reads).toBe(1);
    expect(answers).toEqual([[{ n: 0 }], [{ n: 0 }], [{ n: 0 }]]);
  });

  it("run again for a request that comes after the read began, and it sees a write made since", async () => {
    let reads = 0;
    const began = signal();
    const count = (connection: typeof store.db) =>
      sql<{ n: number }>`SELECT count(*)::int AS n FROM clinics`.execute(connection);
    const earlier = sharedRead(store.db, "clinic count", async (connection) => {
      reads++;
      began.give();
      return (await count(connection)).rows[0]?.n;
    });
    await began.done;
    await earlier;
    await sql`INSERT INTO clinics (id, name) VALUES (gen_random_uuid(), 'New')`.execute(store.db);
    const later = await sharedRead(store.db, "clinic count", async (connection) => {
      reads++;
      return (await count(connection)).rows[0]?.n;
    });
    expect(reads).toBe(2);
    expect([await earlier, later]).toEqual([0, 1]);
  });

  it("wait while the same question is being read, then read once for all who came meanwhile", async () => {
    const order: string[] = [];
    const blocked = signal();
    const running = signal();
    const first = sharedRead(store.db, "list", async () => {
      order.push("first begins");
      running.give();
      await blocked.done;
      order.push("first ends");
      return "first";
    });
    await running.done;
    const later = () =>
      sharedRead(store.db, "list", async () => {
        order.push("second begins");
        return "second";
      });
    const [a, b] = [later(), later()];
    blocked.give();
    expect(await Promise.all([first, a, b])).toEqual(["first", "second", "second"]);
    expect(order).toEqual(["first begins", "first ends", "second begins"]);
  });

  it("do not share between different questions", async () => {
    const asked: string[] = [];
    const read = (key: string) =>
      sharedRead(store.db, key, async () => {
        asked.push(key);
        return key;
      });
    const answers = await holdingTheConnection(async () =>
      Promise.all([read("a"), read("b"), read("a")]),
    );
    expect(answers).toEqual(["a", "b", "a"]);
    expect(asked.sort()).toEqual(["a", "b"]);
  });

  it("let the next request read again when a shared read fails", async () => {
    const failing = sharedRead(store.db, "broken", async () => {
      throw new Error("no such table");
    });
    await expect(failing).rejects.toThrow("no such table");
    await expect(sharedRead(store.db, "broken", async () => "fine")).resolves.toBe("fine");
  });
});
