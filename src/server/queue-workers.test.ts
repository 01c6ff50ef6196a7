import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openStore, type Store } from "../store/database.js";
import { createTestSchema, dropTestSchema } from "../store/test-support/test-databases.js";
import { writeRunnerVideo } from "../vision/test-support/render-runner.js";
import { type App, buildApp } from "./app.js";
import { serverConfigFromEnv } from "./config.js";
import { startWorkerProcess, type WorkerProcess } from "./test-support/server-process.js";
import { type Client, multipartBody, signedUpRunner } from "./test-support/test-server.js";

/**
 * The scale mode: servers with HIPCHECK_JOBS=queue queue analyses in pg-boss, separate
 * `hipcheck worker` processes run them, and any server reports their progress.
 */
const url = inject("postgresUrl");
/** Short enough that expiry is seen within the test, long enough for a real analysis to pass it. */
const JOB_TIMEOUT_SECONDS = 45;
/** A hang guard, not a timing: the machine is shared and pose estimation slows under load. */
const HANG_GUARD_MS = 300_000;

async function until<T>(what: string, read: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + HANG_GUARD_MS;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const lines = (worker: WorkerProcess, pattern: RegExp) =>
  worker
    .output()
    .split("\n")
    .filter((line) => pattern.test(line));

/** The one worker that says it finished the analysis (waiting for it to say so). */
const doneBy = async (workers: WorkerProcess[], id: string): Promise<WorkerProcess> => {
  const done = new RegExp(`analysis ${id}: done`);
  const by = await until(`a worker to report ${id} done`, async () => {
    const by = workers.filter((w) => lines(w, done).length > 0);
    return by.length > 0 ? by : undefined;
  });
  expect(by).toHaveLength(1);
  expect(lines(by[0]!, done)).toHaveLength(1);
  return by[0]!;
};

describe.runIf(url)("video analyses on hipcheck worker processes (PostgreSQL)", () => {
  let schema: string;
  const queueSchema = `test_queue_${randomBytes(6).toString("hex")}`;
  let filesDir: string;
  let clipDir: string;
  let shortClip: Buffer;
  let longClip: Buffer;
  const stores: Store[] = [];
  let api: App;
  let otherApi: App;
  let runner: Client;
  const workers: WorkerProcess[] = [];
  let workerEnv: Record<string, string>;

  beforeAll(async () => {
    schema = await createTestSchema(url);
    filesDir = await mkdtemp(join(tmpdir(), "hipcheck-shared-files-"));
    clipDir = await mkdtemp(join(tmpdir(), "hipcheck-clips-"));
    await writeRunnerVideo(join(clipDir, "short.mp4"), {
      view: "rear",
      fps: 30,
      durationS: 3,
      scale: 0.5,
    });
    await writeRunnerVideo(join(clipDir, "long.mp4"), {
      view: "rear",
      fps: 30,
      durationS: 6,
      scale: 0.5,
    });
    shortClip = await readFile(join(clipDir, "short.mp4"));
    longClip = await readFile(join(clipDir, "long.mp4"));
    const env = {
      DATABASE_URL: url,
      HIPCHECK_JOBS: "queue",
      HIPCHECK_QUEUE_SCHEMA: queueSchema,
      HIPCHECK_JOB_TIMEOUT_SECONDS: String(JOB_TIMEOUT_SECONDS),
    };
    // Two API servers on one database and one files folder: nothing is kept in either process.
    const startApi = async () => {
      const store = await openStore({ kind: "postgres", url, schema });
      stores.push(store);
      const app = await buildApp({
        store,
        config: serverConfigFromEnv(env, { filesDir, port: 0 }),
      });
      await app.ready();
      return app;
    };
    api = await startApi();
    otherApi = await startApi();
    runner = await signedUpRunner(api, "Queue Runner");
    workerEnv = {
      ...env,
      HIPCHECK_JOBS: "",
      DATABASE_URL: `${url}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
      HIPCHECK_FILES_DIR: filesDir,
      HIPCHECK_WORKERS: "1",
      // A stop waits for the analysis in flight (the hand-back is tested with a grace of 0).
      HIPCHECK_WORKER_GRACE_SECONDS: "600",
    };
  }, 300_000);

  afterAll(async () => {
    for (const worker of workers) worker.child.kill("SIGKILL");
    await Promise.all(workers.map((w) => w.exited));
    await api?.close();
    await otherApi?.close();
    for (const store of stores) await store.close();
    await dropTestSchema(url, schema);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${queueSchema} CASCADE`);
    await admin.end();
    await rm(filesDir, { recursive: true, force: true });
    await rm(clipDir, { recursive: true, force: true });
  });

  const upload = async (clip: Buffer): Promise<string> => {
    const { payload, headers } = multipartBody("video", "run.mp4", clip);
    const reply = await runner.request(
      "POST",
      `/api/runners/${runner.user.runnerId}/analyses?view=rear`,
      payload,
      headers,
    );
    expect(reply.status).toBe(202);
    return reply.body.id;
  };
  const row = (id: string) =>
    stores[0]!.db
      .selectFrom("movement_analyses")
      .select(["status", "progress", "attempts", "measurements"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
  const doneRow = (id: string) =>
    until(`analysis ${id} to end`, async () => {
      const r = await row(id);
      return r.status === "done" || r.status === "failed" ? r : undefined;
    });

  it("analyses an upload in a worker process; another server streams its progress and serves its pictures", async () => {
    workers.push(await startWorkerProcess(workerEnv));
    const id = await upload(longClip);
    const events = await otherApi.inject({
      method: "GET",
      url: `/api/analyses/${id}/events`,
      headers: { cookie: runner.cookie! },
    });
    expect(events.headers["content-type"]).toBe("text/event-stream");
    const progress = [...events.body.matchAll(/event: progress\ndata: (\{.*\})/g)].map(
      (m) => JSON.parse(m[1]!).progress as number,
    );
    expect(progress.some((p) => p > 0 && p < 1)).toBe(true);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(events.body).toMatch(/event: done\ndata: \{"status":"done","progress":1\}/);
    const analysis = await runner.get(`/api/analyses/${id}`);
    expect(analysis.body.status).toBe("done");
    expect(analysis.body.measurements.analysis.kind).toBe("running");
    expect(analysis.body.measurements.rulesVersion).toBeTruthy();
    expect(analysis.body.pictures.length).toBeGreaterThan(0);
    const picture = await otherApi.inject({
      method: "GET",
      url: analysis.body.pictures[0],
      headers: { cookie: runner.cookie! },
    });
    expect(picture.statusCode).toBe(200);
    expect(picture.rawPayload.subarray(1, 4).toString()).toBe("PNG");
    expect(await doneBy(workers, id)).toBe(workers[0]);
  }, 600_000);

  it("spreads two analyses over two workers, each analysed once", async () => {
    workers.push(await startWorkerProcess(workerEnv));
    const first = await upload(longClip);
    // The worker that took the first is paused while the second waits in the queue, so only
    // the other one can take it, however fast the machine finishes the first.
    const started = new RegExp(`analysis ${first}: started`);
    const busy = await until(`a worker to start ${first}`, async () =>
      workers.find((w) => lines(w, started).length > 0),
    );
    busy.child.kill("SIGSTOP");
    try {
      const second = await upload(shortClip);
      const ended = await doneRow(second);
      expect(ended.status).toBe("done");
      expect(ended.measurements).toBeTruthy();
      expect(await doneBy(workers, second)).not.toBe(busy);
    } finally {
      busy.child.kill("SIGCONT");
    }
    const ended = await doneRow(first);
    expect(ended.status).toBe("done");
    expect(ended.measurements).toBeTruthy();
    await doneBy(workers, first);
  }, 600_000);

  it("takes up the job of a worker killed mid-analysis on another worker, and completes it once", async () => {
    const id = await upload(longClip);
    // Killed as soon as it says it started: the whole analysis is still ahead, however fast
    // the machine.
    const started = new RegExp(`analysis ${id}: started \\(attempt 1\\)`);
    const victim = await until(`a worker to start ${id}`, async () =>
      workers.find((w) => lines(w, started).length > 0),
    );
    const survivor = workers.find((w) => w !== victim)!;
    victim.child.kill("SIGKILL");
    expect(await victim.exited).toBe("SIGKILL");
    const ended = await doneRow(id);
    expect(ended.status).toBe("done");
    expect(ended.measurements).toBeTruthy();
    expect(ended.attempts).toBeGreaterThanOrEqual(2);
    expect(lines(survivor, new RegExp(`analysis ${id}: started \\(attempt 2\\)`))).toHaveLength(1);
    expect(await doneBy(workers, id)).toBe(survivor);
    // The job itself is completed in pg-boss, not left to be retried again.
    const job = await until("the job to be completed", async () => {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        const result = await admin.query(
          `SELECT state FROM ${queueSchema}.job WHERE id = $1 AND name = 'video-analysis'`,
          [id],
        );
        return result.rows[0]?.state === "completed" ? result.rows[0] : undefined;
      } finally {
        await admin.end();
      }
    });
    expect(job.state).toBe("completed");
  }, 600_000);

  it("on SIGTERM finishes the analysis in flight, or hands it back when the grace time is up", async () => {
    const survivor = workers.find((w) => w.child.exitCode === null && w.child.signalCode === null)!;
    const finished = await upload(shortClip);
    await until("the worker to start the analysis", async () =>
      lines(survivor, new RegExp(`analysis ${finished}: started`)).length > 0 ? true : undefined,
    );
    survivor.child.kill("SIGTERM");
    expect(await survivor.exited).toBe(0);
    expect((await row(finished)).status).toBe("done");
    expect(await doneBy([survivor], finished)).toBe(survivor);
    expect(survivor.output()).toMatch(/hipcheck worker stopped/);

    const hasty = await startWorkerProcess({ ...workerEnv, HIPCHECK_WORKER_GRACE_SECONDS: "0" });
    workers.push(hasty);
    const handedBack = await upload(longClip);
    await until("the hasty worker to start the analysis", async () =>
      lines(hasty, new RegExp(`analysis ${handedBack}: started`)).length > 0 ? true : undefined,
    );
    hasty.child.kill("SIGTERM");
    expect(await hasty.exited).toBe(0);
    expect(lines(hasty, new RegExp(`analysis ${handedBack}: handed back`))).toHaveLength(1);
    expect((await row(handedBack)).status).toBe("queued");
    const next = await startWorkerProcess(workerEnv);
    workers.push(next);
    expect((await doneRow(handedBack)).status).toBe("done");
    expect(await doneBy(workers, handedBack)).toBe(next);
  }, 600_000);
});
