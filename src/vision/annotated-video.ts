/**
 * The annotated video: every frame of the clip with the skeleton drawn on it and, while a foot
 * is on the ground, that step's measured angles. Frames stream from one ffmpeg (decoding) to
 * another (encoding) one at a time, so memory does not grow with the video's length.
 */
import { spawn, spawnSync } from "node:child_process";
import type { KeypointSeries } from "../core/movement/keypoints.types.js";
import type { RunningAnalysis, StepRecord } from "../core/movement/running-analysis.js";
import { annotateFrame, drawSkeleton } from "./annotate.js";
import { decodeFrames, decodeSize, findFfmpeg, VideoError, type VideoInfo } from "./ffmpeg.js";

/** Longest side of the annotated video, pixels: enough to read the labels, small to encode. */
const MAX_SIDE = 1280;

let cachedEncoder: string | undefined;

/** H.264 when this ffmpeg has it (every player reads it), else ffmpeg's own MPEG-4 Part 2. */
function videoEncoder(): string[] {
  cachedEncoder ??= /\blibx264\b/.test(
    spawnSync(findFfmpeg(), ["-hide_banner", "-encoders"], { encoding: "utf8" }).stdout ?? "",
  )
    ? "libx264"
    : "mpeg4";
  return cachedEncoder === "libx264"
    ? ["-c:v", "libx264", "-preset", "veryfast", "-crf", "23"]
    : ["-c:v", "mpeg4", "-q:v", "4"];
}

/** The step whose stance (initial contact to toe-off) holds time t seconds, if any. */
function stanceAt(steps: readonly StepRecord[], t: number): StepRecord | undefined {
  return steps.find((step) => step.contact <= t && t <= step.toeOff);
}

/**
 * Writes the annotated video of `input` to `path` (MP4) and returns `path`. Keypoints come from
 * `series` (video pixels); with a running analysis, each stance shows its step's angles.
 * Throws VideoError when ffmpeg cannot decode or encode.
 */
export async function writeAnnotatedVideo(
  input: string,
  context: {
    series: KeypointSeries;
    analysis?: RunningAnalysis;
    video: VideoInfo;
    path: string;
    /** Called with frames written and frames expected. */
    onProgress?: (done: number, total: number) => void;
  },
): Promise<string> {
  const { series, analysis, video, path } = context;
  const size = decodeSize(video, MAX_SIDE);
  const scale = size.width / video.width;
  const encoder = spawn(
    findFfmpeg(),
    [
      ...["-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "rgb24"],
      ...["-s", `${size.width}x${size.height}`, "-r", String(video.fps), "-i", "pipe:0"],
      ...videoEncoder(),
      ...["-pix_fmt", "yuv420p", "-movflags", "+faststart", path],
    ],
    { stdio: ["pipe", "ignore", "pipe"] },
  );
  let errorText = "";
  encoder.stderr.on("data", (chunk: Buffer) => {
    if (errorText.length < 4000) errorText += chunk.toString();
  });
  const exited = new Promise<number>((resolve) =>
    encoder.on("close", (code) => resolve(code ?? 1)),
  );
  // A closed pipe surfaces as the exit code below, with ffmpeg's own message.
  encoder.stdin.on("error", () => undefined);
  const steps = analysis?.steps ?? [];
  let frame = 0;
  try {
    for await (const rgb of decodeFrames(input, size)) {
      const canvas = { width: size.width, height: size.height, rgb };
      if (frame < series.t.length) {
        const step = stanceAt(steps, series.t[frame] ?? Number.NaN);
        if (step && analysis) {
          annotateFrame(canvas, {
            series,
            request: {
              frame,
              name: "",
              side: step.side,
              kind: analysis.view === "side" ? "contact" : "pelvic-drop",
              step,
            },
            scale,
            view: analysis.view,
          });
        } else {
          drawSkeleton(canvas, { series, frame, scale });
        }
      }
      frame++;
      context.onProgress?.(frame, Math.max(series.t.length, frame));
      if (encoder.exitCode !== null) break;
      if (!encoder.stdin.write(rgb))
        await Promise.race([
          new Promise((resolve) => encoder.stdin.once("drain", resolve)),
          exited,
        ]);
    }
  } finally {
    encoder.stdin.end();
  }
  const code = await exited;
  if (code !== 0)
    throw new VideoError(
      `ffmpeg could not write the annotated video ${path}: ${errorText.trim().split("\n")[0] ?? ""}`,
    );
  return path;
}
