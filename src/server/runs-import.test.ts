import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../store/database.js";
import { testDatabases } from "../store/test-support/test-databases.js";
import type { App } from "./app.js";
import {
  type Client,
  invited,
  newClinic,
  rowCount,
  signedUpRunner,
  testApp,
} from "./test-support/test-server.js";
import { shiftedGpx } from "./test-support/watch-files.js";

const seed000 = JSON.parse(await readFile("examples/seed-000-hip-weakness.json", "utf8"));
const fit = await readFile("examples/run-2026-11-14.fit");
const gpx = await readFile("examples/run-2026-11-17.gpx", "utf8");
const FIT_START = "2026-11-14T07:00:00.000Z";
const GPX_START = "2026-11-17T17:30:00.000Z";
const bothFiles = [
  { filename: "run-2026-11-14.fit", content: fit },
  { filename: "run-2026-11-17.gpx", content: gpx },
];
const reports = JSON.stringify([
  { startTime: FIT_START, painDuring: 2, painAfter: 1 },
  { startTime: GPX_START, painDuring: 3, painAfter: 2 },
]);

describe.each(testDatabases())("runs from watch files over HTTP on $name", (database) => {
  let store: Store;
  let app: App;
  let runner: Client;
  let runnerId: string;
  let assessmentId: string;
  let programmeId: string;

  const count = (table: "session_logs" | "watch_runs") => rowCount(store, table);
  const storedInput = async () =>
    (
      await store.db
        .selectFrom("assessments")
        .select("input")
        .where("id", "=", assessmentId)
        .executeTakeFirstOrThrow()
    ).input;

  beforeAll(async () => {
    store = await database.open();
    app = await testApp(store);
    runner = await signedUpRunner(app, "Zoë Lefèvre");
    runnerId = runner.user.runnerId;
    assessmentId = (await runner.post(`/api/runners/${runnerId}/assessments`, { input: seed000 }))
      .body.id;
    await runner.post(`/api/assessments/${assessmentId}/assess`);
    programmeId = (
      await runner.post(`/api/runners/${runnerId}/programmes`, {
        assessmentId,
        start: "2026-11-10",
      })
    ).body.id;
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it("previews the runs of a FIT and a GPX file and stores nothing", async () => {
    const before = { logs: await count("session_logs"), input: await storedInput() };
    const reply = await runner.upload(
      `/api/runners/${runnerId}/imports/runs/preview`,
      {},
      bothFiles,
    );
    expect(reply.status).toBe(200);
    expect(reply.body.problems).toEqual([]);
    expect(reply.body.importable).toBe(true);
    const [first, second] = reply.body.runs;
    expect(first).toEqual({
      file: "run-2026-11-14.fit",
      startTime: FIT_START,
      date: "2026-11-14",
      durationMin: 40,
      distanceKm: 5.28,
      paceMinPerKm: 7.58,
      cadenceSpm: 154,
      heartRateBpm: 143,
      alreadyImported: null,
    });
    expect(second).toMatchObject({
      file: "run-2026-11-17.gpx",
      date: "2026-11-17",
      durationMin: 30,
      cadenceSpm: 168,
      heartRateBpm: 151,
    });
    expect(second.distanceKm).toBeCloseTo(4.68, 2);
    // (154 × 40 + 168 × 30) ÷ 70 = 160 steps/min, under the 163 line.
    expect(reply.body.cadence).toMatchObject({
      assessmentId,
      evidence: { sign: "low-cadence", method: "watch", present: true, measured: { value: 160 } },
    });
    expect({ logs: await count("session_logs"), input: await storedInput() }).toEqual(before);
  });

  it("imports them as run logs that the plan's next decision counts, and the cadence as watch evidence", async () => {
    const reply = await runner.upload(
      `/api/runners/${runnerId}/imports/runs`,
      { runs: reports },
      bothFiles,
    );
    expect(reply.status).toBe(201);
    expect(reply.body.message).toBe("2 runs imported.");
    expect(reply.body.imported.map((r: { programmeId: string }) => r.programmeId)).toEqual([
      programmeId,
      programmeId,
    ]);

    const logs = (await runner.get(`/api/runners/${runnerId}/logs`)).body.items;
    expect(logs.map((l: { loggedOn: string }) => l.loggedOn)).toEqual(["2026-11-17", "2026-11-14"]);
    expect(logs[1].entry).toEqual({
      date: "2026-11-14",
      type: "run",
      run: {
        durationMin: 40,
        distance: 5.28,
        distanceUnit: "km",
        painDuring: 2,
        painAfter: 1,
        notes: "From the watch file run-2026-11-14.fit: 154 steps/min, 143 bpm.",
      },
    });
    expect(logs[0].painMax).toBe(3);

    const next = await runner.get(`/api/programmes/${programmeId}/next`);
    expect(next.status).toBe(200);
    const run = next.body.decisions.find((d: { kind: string }) => d.kind === "run");
    expect(run).toMatchObject({ date: "2026-11-17", subject: "Distance rebuild" });

    const assessment = (await runner.get(`/api/assessments/${assessmentId}`)).body;
    const watch = assessment.input.movement.filter((m: { method: string }) => m.method === "watch");
    expect(watch).toHaveLength(1);
    expect(watch[0]).toMatchObject({
      sign: "low-cadence",
      present: true,
      measured: { value: 160 },
    });
    // The assessment was assessed again: the watch cadence is evidence of its findings.
    const overstride = assessment.result.findings.find(
      (f: { id: string }) => f.id === "overstriding",
    );
    expect(
      overstride.evidence.some((e: { statement: string }) =>
        e.statement.startsWith("Watch cadence 160 steps/min"),
      ),
    ).toBe(true);
  });

  it("does not import the same file twice, and says so", async () => {
    const logs = await count("session_logs");
    const preview = await runner.upload(
      `/api/runners/${runnerId}/imports/runs/preview`,
      {},
      bothFiles,
    );
    expect(preview.body.importable).toBe(false);
    expect(preview.body.runs[0].alreadyImported).toMatchObject({
      from: "run-2026-11-14.fit",
      reason: expect.stringMatching(/^imported already on \d{4}-\d{2}-\d{2} \(the same file\)$/),
    });
    const again = await runner.upload(
      `/api/runners/${runnerId}/imports/runs`,
      { runs: reports },
      bothFiles,
    );
    expect(again.status).toBe(200);
    expect(again.body.imported).toEqual([]);
    expect(again.body.skipped).toHaveLength(2);
    expect(again.body.message).toMatch(
      /^Nothing imported: every run in the files was imported before \(run-2026-11-14\.fit: imported already on .* \(the same file\); run-2026-11-17\.gpx: imported already/,
    );
    expect(await count("session_logs")).toBe(logs);
    // Twice in one upload: the second copy is the same run.
    const twice = await runner.upload(`/api/runners/${runnerId}/imports/runs/preview`, {}, [
      { filename: "a.gpx", content: shiftedGpx(gpx, 1) },
      { filename: "b.gpx", content: shiftedGpx(gpx, 1) },
    ]);
    expect(twice.body.runs[1].alreadyImported.reason).toBe(
      "the same run as in a.gpx in this upload",
    );
  });

  it("refuses a truncated FIT file with 422 and stores nothing, not even the good file beside it", async () => {
    const before = { logs: await count("session_logs"), runs: await count("watch_runs") };
    const files = [
      { filename: "cut.fit", content: fit.subarray(0, fit.length - 200) },
      { filename: "fine.gpx", content: shiftedGpx(gpx, 7) },
    ];
    const preview = await runner.upload(`/api/runners/${runnerId}/imports/runs/preview`, {}, files);
    expect(preview.status).toBe(200);
    expect(preview.body.problems).toEqual([
      {
        path: "cut.fit",
        message:
          "is truncated or damaged: its length or checksum does not match its header (copy it from the watch again)",
      },
    ]);
    expect(preview.body.importable).toBe(false);
    const refused = await runner.upload(
      `/api/runners/${runnerId}/imports/runs`,
      { runs: JSON.stringify([{ startTime: "2026-11-24T17:30:00Z", painDuring: 1 }]) },
      files,
    );
    expect(refused.status).toBe(422);
    expect(refused.body).toEqual({
      error: "invalid-file",
      message: "The watch file cut.fit has a problem:",
      fields: preview.body.problems,
    });
    expect({ logs: await count("session_logs"), runs: await count("watch_runs") }).toEqual(before);
  });

  it("checks the content, not the name, and needs the pain of every new run", async () => {
    const notWatch = await runner.upload(`/api/runners/${runnerId}/imports/runs/preview`, {}, [
      { filename: "run.fit", content: "date,distance\n2026-11-20,5\n" },
    ]);
    expect(notWatch.status).toBe(415);
    expect(notWatch.body.message).toBe(
      "run.fit is neither a FIT nor a GPX file, whatever its name",
    );
    // The GPX example named .fit is read as the GPX it is.
    const renamed = await runner.upload(`/api/runners/${runnerId}/imports/runs/preview`, {}, [
      { filename: "renamed.fit", content: shiftedGpx(gpx, 14) },
    ]);
    expect(renamed.body.runs[0]).toMatchObject({ date: "2026-12-01", cadenceSpm: 168 });
    const noPain = await runner.upload(`/api/runners/${runnerId}/imports/runs`, {}, [
      { filename: "renamed.fit", content: shiftedGpx(gpx, 14) },
    ]);
    expect(noPain.status).toBe(400);
    expect(noPain.body.fields).toEqual([
      {
        path: "runs",
        message:
          "say how much the run of 2026-12-01 in renamed.fit (start 2026-12-01T17:30:00.000Z) hurt: give its painDuring, 0–10",
      },
    ]);
    const badPain = await runner.upload(
      `/api/runners/${runnerId}/imports/runs`,
      { runs: JSON.stringify([{ startTime: "2026-12-01T17:30:00Z", painDuring: 12 }]) },
      [{ filename: "renamed.fit", content: shiftedGpx(gpx, 14) }],
    );
    expect(badPain.status).toBe(400);
    expect(badPain.body.fields).toEqual([
      {
        path: "runs[0].painDuring",
        message: "pain during the run must be from 0 to 10 (worst imaginable)",
      },
    ]);
  });

  it("lets the runner's clinic import for the runner; another clinic gets 404", async () => {
    const admin = await newClinic(app, "Watch Clinic");
    const clinician = await invited(admin, "clinician", "Cal Physio");
    const stranger = await invited(await newClinic(app, "Other Clinic"), "clinician", "Sy");
    await runner.post(`/api/runners/${runnerId}/shares`, { clinicId: admin.user.clinicId });
    const file = [{ filename: "clinic.gpx", content: shiftedGpx(gpx, 21) }];
    const form = { runs: JSON.stringify([{ startTime: "2026-12-08T17:30:00Z", painDuring: 0 }]) };
    const other = await stranger.upload(`/api/runners/${runnerId}/imports/runs`, form, file);
    expect(other.status).toBe(404);
    const reply = await clinician.upload(`/api/runners/${runnerId}/imports/runs`, form, file);
    expect(reply.status).toBe(201);
    const audit = await store.db
      .selectFrom("audit_events")
      .select("action")
      .where("runner_id", "=", runnerId)
      .where("actor_id", "=", clinician.user.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["import.runs"]);
  });
});
