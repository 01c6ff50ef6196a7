import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../core/calendar-date.js";
import { openStore, type Store } from "./database.js";
import { vacuumNow } from "./maintenance.js";
import { insertSessionLog } from "./records.repository.js";
import { insertRunner } from "./runners.repository.js";

const visiblePages = async (store: Store) =>
  (
    await sql<{ pages: number }>`
      SELECT relallvisible AS pages FROM pg_class WHERE relname = 'session_logs'`.execute(store.db)
  ).rows[0]?.pages;

describe("vacuuming the embedded database (PGlite has no autovacuum)", () => {
  let store: Store;
  const runnerId = randomUUID();
  beforeAll(async () => {
    store = await openStore({ kind: "pglite" });
    await insertRunner(store.db, { id: runnerId, userId: null, clinicId: null, displayName: "V" });
    for (let day = 0; day < 400; day++)
      await insertSessionLog(store.db, {
        runnerId,
        programmeId: null,
        loggedOn: addDays("2026-01-01", day),
        kind: "run",
        entry: { date: addDays("2026-01-01", day), type: "run" },
        painMax: day % 7,
      });
  });
  afterAll(() => store.close());

  it("marks the logs' pages all-visible, so the attention list's pain window reads only the index", async () => {
    expect(await visiblePages(store)).toBe(0);
    await vacuumNow(store);
    expect(await visiblePages(store)).toBeGreaterThan(0);
    const plan = await sql<{ "QUERY PLAN": string }>`
      EXPLAIN (ANALYZE, COSTS OFF) SELECT avg(pain_max) FROM session_logs
      WHERE runner_id = ${runnerId}::uuid AND logged_on > '2026-12-01' AND logged_on <= '2026-12-15'`.execute(
      store.db,
    );
    const text = plan.rows.map((r) => r["QUERY PLAN"]).join("\n");
    expect(text).toMatch(/Index Only Scan using session_logs_runner_pain/);
    expect(text).toMatch(/Heap Fetches: 0/);
  });
});
