/**
 * Benchmark of the movement pipeline on this machine. Prints:
 * - metrics from keypoints, frames/s (target ≥ 100,000);
 * - CPU per model call (crop, network, decoding) on ONNX Runtime and on TF.js WebAssembly, a
 *   figure that other load on the machine does not change;
 * - end to end on a generated 1080p 60 fps clip, both backends side by side, medians of three
 *   runs: frames/s (ONNX Runtime targets: Lightning ≥ 120, Thunder ≥ 60; BlazePose none), CPU
 *   per frame, peak memory, error against the rendered runner's joints, and ONNX / TF.js ratios;
 * - peak memory for a 2-minute 1080p clip (target < 600 MB), Node and ffmpeg together.
 * Exits with 1 when a target line says FAIL. See bench-pose.ts for how runs are timed;
 * `--from-source` times the TypeScript under tsx instead of the build, `--runs N` changes the
 * three runs, `--models lightning,thunder` measures only those.
 * Run: npx tsx scripts/bench-vision.ts [--metrics-only] [--from-source] [--runs N] [--models …]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { KeypointSeries } from "../src/core/movement/keypoints.types.js";
import { analyzeRunning } from "../src/core/movement/running-analysis.js";
import { syntheticRun } from "../src/core/movement/test-support/synthetic-runner.js";
import { findFfmpeg } from "../src/vision/ffmpeg.js";
import { hasModel, type PoseModelKind } from "../src/vision/model-files.js";
import { POSE_BACKENDS } from "../src/vision/pose-network.js";
import { writeRunnerVideo } from "../src/vision/test-support/render-runner.js";
import { median, modelCallMs, runVideo, type VideoRun, videoRunner } from "./bench-pose.js";

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

/** End-to-end targets on ONNX Runtime, frames/s (BlazePose has none). */
const TARGET_FPS: Partial<Record<PoseModelKind, number>> = { lightning: 120, thunder: 60 };
const TARGET_PEAK_MB = 600;
/** The backends may differ by this much in error against the true joints, px (1080p). */
const ACCURACY_AGREEMENT_PX = 1;
const LABEL: Record<PoseModelKind, string> = {
  lightning: "Lightning",
  thunder: "Thunder",
  blazepose: "BlazePose",
};

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");

/** Generates the bench clips once: a 2 s rendered loop, repeated to 10 s and 2 minutes. */
async function benchClips(): Promise<{ clip: string; long: string }> {
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
  return { clip, long };
}

/** Medians over runs of each reported figure. */
function medianRun(runs: VideoRun[]): Omit<VideoRun, "backend"> {
  const of = (pick: (r: VideoRun) => number | undefined) =>
    median(runs.map(pick).filter((v): v is number => v !== undefined));
  return {
    frames: of((r) => r.frames),
    seconds: of((r) => r.seconds),
    nodeMsPerFrame: of((r) => r.nodeMsPerFrame),
    ffmpegMsPerFrame: of((r) => r.ffmpegMsPerFrame),
    peakMb: of((r) => r.peakMb),
    ...(runs.some((r) => r.errorPx !== undefined) ? { errorPx: of((r) => r.errorPx) } : {}),
  };
}

if (!process.argv.includes("--metrics-only")) {
  const runs = Number(option("--runs") ?? 3);
  const models = (option("--models")?.split(",") ?? ["lightning", "thunder", "blazepose"]).filter(
    (kind): kind is PoseModelKind => kind in LABEL && hasModel(kind as PoseModelKind),
  );
  const load = loadavg().map((l) => l.toFixed(1));
  console.log(
    `\nmachine: ${availableParallelism()} cores, load average ${load.join(" ")} (1, 5, 15 min) at the start`,
  );
  const { clip, long } = await benchClips();

  console.log("\nCPU per model call (crop + network + decoding, one thread), median of 3 × 20:");
  const callMs = new Map<string, number>();
  for (const kind of models) {
    for (const backend of POSE_BACKENDS) {
      const ms = await modelCallMs(clip, { kind, backend, runs: 3 });
      callMs.set(`${kind}/${backend}`, ms);
      console.log(`  ${LABEL[kind]}, ${backend}: ${ms.toFixed(1)} ms`);
    }
    const ratio = (callMs.get(`${kind}/onnx`) ?? 0) / (callMs.get(`${kind}/tfjs`) ?? 1);
    console.log(`  ${LABEL[kind]}: ONNX / TF.js CPU per call ${ratio.toFixed(2)}`);
  }

  const { start, label } = videoRunner(process.argv.includes("--from-source"));
  console.log(`\nend to end, 1080p 60 fps, 10 s (${label}), median of ${runs} runs:`);
  const byBackend = new Map<string, Omit<VideoRun, "backend">>();
  for (const kind of models) {
    for (const backend of POSE_BACKENDS) {
      const done: VideoRun[] = [];
      for (let r = 0; r < runs; r++) {
        const run = await runVideo(start, { path: clip, kind, backend, accuracy: true });
        if (run.backend !== backend) throw new Error(`asked for ${backend}, ran on ${run.backend}`);
        done.push(run);
      }
      const m = medianRun(done);
      byBackend.set(`${kind}/${backend}`, m);
      const all = done.map((r) => (r.frames / r.seconds).toFixed(1)).join(", ");
      console.log(
        `  ${LABEL[kind]}, ${backend}: ${(m.frames / m.seconds).toFixed(1)} frames/s (runs: ${all}); CPU per frame ${m.nodeMsPerFrame.toFixed(1)} ms Node + ${m.ffmpegMsPerFrame.toFixed(1)} ms ffmpeg; peak ${Math.round(m.peakMb)} MB; error against the true joints ${m.errorPx?.toFixed(2)} px`,
      );
    }
    const onnx = byBackend.get(`${kind}/onnx`);
    const tfjs = byBackend.get(`${kind}/tfjs`);
    if (!onnx || !tfjs) continue;
    const fps = onnx.frames / onnx.seconds;
    const speedup = fps / (tfjs.frames / tfjs.seconds);
    const cpu =
      (onnx.nodeMsPerFrame + onnx.ffmpegMsPerFrame) / (tfjs.nodeMsPerFrame + tfjs.ffmpegMsPerFrame);
    console.log(
      `  ${LABEL[kind]}: ONNX / TF.js frames/s ${speedup.toFixed(2)}, CPU per frame ${cpu.toFixed(2)}`,
    );
    const target = TARGET_FPS[kind];
    verdicts.push(
      target
        ? `${LABEL[kind]} end to end on ONNX Runtime: ${fps.toFixed(1)} frames/s (target ≥ ${target}) ${verdict(fps >= target)}`
        : `${LABEL[kind]} end to end on ONNX Runtime: ${fps.toFixed(1)} frames/s (no target)`,
    );
    const gap = Math.abs((onnx.errorPx ?? 0) - (tfjs.errorPx ?? 0));
    verdicts.push(
      `${LABEL[kind]} error against the true joints: ONNX ${onnx.errorPx?.toFixed(2)} px, TF.js ${tfjs.errorPx?.toFixed(2)} px (the same within ${ACCURACY_AGREEMENT_PX} px) ${verdict(gap <= ACCURACY_AGREEMENT_PX)}`,
    );
  }

  const memory = await runVideo(start, {
    path: long,
    kind: "lightning",
    backend: "onnx",
    accuracy: false,
  });
  console.log(
    `\n2-minute clip, Lightning on ONNX Runtime: ${(memory.frames / memory.seconds).toFixed(1)} frames/s, peak ${Math.round(memory.peakMb)} MB`,
  );
  verdicts.push(
    `peak memory, 2-minute 1080p clip: ${Math.round(memory.peakMb)} MB (target < ${TARGET_PEAK_MB}) ${verdict(memory.peakMb < TARGET_PEAK_MB)}`,
  );
  console.log(
    `load average at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
}
console.log(`\n${verdicts.join("\n")}`);
if (verdicts.some((line) => line.endsWith("FAIL"))) process.exitCode = 1;
