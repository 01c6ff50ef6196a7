import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../store/database.js";
import { testDatabases } from "../store/test-support/test-databases.js";
import type { App } from "./app.js";
import { type Client, newClinic, signedUpRunner, testApp } from "./test-support/test-server.js";

const seed000 = JSON.parse(await readFile("examples/seed-000-hip-weakness.json", "utf8"));

describe.each(testDatabases())("bad input on $name", (database) => {
  let store: Store;
  let app: App;
  let runner: Client;
  let logs: string;
  beforeAll(async () => {
    store = await database.open();
    app = await testApp(store);
    runner = await signedUpRunner(app, "Bad Input");
    logs = `/api/runners/${runner.user.runnerId}/logs`;
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const savedLogs = () =>
    store.db
      .selectFrom("session_logs")
      .select("id")
      .where("runner_id", "=", runner.user.runnerId)
      .execute();

  it("names malformed JSON", async () => {
    const reply = await runner.request("POST", logs, "{ not json", {
      "content-type": "application/json",
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toBe("malformed-json");
    expect(reply.body.message).toBeTruthy();
  });

  it("refuses a body that is not JSON", async () => {
    const reply = await runner.request("POST", logs, "date=2026-12-01", {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(reply.status).toBe(415);
    expect(reply.body.error).toBe("unsupported-media-type");
  });

  it.each([
    [
      "a wrong type",
      { entry: { date: "2026-12-01", type: "run", run: { painDuring: "a lot" } } },
      "entry.run.painDuring",
    ],
    [
      "an unknown field",
      { entry: { date: "2026-12-01", type: "run", run: { painDuring: 1, speed: 12 } } },
      "entry.run",
    ],
    [
      "an out-of-range value",
      { entry: { date: "2026-12-01", type: "run", run: { painDuring: 11 } } },
      "entry.run.painDuring",
    ],
    [
      "an unknown exercise",
      {
        entry: {
          date: "2026-12-01",
          type: "strength",
          exercises: [{ exercise: "moonwalk", sets: 3, reps: 10, effort: 5, pain: 0 }],
        },
      },
      "entry.exercises[0].exercise",
    ],
    ["an unknown top-level field", { entry: {}, extra: true }, ""],
  ])("names %s and saves nothing", async (_what, payload, path) => {
    const before = (await savedLogs()).length;
    const reply = await runner.post(logs, payload);
    expect(reply.status).toBe(400);
    expect(reply.body.error).toBe("invalid-input");
    expect(reply.body.fields.map((f: { path: string }) => f.path)).toContain(path);
    expect(reply.body.fields.every((f: { message: string }) => f.message.length > 5)).toBe(true);
    expect((await savedLogs()).length).toBe(before);
  });

  it("says what is wrong in a pain value and a date, all at once", async () => {
    const reply = await runner.post(`/api/runners/${runner.user.runnerId}/pain`, {
      date: "1 Dec",
      pain: -1,
    });
    expect(reply.status).toBe(400);
    expect(reply.body.fields).toEqual([
      { path: "date", message: "must be a date written YYYY-MM-DD" },
      { path: "pain", message: "must be from 0 (no pain) to 10" },
    ]);
  });

  it("answers 404 for unknown ids and for another clinic's ids alike, and 400 for a non-id", async () => {
    const other = await newClinic(app, "Other Clinic");
    const created = await other.post("/api/runners", { name: "Their Runner" });
    const theirs = await runner.get(`/api/runners/${created.body.id}`);
    const nobody = await runner.get(`/api/runners/${randomUUID()}`);
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual(nobody.body);
    const notAnId = await runner.get("/api/runners/42");
    expect(notAnId.status).toBe(400);
    expect(notAnId.body.fields[0].path).toBe("runnerId");
  });

  it("refuses a cursor it did not make and an out-of-range page size", async () => {
    expect((await runner.get(`${logs}?cursor=bogus`)).body.fields).toEqual([
      { path: "cursor", message: "is not a cursor this server handed out" },
    ]);
    expect((await runner.get(`${logs}?limit=5000`)).body.fields[0].path).toBe("limit");
  });

  it("keeps a programme unchanged when one change of an edit is wrong (one transaction)", async () => {
    const admin = await newClinic(app, "Edit Clinic");
    const patient = await admin.post("/api/runners", { name: "Edit Patient" });
    const assessment = await admin.post(`/api/runners/${patient.body.id}/assessments`, {
      input: seed000,
    });
    const made = await admin.post(`/api/runners/${patient.body.id}/programmes`, {
      assessmentId: assessment.body.id,
      start: "2026-12-01",
    });
    const reply = await admin.patch(`/api/programmes/${made.body.id}`, {
      reason: "two changes",
      changes: [
        { op: "add-note", text: "first" },
        { op: "set-dose", exercise: "not-in-it", sets: 2 },
      ],
    });
    expect(reply.status).toBe(400);
    const after = await admin.get(`/api/programmes/${made.body.id}`);
    expect(after.body.programme.notes).toEqual(made.body.programme.notes);
    expect((await admin.get(`/api/programmes/${made.body.id}/edits`)).body.items).toEqual([]);
  });

  it("refuses a body over the size limit and an unknown route, as JSON", async () => {
    const huge = await runner.post(`/api/runners/${runner.user.runnerId}/assessments`, {
      input: { notes: "x".repeat(1_100_000) },
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error).toBe("too-large");
    const none = await runner.get("/api/nothing-here");
    expect(none.status).toBe(404);
    expect(none.body.error).toBe("not-found");
  });

  it("sends security headers and no stack traces", async () => {
    const reply = await runner.request("POST", logs, "{", { "content-type": "application/json" });
    expect(reply.headers["x-content-type-options"]).toBe("nosniff");
    expect(reply.headers["content-security-policy"]).toMatch(/default-src 'self'/);
    expect(reply.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(JSON.stringify(reply.body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });
});
