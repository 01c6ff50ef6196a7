import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { syntheticRun } from "../core/movement/test-support/synthetic-runner.js";
import { BLAZEPOSE_POINTS, fromBlazePose } from "./blazepose.js";
import { writeRunnerVideo } from "./test-support/render-runner.js";
import { estimateVideoPose } from "./video-pose.js";

const dir = mkdtempSync(join(tmpdir(), "hipcheck-blazepose-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("BlazePose landmarks", () => {
  it("puts COCO's 17 points first, then heels and toes, in frame pixels", () => {
    expect(BLAZEPOSE_POINTS.slice(15)).toEqual([
      "leftAnkle",
      "rightAnkle",
      "leftHeel",
      "rightHeel",
      "leftBigToe",
      "rightBigToe",
    ]);
    const landmarks = new Float32Array(39 * 5).fill(-20);
    // BlazePose's left heel is landmark 29: x 128, y 64 in a 256-pixel input, surely seen.
    landmarks.set([128, 64, 0, 10, 10], 29 * 5);
    const points = fromBlazePose({ landmarks, poseFlag: 0.9 }, { x: 100, y: 50, size: 200 }, 256);
    expect(points).toHaveLength(21);
    expect(points[17]?.x).toBeCloseTo(200, 6);
    expect(points[17]?.y).toBeCloseTo(100, 6);
    expect(points[17]?.score).toBeCloseTo(0.9, 3);
    expect(points[18]?.score).toBeLessThan(1e-6);
  });

  it("finds the heels and toes of the runner in a video", { timeout: 180_000 }, async () => {
    const video = join(dir, "run.mp4");
    await writeRunnerVideo(video, { view: "side", fps: 30, durationS: 2, scale: 0.5 });
    const truth = syntheticRun({ view: "side", fps: 30, durationS: 2 }).series;
    const pose = await estimateVideoPose(video, { model: "blazepose", workers: 2 });
    expect(pose.series.model).toBe("blazepose-full");
    for (const name of ["leftHeel", "rightHeel", "leftBigToe", "rightBigToe"] as const) {
      const found = pose.series.tracks[name];
      const real = truth.tracks[name];
      if (!found || !real) throw new Error(`${name} missing`);
      let error = 0;
      for (let i = 0; i < found.x.length; i++)
        error += Math.hypot(
          (found.x[i] ?? 0) - 0.5 * (real.x[i] ?? 0),
          (found.y[i] ?? 0) - 0.5 * (real.y[i] ?? 0),
        );
      // The truth is in the camera's 1920 × 1080 pixels, the clip is half that: the runner is
      // about 300 px tall, and the drawn shoes are strokes, not feet. Measured: 21–24 px.
      expect(error / found.x.length).toBeLessThan(30);
      expect(found.score.reduce((sum, s) => sum + s, 0) / found.x.length).toBeGreaterThan(0.5);
    }
  });
});
