import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportHipcheckKeypoints } from "../core/movement/keypoints.schema.js";
import type { KeypointSeries } from "../core/movement/keypoints.types.js";
import { BODY_25_ORDER } from "../core/movement/openpose.import.js";
import { slowMotion } from "../core/movement/test-support/phone-footage.js";
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

  it("reads only the *_keypoints.json frames of a folder, lists the other files, names a bad frame", async () => {
    const folder = join(dir, "openpose-mixed");
    const { series } = syntheticRun({ fps: 30, durationS: 6 });
    writeOpenPoseFolder(series, folder);
    writeFileSync(join(folder, "camera.json"), JSON.stringify({ lens: "wide" }));
    writeFileSync(join(folder, "notes.txt"), "treadmill 12 km/h");
    const result = await analyzeInput(folder, { fps: 30 });
    if (result.analysis.kind !== "running") throw new Error("running expected");
    expect(result.analysis.frames).toBe(180);
    expect(result.notes).toEqual([
      "Read 180 OpenPose frame files (*_keypoints.json); ignored 2 other files: camera.json, notes.txt.",
    ]);
    expect(formatAnalysis(result)).toContain("Note: Read 180 OpenPose frame files");
    const bad = "clip_000000000042_keypoints.json";
    writeFileSync(join(folder, bad), JSON.stringify({ version: 1.3, people: "nobody" }));
    await expect(analyzeInput(folder, { fps: 30 })).rejects.toThrow(
      `The OpenPose frame file ${bad} has a problem:\n  - people: people must be a list (OpenPose frame file)`,
    );
  });

  it("prints a slow-motion clip's cadence as not measured, and measures it at the --fps given", async () => {
    const file = join(dir, "slow-motion.json");
    writeFileSync(
      file,
      JSON.stringify(exportHipcheckKeypoints(slowMotion({ fps: 120, durationS: 8 }, 30))),
    );
    const stored = await analyzeInput(file);
    const text = formatAnalysis(stored);
    expect(text).toContain("Cadence: not measured (see the warnings)");
    expect(text).toMatch(
      /Not reported \(implausible or not measurable here\): Cadence, 42\.\d steps\/min seen/,
    );
    expect(text).toContain("probably --fps 120");
    expect(text).not.toContain("raising it");
    const real = await analyzeInput(file, { fps: 120 });
    if (real.analysis.kind !== "running") throw new Error("running expected");
    expect(Math.abs((real.analysis.cadence?.mean ?? 0) - 170)).toBeLessThan(2);
    expect(formatAnalysis(real)).toMatch(
      /^Cadence: 170 steps\/min \(SD \d+\.\d; the clip's rhythm gives 1[67]\d\.\d, agreement \d\.\d %\)$/m,
    );
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
    timeout: 240_000,
  }, async () => {
    const video = join(dir, "run.mp4");
    const spec = await writeRunnerVideo(video, {
      view: "rear",
      fps: 30,
      durationS: 6,
      scale: 0.5,
    });
    const out = join(dir, "result");
    mkdirSync(out);
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
    expect(result.files).toContain("annotated.mp4");
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

  it("warns, without failing, when a second runner is in the picture", async () => {
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
    expect(Math.abs((a.cadence?.mean ?? 0) - 170)).toBeLessThan(8);
  }, 180_000);

  it("measures a phone's slow-motion clip in real time, and without its capture rate says which --fps to give", async () => {
    // Filmed at 120 fps, stored at 30 fps with the rate recorded, as an Android phone does.
    const video = join(dir, "slow-motion.mp4");
    await writeRunnerVideo(video, {
      view: "side",
      fps: 120,
      storedFps: 30,
      tagCaptureFps: true,
      durationS: 4,
      scale: 0.5,
    });
    const out = join(dir, "slow-motion");
    mkdirSync(out);
    const result = await analyzeInput(video, { workers: 2, model: "lightning", out });
    if (result.analysis.kind !== "running") throw new Error("running expected");
    expect(result.notes).toContain(
      "Slow motion: the phone filmed at 120 fps and stored the clip at 30 fps; times are measured at the filming rate (give --fps to override).",
    );
    expect(result.analysis.fps).toBe(120);
    expect(Math.abs((result.analysis.rhythm?.cadenceFromRhythm ?? 0) - 170)).toBeLessThan(2);
    // The same keypoints read at the stored 30 fps, as a phone that records no capture rate gives them.
    const stored = await analyzeInput(join(out, "keypoints.json"), { fps: 30 });
    if (stored.analysis.kind !== "running") throw new Error("running expected");
    expect(stored.analysis.cadence).toBeUndefined();
    expect(stored.analysis.withheld).toContainEqual(
      expect.objectContaining({ metric: "cadence", warning: "implausible-cadence" }),
    );
    expect(stored.analysis.warnings[0]?.message).toMatch(
      /^The clip's rhythm gives 4\d steps\/min, outside running's 130–230: it is not reported, nor anything built on it\. This looks like (a slow-motion clip|slow motion or walking).*--fps \(probably --fps 120\)/,
    );
    expect(stored.evidence.some((e) => e.sign === "low-cadence")).toBe(false);
  }, 240_000);

  it("sees a camera panning to follow a silhouette, and still gives a cadence within 2 steps/min or none", async () => {
    const video = join(dir, "silhouette.mp4");
    await writeRunnerVideo(video, {
      view: "side",
      fps: 24,
      durationS: 8,
      scale: 0.5,
      look: "silhouette",
      panPxPerS: 900,
    });
    const result = await analyzeInput(video, { workers: 2 });
    if (result.analysis.kind !== "running") throw new Error("running expected");
    const a = result.analysis;
    expect(a.warnings.find((w) => w.code === "camera-panning")?.message).toMatch(
      /^The camera moved: the background shifted in \d+ % of the frames compared\./,
    );
    if (a.cadence) {
      expect(Math.abs(a.cadence.mean - 170)).toBeLessThan(2);
      expect(a.rhythm?.agreementPct).toBeLessThan(3);
    } else {
      expect(a.withheld.some((w) => w.metric === "cadence")).toBe(true);
    }
    // Panning lowers the confidence of everything still shown.
    expect(result.evidence.every((e) => e.confidence === "low")).toBe(true);
  }, 240_000);

  it("says so when the file is not a video", async () => {
    const bad = join(dir, "notes.mov");
    writeFileSync(bad, "shopping list");
    await expect(analyzeInput(bad)).rejects.toThrow(VideoError);
  });
});
