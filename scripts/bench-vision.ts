/**
 * Benchmark of the movement pipeline on this machine. Prints:
 * - metrics from keypoints, frames/s (target ≥ 100,000);
 * - end to end on a generated 1080p 60 fps clip, frames/s with Lightning (target ≥ 60) and
 *   Thunder (target ≥ 15), and BlazePose (no target);
 * - peak memory for a 2-minute 1080p clip (target < 600 MB), Node and ffmpeg together.
 * The video pipeline is timed as `hipcheck analyze` runs it: compiled to JavaScript (dist/, built
 * first) in a plain Node process, not TypeScript under tsx, whose loader costs startup time and
 * CPU; memory is that process's and its ffmpeg's. `--from-source` times the TypeScript instead.
 * Run: npx tsx scripts/bench-vision.ts [--metrics-only] [--from-source]
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { KeypointSeries } from "../src/core/movement/keypoints.types.js";
import { analyzeRunning } from "../src/core/movement/running-analysis.js";
import { syntheticRun } from "../src/core/movement/test-support/synthetic-runner.js";
import { findFfmpeg } from "../src/vision/ffmpeg.js";
import { hasModel, type PoseModelKind } from "../src/vision/model-files.js";
import { writeRunnerVideo } from "../src/vision/test-support/render-runner.js";
import { estimateVideoPose as estimateFromSource } from "../src/vision/video-pose.js";

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

/** Resident memory of a process and all its descendants (ffmpeg, a child Node), MB, from /proc. */
function treeMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    let total = Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024;
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      for (const child of children.split(/\s+/).filter(Boolean)) total += treeMb(Number(child));
    }
    return total;
  } catch {
    // The process has ended, or this is not Linux.
    return 0;
  }
}

/** One timed pipeline run: the process tree doing the work, and what it reports. */
interface VideoRun {
  pid: number;
  done: Promise<{ frames: number; seconds: number }>;
}

type StartRun = (clip: { path: string; kind: PoseModelKind }) => VideoRun;

/**
 * Runs the pipeline as `hipcheck analyze` does: the compiled JavaScript (dist/, built first) in
 * a plain Node process, not under tsx, whose loader slows the process it runs in. With
 * --from-source, the TypeScript runs in this process instead.
 */
function pipeline(): { start: StartRun; label: string } {
  if (process.argv.includes("--from-source")) {
    return {
      label: "TypeScript via tsx, in this process",
      start: ({ path, kind }) => ({
        pid: process.pid,
        done: estimateFromSource(path, { model: kind }).then((r) => ({
          frames: r.series.t.length,
          seconds: r.seconds,
        })),
      }),
    };
  }
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const build = spawnSync("npx", ["tsc", "-p", "tsconfig.build.json"], {
    cwd: root,
    stdio: "inherit",
  });
  if (build.status !== 0) throw new Error("the build (tsc -p tsconfig.build.json) failed");
  const module = pathToFileURL(join(root, "dist", "vision", "video-pose.js")).href;
  return {
    label: "built code in a plain Node process",
    start: ({ path, kind }) => {
      // CommonJS --eval (the dynamic import loads the ES module): plain Node, nothing else.
      const code = `import(${JSON.stringify(module)}).then(async ({ estimateVideoPose }) => {
  const r = await estimateVideoPose(${JSON.stringify(path)}, { model: ${JSON.stringify(kind)} });
  console.log(JSON.stringify({ frames: r.series.t.length, seconds: r.seconds }));
});`;
      const child = spawn(process.execPath, ["-e", code], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
      });
      const done = new Promise<{ frames: number; seconds: number }>((resolve, reject) => {
        child.on("close", (status) => {
          if (status === 0) resolve(JSON.parse(out) as { frames: number; seconds: number });
          else reject(new Error(`the timed run exited with ${status}`));
        });
      });
      return { pid: child.pid ?? process.pid, done };
    },
  };
}

async function benchVideo(
  start: StartRun,
  clip: { path: string; kind: PoseModelKind; label: string },
) {
  const { path, kind, label } = clip;
  const run = start({ path, kind });
  let peak = treeMb(run.pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, treeMb(run.pid));
  }, 100);
  try {
    const { frames, seconds } = await run.done;
    const fps = frames / seconds;
    console.log(
      `end to end, ${kind}, ${label}: ${frames} frames in ${seconds.toFixed(1)} s → ${fps.toFixed(1)} frames/s; peak memory ${Math.round(peak)} MB`,
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
  const { start, label } = pipeline();
  console.log(`video pipeline: ${label}`);
  const lightning = await benchVideo(start, {
    path: clip,
    kind: "lightning",
    label: "1080p 60 fps, 10 s",
  });
  verdicts.push(
    `Lightning end to end: ${lightning.fps.toFixed(1)} frames/s (target ≥ 60) ${lightning.fps >= 60 ? "PASS" : "FAIL"}`,
  );
  if (hasModel("thunder")) {
    const thunder = await benchVideo(start, {
      path: clip,
      kind: "thunder",
      label: "1080p 60 fps, 10 s",
    });
    verdicts.push(
      `Thunder end to end: ${thunder.fps.toFixed(1)} frames/s (target ≥ 15) ${thunder.fps >= 15 ? "PASS" : "FAIL"}`,
    );
  } else {
    verdicts.push("Thunder: model not installed, not measured");
  }
  if (hasModel("blazepose")) {
    const blazepose = await benchVideo(start, {
      path: clip,
      kind: "blazepose",
      label: "1080p 60 fps, 10 s",
    });
    verdicts.push(`BlazePose end to end: ${blazepose.fps.toFixed(1)} frames/s (no target)`);
  }
  const memory = await benchVideo(start, {
    path: long,
    kind: "lightning",
    label: "1080p 60 fps, 2 min",
  });
  verdicts.push(
    `peak memory, 2-minute 1080p clip: ${Math.round(memory.peak)} MB (target < 600) ${memory.peak < 600 ? "PASS" : "FAIL"}`,
  );
}
console.log(`\n${verdicts.join("\n")}`);
