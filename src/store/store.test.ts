import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertClinic } from "./accounts.repository.js";
import type { Store } from "./database.js";
import { migrate } from "./migrate.js";
import {
  findAssessment,
  insertAssessment,
  insertSessionLog,
  listSessionLogs,
  saveAssessmentResult,
} from "./records.repository.js";
import { clinicSeesRunner, grantShare, insertRunner, revokeShare } from "./runners.repository.js";
import { testDatabases } from "./test-support/test-databases.js";

describe.each(testDatabases())("store on $name", (database) => {
  let store: Store;
  beforeAll(async () => {
    store = await database.open();
  });
  afterAll(() => store.close());

  it("applies each migration once: a second start changes nothing", async () => {
    expect(await migrate(store.db)).toEqual([]);
    const tables = await store.db.introspection.getTables();
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(["runners", "assessments", "session_logs", "audit_events"]),
    );
  });

  it("keeps an assessment's input as entered and its result with the rules version", async () => {
    const runnerId = randomUUID();
    await insertRunner(store.db, { id: runnerId, userId: null, clinicId: null, displayName: "A" });
    const id = randomUUID();
    const input = {
      assessedOn: "2026-12-01",
      person: { age: 34, bodyMass: { value: 150, unit: "lb" } },
    };
    await insertAssessment(store.db, { id, runnerId, kind: "initial", input, createdBy: null });
    await saveAssessmentResult(store.db, id, {
      result: { rulesVersion: "x.1" },
      rulesVersion: "x.1",
      assessedOn: "2026-12-01",
      referral: false,
    });
    const row = await findAssessment(store.db, id);
    expect(row?.input).toEqual(input);
    expect(row?.result).toEqual({ rulesVersion: "x.1" });
    expect(row?.assessedOn).toBe("2026-12-01");
  });

  it("pages session logs newest first with a keyset cursor, no row twice or missed", async () => {
    const runnerId = randomUUID();
    await insertRunner(store.db, { id: runnerId, userId: null, clinicId: null, displayName: "B" });
    for (const day of ["2026-12-01", "2026-12-02", "2026-12-02", "2026-12-03", "2026-12-05"])
      await insertSessionLog(store.db, {
        runnerId,
        programmeId: null,
        loggedOn: day,
        kind: "run",
        entry: { date: day },
        painMax: 2,
      });
    const first = await listSessionLogs(store.db, runnerId, 2);
    const last = first.at(-1)!;
    const second = await listSessionLogs(store.db, runnerId, 10, {
      key: last.sortKey,
      id: String(last.id),
    });
    expect([...first, ...second].map((r) => r.loggedOn)).toEqual([
      "2026-12-05",
      "2026-12-03",
      "2026-12-02",
      "2026-12-02",
      "2026-12-01",
    ]);
    expect(new Set([...first, ...second].map((r) => r.id)).size).toBe(5);
  });

  it("lets a clinic see a self-guided runner only while a share is live", async () => {
    const clinicId = randomUUID();
    await insertClinic(store.db, { id: clinicId, name: "Knee Clinic" });
    const runnerId = randomUUID();
    await insertRunner(store.db, { id: runnerId, userId: null, clinicId: null, displayName: "C" });
    expect(await clinicSeesRunner(store.db, clinicId, runnerId)).toBeUndefined();
    await grantShare(store.db, runnerId, clinicId);
    expect((await clinicSeesRunner(store.db, clinicId, runnerId))?.id).toBe(runnerId);
    expect(await revokeShare(store.db, runnerId, clinicId)).toBe(true);
    expect(await clinicSeesRunner(store.db, clinicId, runnerId)).toBeUndefined();
  });
});
