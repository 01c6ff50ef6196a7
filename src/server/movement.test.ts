import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../store/database.js";
import { testDatabases } from "../store/test-support/test-databases.js";
import type { App } from "./app.js";
import { storeAnalysis } from "./test-support/stored-analysis.js";
import {
  type Client,
  invited,
  newClinic,
  signedUpRunner,
  testApp,
} from "./test-support/test-server.js";

const seed000 = JSON.parse(await readFile("examples/seed-000-hip-weakness.json", "utf8"));

describe.each(testDatabases())("video analyses in assessments on $name", (database) => {
  let store: Store;
  let app: App;
  let runner: Client;
  let clinician: Client;
  let outsider: Client;
  let runnerId: string;
  /** Right-stance pelvic drop of 10°: a sign the default threshold calls present. */
  let dropping: string;
  let failed: string;
  let running: string;
  /** Cadence 90: walking or slow motion, every measurement withheld as implausible. */
  let implausible: string;
  beforeAll(async () => {
    store = await database.open();
    app = await testApp(store);
    const admin = await newClinic(app, "Gait Clinic");
    clinician = await invited(admin, "clinician", "Gale Clinician");
    outsider = await newClinic(app, "Other Clinic");
    runner = await signedUpRunner(app, "Vic Video");
    runnerId = runner.user.runnerId;
    await runner.post(`/api/runners/${runnerId}/shares`, { clinicId: admin.user.clinicId });
    dropping = await storeAnalysis(store.db, runnerId, {
      runner: { pelvicDropDeg: { left: 3, right: 10 } },
    });
    failed = await storeAnalysis(store.db, runnerId, { status: "failed" });
    running = await storeAnalysis(store.db, runnerId, { status: "running" });
    implausible = await storeAnalysis(store.db, runnerId, { runner: { cadence: 90 } });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const assessed = async () => {
    const made = await runner.post(`/api/runners/${runnerId}/assessments`, { input: seed000 });
    const done = await runner.post(`/api/assessments/${made.body.id}/assess`);
    expect(done.status).toBe(200);
    return made.body.id as string;
  };

  it("lists the runner's analyses newest first, a page at a time, with status and measurements", async () => {
    const url = `/api/runners/${runnerId}/analyses`;
    const first = await clinician.get(`${url}?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items.map((a: { id: string }) => a.id)).toEqual([implausible, running]);
    const rest = await clinician.get(`${url}?limit=2&cursor=${first.body.nextCursor}`);
    expect(rest.body.items.map((a: { id: string }) => a.id)).toEqual([failed, dropping]);
    expect(rest.body.nextCursor).toBeNull();
    const [failedRow, done] = rest.body.items;
    expect(failedRow).toMatchObject({ status: "failed", measurements: [] });
    expect(failedRow.error).toMatch(/could not be decoded/);
    expect(done).toMatchObject({ status: "done", task: "running", view: "rear", progress: 1 });
    const drop = done.measurements.find(
      (m: { metric: string; side?: string }) => m.metric === "pelvic-drop" && m.side === "right",
    );
    expect(drop.unit).toBe("°");
    expect(drop.value).toBeCloseTo(10, 0);
    expect(first.body.items[0].measurements.every((m: { withheld?: string }) => m.withheld)).toBe(
      true,
    );
    expect((await outsider.get(url)).status).toBe(404);
  });

  it("adds a finished analysis to an assessed assessment, which is assessed again with it", async () => {
    const id = await assessed();
    const before = await runner.get(`/api/assessments/${id}`);
    expect(before.body.result.movement.some((e: { method: string }) => e.method === "video")).toBe(
      false,
    );
    const added = await clinician.post(`/api/assessments/${id}/movement`, {
      analysisId: dropping,
    });
    expect(added.status).toBe(200);
    expect(added.body.input.videoAnalyses).toHaveLength(1);
    expect(added.body.input.videoAnalyses[0]).toMatchObject({
      task: "running",
      input: `/api/analyses/${dropping}`,
    });
    expect(added.body.rulesVersion).toBeTruthy();
    const videoDrop = added.body.result.movement.find(
      (e: { method: string; sign: string; side?: string }) =>
        e.method === "video" && e.sign === "pelvic-drop" && e.side === "right",
    );
    expect(videoDrop.present).toBe(true);
    expect(added.body.result.videoAnalyses).toEqual([
      expect.objectContaining({ input: `/api/analyses/${dropping}`, skipped: [] }),
    ]);
    // Added again: counted once. Assessed again later: the stored input still holds it.
    const again = await runner.post(`/api/assessments/${id}/movement`, { analysisId: dropping });
    expect(again.body.input.videoAnalyses).toHaveLength(1);
    const reassessed = await runner.post(`/api/assessments/${id}/assess`);
    expect(reassessed.body.result.videoAnalyses).toHaveLength(1);
  });

  it("adds one to an assessment still being filled in, without assessing it", async () => {
    const draft = await runner.post(`/api/runners/${runnerId}/assessments`, {
      input: { assessedOn: "2026-12-01" },
    });
    const added = await runner.post(`/api/assessments/${draft.body.id}/movement`, {
      analysisId: dropping,
    });
    expect(added.status).toBe(200);
    expect(added.body.input.videoAnalyses).toHaveLength(1);
    expect(added.body.result).toBeNull();
  });

  it("refuses an analysis that is running, failed or all implausible, and changes nothing", async () => {
    const id = await assessed();
    const tryAdd = (analysisId: string) =>
      runner.post(`/api/assessments/${id}/movement`, { analysisId });
    const stillRunning = await tryAdd(running);
    expect(stillRunning.status).toBe(409);
    expect(stillRunning.body.message).toBe(
      "the analysis is not finished yet (running, 40 %): add it once it is done",
    );
    const broken = await tryAdd(failed);
    expect(broken.status).toBe(422);
    expect(broken.body.message).toBe(
      "the analysis failed, so it has no measurements to add: the video could not be decoded",
    );
    const walking = await tryAdd(implausible);
    expect(walking.status).toBe(422);
    expect(walking.body.message).toMatch(
      /^every measurement of this analysis was withheld as implausible, so it adds nothing to an assessment: .*90 steps\/min, outside running's 130–230/,
    );
    const unchanged = await runner.get(`/api/assessments/${id}`);
    expect(unchanged.body.input.videoAnalyses).toBeUndefined();
    expect(unchanged.body.result).not.toBeNull();
  });

  it("answers 404 for another runner's analysis or assessment", async () => {
    const other = await signedUpRunner(app, "Other Runner");
    const theirs = await storeAnalysis(store.db, other.user.runnerId);
    const id = await assessed();
    const foreign = await runner.post(`/api/assessments/${id}/movement`, { analysisId: theirs });
    expect(foreign.status).toBe(404);
    expect(foreign.body.message).toBe("analysis not found");
    const notTheirs = await other.post(`/api/assessments/${id}/movement`, {
      analysisId: theirs,
    });
    expect(notTheirs.status).toBe(404);
    const bad = await runner.post(`/api/assessments/${id}/movement`, { analysisId: "clip-1" });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual([
      { path: "analysisId", message: "must be an analysis id (a UUID)" },
    ]);
  });
});
