/**
 * Benchmark of the movement pipeline on this machine. Prints:
 * - metrics from keypoints, frames/s (target ≥ 100,000);
 * - end to end on a generated 1080p 60 fps clip, frames/s with Lightning (target ≥ 60) and
 *   Thunder (target ≥ 15);
 * - peak memory for a 2-minute 1080p clip (target < 600 MB), Node and ffmpeg together.
 * Run: npx tsx scripts/bench-vision.ts [--metrics-only]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { KeypointSeries } from "../src/core/movement/keypoints.types.js";
import { analyzeRunning } from "../src/core/movement/running-analysis.js";
import { syntheticRun } from "../src/core/movement/test-support/synthetic-runner.js";
import { findFfmpeg } from "../src/vision/ffmpeg.js";
import { hasModel, type PoseModelKind } from "../src/vision/model-files.js";
import { writeRunnerVideo } from "../src/vision/test-support/render-runner.js";
import { estimateVideoPose } from "../src/vision/video-pose.js";

const TARGET_METRICS_FPS = 100_000;

function benchMetrics(label: string, series: KeypointSeries): number {
  const frames = series.t.length;
  // Warm up the JIT, then time enough repetitions for at least a second of work.
  for (let i = 0; i < 5; i++) analyzeRunning(series);
  let runs = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < 1500) {
    analyzeRunning(series);
    runs++;
    elapsed = performance.now() - start;
  }
  const fps = (frames * runs) / (elapsed / 1000);
  const steps = analyzeRunning(series).steps.length;
  console.log(
    `metrics from keypoints, ${label}: ${frames} frames, ${steps} steps, ${runs} runs → ${Math.round(fps).toLocaleString("en")} frames/s`,
  );
  return fps;
}

const results = [
  benchMetrics(
    "rear view 60 s at 60 fps",
    syntheticRun({ view: "rear", fps: 60, durationS: 60, noisePx: 2 }).series,
  ),
  benchMetrics(
    "side view 60 s at 120 fps",
    syntheticRun({ view: "side", fps: 120, durationS: 60, noisePx: 2 }).series,
  ),
];
const worst = Math.min(...results);
const verdicts: string[] = [];
verdicts.push(
  `metrics from keypoints: ${Math.round(worst).toLocaleString("en")} frames/s (target ≥ ${TARGET_METRICS_FPS.toLocaleString("en")}) ${worst >= TARGET_METRICS_FPS ? "PASS" : "FAIL"}`,
);

/** Resident memory of this process and its child processes (ffmpeg), MB, from /proc. */
function residentMb(): number {
  const rss = (pid: string) => {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024;
  };
  let total = process.memoryUsage().rss / 1024 / 1024;
  try {
    for (const task of readdirSync(`/proc/${process.pid}/task`)) {
      const children = readFileSync(`/proc/${process.pid}/task/${task}/children`, "utf8").trim();
      for (const child of children.split(/\s+/).filter(Boolean)) total += rss(child);
    }
  } catch {
    // Not Linux: Node's own figure only.
  }
  return total;
}

async function benchVideo(path: string, kind: PoseModelKind, label: string) {
  let peak = residentMb();
  const timer = setInterval(() => {
    peak = Math.max(peak, residentMb());
  }, 100);
  try {
    const result = await estimateVideoPose(path, { model: kind });
    const frames = result.series.t.length;
    const fps = frames / result.seconds;
    console.log(
      `end to end, ${kind}, ${label}: ${frames} frames in ${result.seconds.toFixed(1)} s → ${fps.toFixed(1)} frames/s; peak memory ${Math.round(peak)} MB`,
    );
    return { fps, peak };
  } finally {
    clearInterval(timer);
  }
}

if (!process.argv.includes("--metrics-only")) {
  const folder = join(tmpdir(), "hipcheck-bench");
  mkdirSync(folder, { recursive: true });
  const loop = join(folder, "runner-1080p60-loop.mp4");
  const clip = join(folder, "runner-1080p60-10s.mp4");
  const long = join(folder, "runner-1080p60-2min.mp4");
  if (!existsSync(long)) {
    console.log("generating a 1080p 60 fps test clip (once; kept in the temp folder) …");
    await writeRunnerVideo(loop, { view: "rear", fps: 60, durationS: 2, scale: 1 });
    for (const [target, times] of [
      [clip, 4],
      [long, 59],
    ] as const) {
      spawnSync(findFfmpeg(), [
        "-v",
        "error",
        "-y",
        "-stream_loop",
        String(times),
        "-i",
        loop,
        "-c",
        "copy",
        target,
      ]);
    }
  }
  const lightning = await benchVideo(clip, "lightning", "1080p 60 fps, 10 s");
  verdicts.push(
    `Lightning end to end: ${lightning.fps.toFixed(1)} frames/s (target ≥ 60) ${lightning.fps >= 60 ? "PASS" : "FAIL"}`,
  );
  if (hasModel("thunder")) {
    const thunder = await benchVideo(clip, "thunder", "1080p 60 fps, 10 s");
    verdicts.push(
      `Thunder end to end: ${thunder.fps.toFixed(1)} frames/s (target ≥ 15) ${thunder.fps >= 15 ? "PASS" : "FAIL"}`,
    );
  } else {
    verdicts.push("Thunder: model not installed, not measured");
  }
  const memory = await benchVideo(long, "lightning", "1080p 60 fps, 2 min");
  verdicts.push(
    `peak memory, 2-minute 1080p clip: ${Math.round(memory.peak)} MB (target < 600) ${memory.peak < 600 ? "PASS" : "FAIL"}`,
  );
}
console.log(`\n${verdicts.join("\n")}`);
