import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findAnalysis, insertAnalysis } from "./analyses.repository.js";
import {
  abandonAnalysis,
  claimAnalysis,
  failAnalysis,
  finishAnalysis,
  requeueAnalysis,
  saveAnalysisProgress,
} from "./analysis-runs.repository.js";
import type { Store } from "./database.js";
import { insertRunner } from "./runners.repository.js";
import { testDatabases } from "./test-support/test-databases.js";

/**
 * Two starts of one analysis (a worker taken for dead, and the one that replaced it): only the
 * latest writes progress or a failure, and the first result saved is the only one.
 */
describe.each(testDatabases())("starts of an analysis on $name", (database) => {
  let store: Store;
  let runnerId: string;
  beforeAll(async () => {
    store = await database.open();
    runnerId = randomUUID();
    await insertRunner(store.db, { id: runnerId, userId: null, clinicId: null, displayName: "A" });
  });
  afterAll(() => store.close());

  const newAnalysis = async () => {
    const id = randomUUID();
    await insertAnalysis(store.db, {
      id,
      runnerId,
      options: { task: "running", view: "rear", video: `/files/${id}/video.mp4` },
    });
    return id;
  };

  it("numbers each start; the replaced one's progress and failure are not saved, one result is", async () => {
    const id = await newAnalysis();
    const first = (await claimAnalysis(store.db, id))!;
    expect(first).toMatchObject({ id, runnerId, attempt: 1, options: { task: "running" } });
    expect(await saveAnalysisProgress(store.db, first, 0.4)).toBe(true);
    const second = (await claimAnalysis(store.db, id))!;
    expect(second.attempt).toBe(2);
    expect((await findAnalysis(store.db, id))?.progress).toBe(0);
    expect(await saveAnalysisProgress(store.db, first, 0.5)).toBe(false);
    expect(await failAnalysis(store.db, first, "out of memory")).toBe(false);
    expect(await saveAnalysisProgress(store.db, second, 0.3)).toBe(true);
    const result = { measurements: { cadence: 172 }, pictures: ["frame.png"] };
    expect(await finishAnalysis(store.db, id, result)).toBe(true);
    expect(await finishAnalysis(store.db, id, result)).toBe(false);
    expect(await failAnalysis(store.db, second, "late failure")).toBe(false);
    expect(await claimAnalysis(store.db, id)).toBeUndefined();
    const saved = await findAnalysis(store.db, id);
    expect(saved).toMatchObject({ status: "done", progress: 1, files: ["frame.png"], error: null });
    expect(saved?.measurements).toEqual({ cadence: 172 });
  });

  it("requeues a handed-back start, and gives up an analysis no start finished", async () => {
    const id = await newAnalysis();
    const first = (await claimAnalysis(store.db, id))!;
    await requeueAnalysis(store.db, first);
    expect((await findAnalysis(store.db, id))?.status).toBe("queued");
    const second = (await claimAnalysis(store.db, id))!;
    await requeueAnalysis(store.db, first);
    expect((await findAnalysis(store.db, id))?.status).toBe("running");
    await abandonAnalysis(store.db, id, "interrupted too often");
    expect(await findAnalysis(store.db, id)).toMatchObject({
      status: "failed",
      error: "interrupted too often",
    });
    expect(await finishAnalysis(store.db, id, { measurements: {}, pictures: [] })).toBe(false);
    expect(await saveAnalysisProgress(store.db, second, 0.9)).toBe(false);
    const done = await newAnalysis();
    await claimAnalysis(store.db, done);
    await finishAnalysis(store.db, done, { measurements: {}, pictures: [] });
    await abandonAnalysis(store.db, done, "too late");
    expect((await findAnalysis(store.db, done))?.status).toBe("done");
  });
});
