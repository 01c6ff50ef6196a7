import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../store/database.js";
import { testDatabases } from "../store/test-support/test-databases.js";
import { writeRunnerVideo } from "../vision/test-support/render-runner.js";
import type { App } from "./app.js";
import {
  type Client,
  multipartBody,
  newClinic,
  signedUpRunner,
  testApp,
} from "./test-support/test-server.js";

let video: Buffer;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "hipcheck-upload-"));
  const path = join(dir, "run.mp4");
  await writeRunnerVideo(path, { view: "rear", fps: 30, durationS: 3, scale: 0.5 });
  video = await readFile(path);
}, 180_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.each(testDatabases())("video analysis over HTTP on $name", (database) => {
  let store: Store;
  let app: App;
  let runner: Client;
  let url: string;
  beforeAll(async () => {
    store = await database.open();
    app = await testApp(store);
    runner = await signedUpRunner(app, "Video Runner");
    url = `/api/runners/${runner.user.runnerId}/analyses`;
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const upload = (client: Client, target: string, content: Buffer, name = "run.mp4") => {
    const { payload, headers } = multipartBody("video", name, content);
    return client.request("POST", target, payload, headers);
  };

  it("analyses an uploaded video as a job, streams its progress and serves the pictures", async () => {
    const accepted = await upload(runner, `${url}?view=rear`, video);
    expect(accepted.status).toBe(202);
    const id = accepted.body.id;
    const events = await app.inject({
      method: "GET",
      url: `/api/analyses/${id}/events`,
      headers: { cookie: runner.cookie! },
    });
    expect(events.headers["content-type"]).toBe("text/event-stream");
    expect(events.body).toMatch(/event: done\ndata: \{"status":"done","progress":1\}/);
    const analysis = await runner.get(`/api/analyses/${id}`);
    expect(analysis.body.status).toBe("done");
    expect(analysis.body.measurements.analysis.kind).toBe("running");
    expect(analysis.body.measurements.rulesVersion).toBeTruthy();
    expect(analysis.body.pictures.length).toBeGreaterThan(0);
    const picture = await app.inject({
      method: "GET",
      url: analysis.body.pictures[0],
      headers: { cookie: runner.cookie! },
    });
    expect(picture.statusCode).toBe(200);
    expect(picture.headers["content-type"]).toBe("image/png");
    expect(picture.rawPayload.subarray(1, 4).toString()).toBe("PNG");
    const other = await newClinic(app, "Nosy Clinic");
    expect((await other.get(`/api/analyses/${id}`)).status).toBe(404);
  }, 180_000);

  it("refuses a file that is not a video whatever its name, and one over the size limit", async () => {
    const fake = await upload(
      runner,
      url,
      Buffer.from("this is a text file pretending"),
      "clip.mp4",
    );
    expect(fake.status).toBe(415);
    expect(fake.body.message).toMatch(/not a video/);
    app.config.maxUploadBytes = 1024;
    const big = await upload(runner, url, video);
    app.config.maxUploadBytes = 200 * 1024 * 1024;
    expect(big.status).toBe(413);
    expect(
      await store.db
        .selectFrom("movement_analyses")
        .select("id")
        .where("status", "=", "queued")
        .execute(),
    ).toEqual([]);
  });
});
