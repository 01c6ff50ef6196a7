/**
 * Video decoding with ffmpeg: the system's when installed, else the binary shipped by the
 * npm package @ffmpeg-installer/ffmpeg. Frames stream out as raw RGB, one at a time, so memory
 * does not grow with the video's length.
 */
import { spawn, spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { createRequire } from "node:module";
import { FileError, fileProblem } from "../core/errors.js";

/** A video that cannot be used, with a message a person can act on. */
export class VideoError extends FileError {
  constructor(message: string) {
    super(message);
    this.name = "VideoError";
  }
}

export interface VideoInfo {
  width: number;
  height: number;
  fps: number;
  durationS: number;
  /** Frames expected from duration × fps (an estimate). */
  frameCount: number;
  codec: string;
  /** Rotation recorded by the phone, degrees; ffmpeg applies it, so width and height are as displayed. */
  rotation: number;
  /**
   * The rate the phone filmed at, when it recorded one above the stored rate: a slow-motion clip
   * (Android writes `com.android.capture.fps`). Its frames are this far apart in real time.
   */
  captureFps?: number;
}

let cachedPath: string | undefined;

/** Path of an ffmpeg that runs: `ffmpeg` on the PATH first, then the npm-installed binary. */
export function findFfmpeg(): string {
  if (cachedPath) return cachedPath;
  const candidates = [process.env.HIPCHECK_FFMPEG, "ffmpeg"];
  try {
    const require = createRequire(import.meta.url);
    const installer = require("@ffmpeg-installer/ffmpeg") as { path?: string };
    if (installer.path) candidates.push(installer.path);
  } catch {
    // The npm binary is optional when the system has ffmpeg.
  }
  for (const candidate of candidates) {
    if (!candidate) continue;
    const check = spawnSync(candidate, ["-version"], { stdio: "ignore" });
    if (check.status === 0) {
      cachedPath = candidate;
      return candidate;
    }
  }
  throw new VideoError(
    "ffmpeg was not found: install it (e.g. apt-get install ffmpeg) or run npm install so that @ffmpeg-installer/ffmpeg provides it.",
  );
}

/** Reads a clip's size, frame rate, length and rotation from ffmpeg's description of it. */
export function parseProbe(text: string): VideoInfo | undefined {
  const video = text.match(/Stream #\S+.*?: Video: (\w+).*?, (\d{2,5})x(\d{2,5})[ ,].*/);
  if (!video) return undefined;
  const line = video[0];
  const fps = Number(
    line.match(/([\d.]+) fps/)?.[1] ?? line.match(/([\d.]+) tbr/)?.[1] ?? Number.NaN,
  );
  const duration = text.match(/Duration: (\d+):(\d+):([\d.]+)/);
  const durationS = duration
    ? Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3])
    : Number.NaN;
  const rotationText =
    text.match(/rotate\s*:\s*(-?\d+)/)?.[1] ?? text.match(/rotation of (-?[\d.]+) degrees/)?.[1];
  const rotation = rotationText ? ((Math.round(Number(rotationText)) % 360) + 360) % 360 : 0;
  let width = Number(video[2]);
  let height = Number(video[3]);
  if (rotation === 90 || rotation === 270) [width, height] = [height, width];
  const info: VideoInfo = {
    width,
    height,
    fps,
    durationS,
    frameCount: Number.isFinite(durationS * fps) ? Math.round(durationS * fps) : 0,
    codec: video[1] ?? "unknown",
    rotation,
  };
  const capture = Number(text.match(/com\.android\.capture\.fps\s*:\s*([\d.]+)/)?.[1]);
  // Only a rate clearly above the stored one means slow motion (phones also write it for normal clips).
  if (capture > fps * 1.2 && capture <= 1000) info.captureFps = capture;
  return info;
}

/** ffmpeg's own reason for refusing a file ("moov atom not found"), without its prefixes. */
function ffmpegReason(text: string, path: string): string {
  const lines = text
    .split("\n")
    .map((line) =>
      line
        .replace(/^\[[^\]]*\]\s*/, "")
        .replace(`${path}: `, "")
        .trim(),
    )
    .filter((line) => line && !/^(Input|Duration|Stream|Metadata|At least one output)/.test(line));
  return lines.filter((line) => !/^Invalid data found/.test(line)).pop() ?? lines.pop() ?? "";
}

/** Describes a video file; throws VideoError saying why when it cannot be read as a video. */
export function probeVideo(path: string): VideoInfo {
  try {
    accessSync(path, constants.R_OK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      throw new VideoError(`The file ${path} does not exist.`);
    throw new VideoError(`${path} cannot be read (${fileProblem(error)}).`);
  }
  const result = spawnSync(findFfmpeg(), ["-hide_banner", "-i", path], { encoding: "utf8" });
  const text = `${result.stderr ?? ""}`;
  if (/No such file or directory/.test(text))
    throw new VideoError(`The file ${path} does not exist.`);
  if (/Permission denied/.test(text))
    throw new VideoError(`${path} cannot be read (permission denied).`);
  if (
    /Invalid data found|could not find codec parameters|moov atom not found|End of file/i.test(text)
  ) {
    throw new VideoError(
      `${path} cannot be read as a video (${ffmpegReason(text, path)}): it is empty, damaged or another kind of file.`,
    );
  }
  const info = parseProbe(text);
  if (!info) {
    if (/Stream #\S+.*?: Audio/.test(text))
      throw new VideoError(`${path} cannot be read as a video: it holds sound only, no picture.`);
    throw new VideoError(
      `${path} cannot be read as a video: ffmpeg finds no picture in it (${ffmpegReason(text, path) || "no video stream"}).`,
    );
  }
  if (!(info.fps > 0))
    throw new VideoError(`The frame rate of ${path} could not be read; give it with --fps.`);
  return info;
}

/** Size to decode at: the video's, scaled down so its longer side is at most maxSide (even numbers). */
export function decodeSize(info: VideoInfo, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(info.width, info.height));
  const even = (v: number) => Math.max(2, 2 * Math.round((v * scale) / 2));
  return { width: even(info.width), height: even(info.height) };
}

/** Pixel layouts frames can be decoded to: RGB, or YUV 4:2:0 planes (half the bytes, far less work). */
export type PixelFormat = "rgb24" | "yuv420p";

/** Bytes of one frame of the given size and layout (yuv420p sizes are even). */
export function frameBytes(size: { width: number; height: number }, format: PixelFormat): number {
  const pixels = size.width * size.height;
  return format === "rgb24" ? pixels * 3 : pixels + 2 * (size.width >> 1) * (size.height >> 1);
}

/**
 * Streams the frames of a video as RGB buffers (width × height × 3 bytes), or yuv420p planes
 * when `format` says so, scaled to the given size. Stops ffmpeg when the consumer stops early.
 */
export async function* decodeFrames(
  path: string,
  size: {
    width: number;
    height: number;
    select?: readonly number[];
    format?: PixelFormat;
    /** Frame buffers the consumer is done with, to fill again instead of allocating new ones. */
    spare?: Uint8Array[];
    /** Decoded frames that may wait for the consumer (default 4). */
    readAhead?: number;
  },
): AsyncGenerator<Uint8Array> {
  const format = size.format ?? "rgb24";
  const bytes = frameBytes(size, format);
  const filters = [`scale=${size.width}:${size.height}:flags=fast_bilinear`];
  if (size.select) {
    // Only the listed frame numbers (0-based), for pictures after the analysis.
    filters.unshift(`select='${size.select.map((n) => `eq(n\\,${n})`).join("+")}'`);
  }
  // One decoding thread: the cores are busy with pose estimation, and threads would only contend.
  const args = ["-v", "error", "-threads", "1", "-i", path, "-an", "-sn", "-vf", filters.join(",")];
  // Without this, ffmpeg would duplicate frames to fill the gaps left by `select`.
  if (size.select) args.push("-vsync", "0");
  args.push("-f", "rawvideo", "-pix_fmt", format, "pipe:1");
  const child = spawn(findFfmpeg(), args, { stdio: ["ignore", "pipe", "pipe"] });
  let errorText = "";
  child.stderr.on("data", (chunk: Buffer) => {
    if (errorText.length < 4000) errorText += chunk.toString();
  });
  const exited = new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? 0)));
  // Chunks from the pipe are copied once into a frame-sized buffer (no re-concatenation), and
  // up to `readAhead` whole frames wait in a queue: ffmpeg decodes while the consumer is busy
  // instead of in lockstep with it, and is paused (back-pressure) when the queue is full.
  const readAhead = Math.max(1, size.readAhead ?? 4);
  const nextBuffer = () => {
    const reused = size.spare?.pop();
    return reused && reused.length === bytes ? reused : new Uint8Array(bytes);
  };
  const queue: Uint8Array[] = [];
  let frame = nextBuffer();
  let filled = 0;
  let ended = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const stdout = child.stdout;
  stdout.on("data", (chunk: Buffer) => {
    let offset = 0;
    while (offset < chunk.length) {
      const n = Math.min(bytes - filled, chunk.length - offset);
      frame.set(chunk.subarray(offset, offset + n), filled);
      filled += n;
      offset += n;
      if (filled === bytes) {
        queue.push(frame);
        frame = nextBuffer();
        filled = 0;
      }
    }
    if (queue.length >= readAhead) stdout.pause();
    notify();
  });
  stdout.on("end", () => {
    ended = true;
    notify();
  });
  stdout.on("error", (error: Error) => {
    failure = error;
    notify();
  });
  let finished = false;
  try {
    for (;;) {
      const next = queue.shift();
      if (next) {
        if (queue.length < readAhead && stdout.isPaused()) stdout.resume();
        yield next;
        continue;
      }
      if (failure) throw failure;
      if (ended) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
    finished = true;
  } finally {
    if (!finished) child.kill("SIGKILL");
  }
  const code = await exited;
  if (code !== 0)
    throw new VideoError(
      `ffmpeg could not decode the video: ${errorText.trim().split("\n")[0] ?? ""}`,
    );
}
