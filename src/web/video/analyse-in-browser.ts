import { COCO_17_ORDER } from "../../core/movement/coco.import.js";
import type { MovementEvidence } from "../../core/movement/evidence.js";
import {
  emptyTrack,
  type KeypointSeries,
  type RawPoint,
} from "../../core/movement/keypoints.types.js";
import { analyzeRunning, type RunningAnalysis } from "../../core/movement/running-analysis.js";
import { runningEvidence } from "../../core/movement/running-evidence.js";
import {
  type CropBox,
  cropAround,
  cropResize,
  fromCrop,
  fullFrameCrop,
} from "../../vision/crop.js";

/**
 * Running analysis on the device: the browser decodes the clip frame by frame, MoveNet
 * Lightning (TensorFlow.js on WebAssembly, loaded only now) finds the body, and the same core
 * as the server measures the steps. The video itself is never sent anywhere.
 */

const INPUT = 192;
const MIN_GUIDE_SCORE = 0.3;

export interface BrowserAnalysis {
  analysis: RunningAnalysis;
  evidence: MovementEvidence[];
  /** The frame with the most confident pose, drawn with its skeleton, as a PNG data URL. */
  picture: string;
  frames: number;
  seconds: number;
}

async function loadModel() {
  const [tf, wasm, converter] = await Promise.all([
    import("@tensorflow/tfjs-core"),
    import("@tensorflow/tfjs-backend-wasm"),
    import("@tensorflow/tfjs-converter"),
  ]);
  // Files copied into the build (vite.config.ts): served by this server, nothing from elsewhere.
  wasm.setWasmPaths("/vision/");
  await tf.setBackend("wasm");
  await tf.ready();
  const model = await converter.loadGraphModel("/vision/movenet-lightning.json");
  return { tf, model };
}

function seek(video: HTMLVideoElement, time: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      video.removeEventListener("seeked", done);
      resolve();
    };
    video.addEventListener("seeked", done);
    video.addEventListener(
      "error",
      () => reject(new Error("the browser cannot decode this video")),
      { once: true },
    );
    video.currentTime = time;
  });
}

function meanScore(points: readonly RawPoint[]): number {
  return points.reduce((s, p) => s + p.score, 0) / Math.max(1, points.length);
}

export async function analyseInBrowser(
  file: File,
  options: {
    fps: number;
    view?: "rear" | "front" | "side";
    onProgress: (done: number, total: number) => void;
  },
): Promise<BrowserAnalysis> {
  const started = performance.now();
  const { tf, model } = await loadModel();
  const video = document.createElement("video");
  video.muted = true;
  video.playsInline = true;
  const url = URL.createObjectURL(file);
  try {
    video.src = url;
    await new Promise<void>((resolve, reject) => {
      video.onloadeddata = () => resolve();
      video.onerror = () => reject(new Error("the browser cannot open this file as a video"));
    });
    const { videoWidth: width, videoHeight: height, duration } = video;
    if (!width || !height || !Number.isFinite(duration))
      throw new Error("the video has no picture or no length");
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext("2d", { willReadFrequently: true })!;
    const total = Math.floor(duration * options.fps);
    const rgb = new Uint8Array(width * height * 3);
    const input = new Int32Array(INPUT * INPUT * 3);
    const perFrame: RawPoint[][] = [];
    let guide: RawPoint[] | undefined;
    let best = { score: -1, frame: 0, points: [] as RawPoint[] };
    for (let i = 0; i < total; i++) {
      await seek(video, (i + 0.5) / options.fps);
      ctx.drawImage(video, 0, 0, width, height);
      const rgba = ctx.getImageData(0, 0, width, height).data;
      for (let p = 0, q = 0; p < rgba.length; p += 4, q += 3) {
        rgb[q] = rgba[p]!;
        rgb[q + 1] = rgba[p + 1]!;
        rgb[q + 2] = rgba[p + 2]!;
      }
      const crop: CropBox = guide ? cropAround(guide, width, height) : fullFrameCrop(width, height);
      cropResize({ rgb, width, height }, crop, { out: input, size: INPUT });
      const output = tf.tidy(
        () =>
          model.execute(
            tf.tensor4d(input, [1, INPUT, INPUT, 3], "int32"),
          ) as import("@tensorflow/tfjs-core").Tensor,
      );
      const points = fromCrop(await output.data(), crop, 17);
      output.dispose();
      perFrame.push(points);
      const score = meanScore(points);
      guide = score >= MIN_GUIDE_SCORE ? points : undefined;
      if (score > best.score) best = { score, frame: i, points };
      options.onProgress(i + 1, total);
    }
    if (perFrame.length === 0) throw new Error("the video is too short to hold a single frame");
    const series = toSeries(perFrame, { fps: options.fps, width, height });
    if (options.view) series.view = options.view;
    const analysis = analyzeRunning(series, options.view ? { view: options.view } : {});
    await seek(video, (best.frame + 0.5) / options.fps);
    ctx.drawImage(video, 0, 0, width, height);
    drawSkeleton(ctx, best.points);
    return {
      analysis,
      evidence: runningEvidence(analysis),
      picture: canvas.toDataURL("image/png"),
      frames: perFrame.length,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    URL.revokeObjectURL(url);
    model.dispose();
  }
}

function toSeries(
  perFrame: RawPoint[][],
  size: { fps: number; width: number; height: number },
): KeypointSeries {
  const n = perFrame.length;
  const tracks: KeypointSeries["tracks"] = {};
  COCO_17_ORDER.forEach((name, k) => {
    const track = emptyTrack(n);
    for (let i = 0; i < n; i++) {
      const p = perFrame[i]?.[k];
      if (!p) continue;
      track.x[i] = p.x;
      track.y[i] = p.y;
      track.score[i] = p.score;
    }
    tracks[name] = track;
  });
  return {
    fps: size.fps,
    width: size.width,
    height: size.height,
    model: "movenet-lightning",
    t: Float64Array.from({ length: n }, (_, i) => i / size.fps),
    tracks,
  };
}

const BONES: [number, number][] = [
  [5, 6],
  [5, 11],
  [6, 12],
  [11, 12],
  [11, 13],
  [13, 15],
  [12, 14],
  [14, 16],
  [5, 7],
  [7, 9],
  [6, 8],
  [8, 10],
];

function drawSkeleton(ctx: CanvasRenderingContext2D, points: readonly RawPoint[]): void {
  ctx.lineWidth = Math.max(2, ctx.canvas.width / 200);
  ctx.strokeStyle = "#ffbf47";
  for (const [a, b] of BONES) {
    const p = points[a];
    const q = points[b];
    if (!p || !q || p.score < 0.3 || q.score < 0.3) continue;
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
    ctx.lineTo(q.x, q.y);
    ctx.stroke();
  }
  ctx.fillStyle = "#1d4f91";
  for (const p of points) {
    if (p.score < 0.3) continue;
    ctx.beginPath();
    ctx.arc(p.x, p.y, ctx.lineWidth * 1.5, 0, Math.PI * 2);
    ctx.fill();
  }
}
