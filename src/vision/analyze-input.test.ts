import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportHipcheckKeypoints } from "../core/movement/keypoints.schema.js";
import type { KeypointSeries } from "../core/movement/keypoints.types.js";
import { BODY_25_ORDER } from "../core/movement/openpose.import.js";
import { syntheticRun } from "../core/movement/test-support/synthetic-runner.js";
import { formatAnalysis } from "./analysis-report.js";
import { analyzeInput } from "./analyze-input.js";
import { decodeFrames, probeVideo, VideoError } from "./ffmpeg.js";
import { writeRunnerVideo } from "./test-support/render-runner.js";

let dir: string;

/** Writes a series as an OpenPose output folder (one BODY_25 file per frame). */
function writeOpenPoseFolder(series: KeypointSeries, folder: string): void {
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < series.t.length; i++) {
    const values = BODY_25_ORDER.flatMap((name) => {
      const track = series.tracks[name];
      const score = track?.score[i] ?? 0;
      return track && score > 0 ? [track.x[i] ?? 0, track.y[i] ?? 0, score] : [0, 0, 0];
    });
    const name = `clip_${String(i).padStart(12, "0")}_keypoints.json`;
    writeFileSync(
      join(folder, name),
      JSON.stringify({ version: 1.3, people: [{ person_id: [-1], pose_keypoints_2d: values }] }),
    );
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "hipcheck-analyze-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("hipcheck analyze on keypoints", () => {
  it("gives the same metrics from an OpenPose folder as from a hipcheck keypoint file", async () => {
    const { series } = syntheticRun({ pelvicDropDeg: { left: 3, right: 8 }, noisePx: 1, fps: 50 });
    const file = join(dir, "run.json");
    writeFileSync(file, JSON.stringify(exportHipcheckKeypoints(series)));
    writeOpenPoseFolder(series, join(dir, "openpose"));
    const fromFile = await analyzeInput(file);
    const fromFolder = await analyzeInput(join(dir, "openpose"), { fps: 50 });
    expect(fromFile.source).toBe("keypoints");
    expect(fromFolder.source).toBe("openpose");
    expect(fromFolder.model).toBe("openpose-body25");
    expect(fromFolder.analysis).toMatchObject({ kind: "running", view: "rear" });
    if (fromFile.analysis.kind !== "running" || fromFolder.analysis.kind !== "running")
      throw new Error("running expected");
    expect(fromFolder.analysis.metrics.right.pelvicDrop?.mean).toBeCloseTo(
      fromFile.analysis.metrics.right.pelvicDrop?.mean ?? 0,
      1,
    );
    expect(Math.abs((fromFolder.analysis.metrics.right.pelvicDrop?.mean ?? 0) - 8)).toBeLessThan(
      0.6,
    );
    expect(
      fromFolder.evidence.find((e) => e.sign === "pelvic-drop" && e.side === "right")?.present,
    ).toBe(true);
  });

  it("asks for the frame rate of an OpenPose folder", async () => {
    await expect(analyzeInput(join(dir, "openpose"))).rejects.toThrow(
      "fps: the frame rate is required",
    );
  });

  it("warns about a 15 fps clip instead of inventing contact times", async () => {
    const { series } = syntheticRun({ fps: 15 });
    const file = join(dir, "slow.json");
    writeFileSync(file, JSON.stringify(exportHipcheckKeypoints(series)));
    const result = await analyzeInput(file);
    if (result.analysis.kind !== "running") throw new Error("running expected");
    expect(result.analysis.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(["low-fps", "no-contact-time"]),
    );
    expect(result.analysis.metrics.left.contactTime).toBeUndefined();
  });
});

describe("hipcheck analyze on a video", () => {
  it("finds the runner, measures per side and writes annotated pictures", {
    timeout: 180_000,
  }, async () => {
    const video = join(dir, "run.mp4");
    const spec = await writeRunnerVideo(video, { view: "rear", fps: 30, durationS: 6, scale: 0.5 });
    const out = join(dir, "result");
    const result = await analyzeInput(video, { out, workers: 2, mp4: true });
    expect(result.source).toBe("video");
    expect(result.model).toBe("movenet-lightning");
    expect(result.backend).toBe("onnx");
    if (result.analysis.kind !== "running") throw new Error("running expected");
    const a = result.analysis;
    expect(a.view).toBe("rear");
    // Cadence from a 6 s clip at 30 fps: each contact falls on a frame (33 ms of a 353 ms
    // step) and a missed step drops two intervals, so runs whose keypoints differ by 1e-3 px
    // (ONNX Runtime or TF.js) read 171 and 183. The contact times below are the finer check.
    expect(Math.abs((a.cadence?.mean ?? 0) - 170)).toBeLessThan(15);
    expect(a.quality.stepsUsed.left + a.quality.stepsUsed.right).toBeGreaterThanOrEqual(12);
    expect(a.quality.meanScore).toBeGreaterThan(0.4);
    // Alone in the picture: no second person reported.
    expect(a.quality.framesWithSeveralPeople).toBe(0);
    expect(a.warnings.map((w) => w.code)).not.toContain("several-people");
    // The rendered runner's right foot lands at 0.05 s + k × 60/170 s for even k, the left for odd k.
    const stepTime = 60 / spec.cadence;
    const errors = a.steps.map((step) => {
      const k = Math.round((step.contact - 0.05) / stepTime);
      expect(step.side).toBe(k % 2 === 0 ? "right" : "left");
      return Math.abs(step.contact - (0.05 + k * stepTime)) * 1000;
    });
    // At 30 fps a frame lasts 33 ms; through MoveNet the contacts land within about 1.5 frames.
    expect(errors.reduce((sum, e) => sum + e, 0) / errors.length).toBeLessThan(50);
    for (const name of [
      "left-pelvic-drop.png",
      "right-contact.png",
      "analysis.json",
      "keypoints.json",
    ]) {
      expect(existsSync(join(out, name))).toBe(true);
    }
    const png = readFileSync(join(out, "left-pelvic-drop.png"));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    const saved = JSON.parse(readFileSync(join(out, "analysis.json"), "utf8"));
    expect(saved.evidence.length).toBe(result.evidence.length);
    expect(formatAnalysis(result)).toContain("Running, rear view (detected)");

    // The annotated video: as long and as large as the clip, with the skeleton drawn in.
    const mp4 = join(out, "annotated.mp4");
    expect(result.files).toContain(mp4);
    expect(probeVideo(mp4)).toMatchObject({ width: 960, height: 540, fps: 30, codec: "h264" });
    const size = { width: 480, height: 270 };
    const orange = async (path: string) => {
      // Pixels of the left limbs' colour (255, 170, 0) in each frame.
      const counts: number[] = [];
      for await (const rgb of decodeFrames(path, size)) {
        let n = 0;
        for (let p = 0; p < rgb.length; p += 3)
          if (
            (rgb[p] ?? 0) > 220 &&
            Math.abs((rgb[p + 1] ?? 0) - 170) < 30 &&
            (rgb[p + 2] ?? 0) < 60
          )
            n++;
        counts.push(n);
      }
      return counts;
    };
    const [drawn, plain] = await Promise.all([orange(mp4), orange(video)]);
    expect(drawn.length).toBe(180);
    expect(plain.length).toBe(180);
    const more = drawn.filter((n, i) => n > (plain[i] ?? 0) + 50).length;
    expect(more).toBeGreaterThan(170);
  });

  it("warns, without failing, when a second runner is in the picture", {
    timeout: 180_000,
  }, async () => {
    const video = join(dir, "two-runners.mp4");
    await writeRunnerVideo(video, {
      view: "rear",
      fps: 30,
      durationS: 4,
      scale: 0.5,
      companion: { shift: [0, 0, 1.5], delayS: 0.15 },
    });
    const result = await analyzeInput(video, { workers: 2 });
    if (result.analysis.kind !== "running") throw new Error("running expected");
    const a = result.analysis;
    // One look every 2 s of video (frames 4 and 64); the other runner is there in every frame.
    expect(a.quality.framesWithSeveralPeople).toBeGreaterThanOrEqual(0.5 * a.frames);
    expect(a.warnings.find((w) => w.code === "several-people")?.message).toContain(
      "More than one person was seen",
    );
    // As above: a 4 s clip at 30 fps measures cadence to within about ±15 steps/min.
    expect(Math.abs((a.cadence?.mean ?? 0) - 170)).toBeLessThan(15);
  });

  it("says so when the file is not a video", async () => {
    const bad = join(dir, "notes.mov");
    writeFileSync(bad, "shopping list");
    await expect(analyzeInput(bad)).rejects.toThrow(VideoError);
  });
});
