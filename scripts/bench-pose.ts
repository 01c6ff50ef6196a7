/**
 * The pose parts of bench:vision: CPU per model call, and whole-video runs on each backend.
 * A video run is timed as `hipcheck analyze` runs it: the compiled JavaScript (dist/, built
 * first) in a plain Node process, not under tsx, whose loader slows the process it runs in;
 * with --from-source, the TypeScript runs in this process instead.
 */
import { spawn, spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { COCO_17_ORDER } from "../src/core/movement/coco.import.js";
import { syntheticRun } from "../src/core/movement/test-support/synthetic-runner.js";
import { cropAround, fullFrameCrop } from "../src/vision/crop.js";
import { decodeFrames, decodeSize, probeVideo } from "../src/vision/ffmpeg.js";
import { POSE_MODELS, type PoseModelKind } from "../src/vision/model-files.js";
import { loadPoseModel, type PoseFrame } from "../src/vision/pose-model.js";
import type { PoseBackend } from "../src/vision/pose-network.js";
import { estimateVideoPose as estimateFromSource } from "../src/vision/video-pose.js";
import { sampleTree } from "./bench-process.js";

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/**
 * CPU milliseconds of one model call (cutting the crop out of a decoded frame, the network,
 * decoding its output) on this thread, as a pose worker makes it: median of `runs` batches of
 * 20 calls after a warm-up. Independent of other load on the machine, unlike frames/s.
 */
export async function modelCallMs(
  clip: string,
  model: { kind: PoseModelKind; backend: PoseBackend; runs: number },
): Promise<number> {
  const { kind, backend, runs } = model;
  const video = probeVideo(clip);
  const size = decodeSize(video, POSE_MODELS[kind].inputSize * 5);
  let pixels: Uint8Array | undefined;
  for await (const yuv of decodeFrames(clip, { ...size, format: "yuv420p", select: [30] }))
    pixels = yuv;
  if (!pixels) throw new Error(`${clip}: no frame 30`);
  const frame: PoseFrame = { pixels, ...size, format: "yuv420p" };
  const pose = await loadPoseModel(kind, backend);
  const whole = await pose.estimate(frame, fullFrameCrop(size.width, size.height));
  const crop = cropAround(whole, size.width, size.height);
  for (let i = 0; i < 5; i++) await pose.estimate(frame, crop);
  const batches: number[] = [];
  for (let r = 0; r < runs; r++) {
    const since = process.cpuUsage();
    for (let i = 0; i < 20; i++) await pose.estimate(frame, crop);
    batches.push(cpuMs(since) / 20);
  }
  return median(batches);
}

/** What one whole-video run reports. */
export interface VideoRun {
  frames: number;
  seconds: number;
  backend: PoseBackend;
  /** CPU of the analysing Node process (all its threads) and of its ffmpeg, ms per frame. */
  nodeMsPerFrame: number;
  ffmpegMsPerFrame: number;
  peakMb: number;
  /** Mean distance between the points found and the rendered runner's true joints, video px. */
  errorPx?: number;
}

interface ChildReport {
  frames: number;
  seconds: number;
  backend: PoseBackend;
  cpuMs: number;
  tracks?: Record<string, { x: number[]; y: number[] }>;
}

type Start = (job: {
  path: string;
  kind: PoseModelKind;
  backend: PoseBackend;
  tracks: boolean;
}) => {
  pid: number;
  done: Promise<ChildReport>;
};

/** How video runs are started: the built code in a child Node process, or the source here. */
export function videoRunner(fromSource: boolean): { start: Start; label: string } {
  if (fromSource) {
    return {
      label: "TypeScript via tsx, in this process",
      start: ({ path, kind, backend, tracks }) => {
        const since = process.cpuUsage();
        const done = estimateFromSource(path, { model: kind, backend }).then((r) => ({
          frames: r.series.t.length,
          seconds: r.seconds,
          backend: r.backend,
          cpuMs: cpuMs(since),
          ...(tracks ? { tracks: plainTracks(r.series.tracks) } : {}),
        }));
        return { pid: process.pid, done };
      },
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
    start: ({ path, kind, backend, tracks }) => {
      // CommonJS --eval (the dynamic import loads the ES module): plain Node, nothing else.
      const code = `import(${JSON.stringify(module)}).then(async ({ estimateVideoPose }) => {
  const r = await estimateVideoPose(${JSON.stringify(path)}, { model: ${JSON.stringify(kind)}, backend: ${JSON.stringify(backend)} });
  const used = process.cpuUsage();
  const tracks = ${tracks} ? Object.fromEntries(Object.entries(r.series.tracks).map(([k, t]) => [k, { x: Array.from(t.x), y: Array.from(t.y) }])) : undefined;
  console.log(JSON.stringify({ frames: r.series.t.length, seconds: r.seconds, backend: r.backend, cpuMs: (used.user + used.system) / 1000, tracks }));
});`;
      const child = spawn(process.execPath, ["-e", code], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
      });
      const done = new Promise<ChildReport>((resolve, reject) => {
        child.on("close", (status) => {
          if (status === 0) resolve(JSON.parse(out) as ChildReport);
          else reject(new Error(`the timed run exited with ${status}`));
        });
      });
      return { pid: child.pid ?? process.pid, done };
    },
  };
}

function plainTracks(
  tracks: Record<string, { x: ArrayLike<number>; y: ArrayLike<number> } | undefined>,
): Record<string, { x: number[]; y: number[] }> {
  const out: Record<string, { x: number[]; y: number[] }> = {};
  for (const [name, t] of Object.entries(tracks))
    if (t) out[name] = { x: Array.from(t.x), y: Array.from(t.y) };
  return out;
}

/**
 * Mean error of MoveNet's 17 points against the rendered runner's joints. The bench clip is a
 * 2 s rear-view loop (60 fps) repeated, so frame i shows the loop's frame i mod 120.
 */
function errorAgainstTruth(tracks: Record<string, { x: number[]; y: number[] }>): number {
  const truth = syntheticRun({ view: "rear", fps: 60, durationS: 2 }).series;
  const loop = truth.t.length;
  let sum = 0;
  let n = 0;
  for (const name of COCO_17_ORDER) {
    const found = tracks[name];
    const real = truth.tracks[name];
    if (!found || !real) continue;
    for (let i = 0; i < found.x.length; i++) {
      const k = i % loop;
      sum += Math.hypot((found.x[i] ?? 0) - (real.x[k] ?? 0), (found.y[i] ?? 0) - (real.y[k] ?? 0));
      n++;
    }
  }
  return sum / n;
}

/** One whole-video run, with the process tree sampled for memory and CPU. */
export async function runVideo(
  start: Start,
  job: { path: string; kind: PoseModelKind; backend: PoseBackend; accuracy: boolean },
): Promise<VideoRun> {
  const run = start({ ...job, tracks: job.accuracy });
  const sampler = sampleTree(run.pid);
  try {
    const report = await run.done;
    const tree = sampler.stop();
    return {
      frames: report.frames,
      seconds: report.seconds,
      backend: report.backend,
      nodeMsPerFrame: report.cpuMs / report.frames,
      ffmpegMsPerFrame: (tree.childrenCpuS * 1000) / report.frames,
      peakMb: tree.peakMb,
      ...(report.tracks ? { errorPx: errorAgainstTruth(report.tracks) } : {}),
    };
  } finally {
    sampler.stop();
  }
}
