/**
 * Video → keypoint series: ffmpeg decodes frames one by one, a pool of MoveNet workers finds
 * the person in each, and each frame's crop follows the person as found a few frames earlier.
 * Every two seconds a worker also looks at the whole frame with that person blacked out, to
 * tell whether someone else is in the picture. Only a few frames are in memory at any time,
 * whatever the video's length.
 */
import { COCO_17_ORDER } from "../core/movement/coco.import.js";
import {
  emptyTrack,
  type KeypointSeries,
  type RawPoint,
} from "../core/movement/keypoints.types.js";
import { BLAZEPOSE_POINTS } from "./blazepose.js";
import {
  CAMERA_CHECK_EVERY_S,
  cameraMotionFrom,
  columnProfile,
  profileShift,
} from "./camera-motion.js";
import { cropAround, fullFrameCrop } from "./crop.js";
import { decodeFrames, decodeSize, probeVideo, VideoError, type VideoInfo } from "./ffmpeg.js";
import { POSE_MODELS, type PoseModelKind } from "./model-files.js";
import { bodyBox, isOtherPerson, PEOPLE_CHECK_EVERY_S, peopleSeen } from "./people-check.js";
import type { PoseBackend } from "./pose-network.js";
import { createPosePool, type PosePool } from "./pose-pool.js";

export interface VideoPoseOptions {
  model?: PoseModelKind;
  /** Runtime of the pose network (default: ONNX Runtime where the model has an ONNX file). */
  backend?: PoseBackend;
  /** Frame rate to use instead of the file's (e.g. slow-motion clips stored at 30 fps). */
  fps?: number;
  /** Worker threads; one per core by default. */
  workers?: number;
  /** Longest side frames are decoded at, pixels (default: 5 × the model's input, 960 or 1280). */
  maxSide?: number;
  /** Called with frames done and frames expected. */
  onProgress?: (done: number, total: number) => void;
  /** Stops at the next frame: the workers close and the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface VideoPose {
  series: KeypointSeries;
  video: VideoInfo;
  /** The runtime that ran the pose network. */
  backend: PoseBackend;
  /** Wall-clock seconds spent, for the benchmark. */
  seconds: number;
}

/**
 * Frames in flight, and how many frames old the person's position is when a frame is cropped:
 * enough to keep two cores busy, few enough to bound memory and follow a moving runner.
 */
const CROP_LAG = 4;

/** Runs pose estimation over a whole video; throws VideoError for unusable files. */
export async function estimateVideoPose(
  path: string,
  options: VideoPoseOptions = {},
): Promise<VideoPose> {
  const started = performance.now();
  const kind = options.model ?? "lightning";
  // The workers load the model while ffmpeg describes the file.
  const starting = createPosePool(kind, {
    ...(options.workers ? { size: options.workers } : {}),
    ...(options.backend ? { backend: options.backend } : {}),
  });
  let video: VideoInfo;
  try {
    video = probeVideo(path);
  } catch (error) {
    await starting.then(
      (pool) => pool.close(),
      () => undefined,
    );
    throw error;
  }
  // About five times the model's input keeps detail for a small runner without decoding 4K.
  const size = decodeSize(video, options.maxSide ?? POSE_MODELS[kind].inputSize * 5);
  const toVideo = video.width / size.width;
  // YUV frames: half the bytes of RGB, and ffmpeg spends no time converting whole frames. The
  // first frames are decoded while the workers are still loading the model.
  const spare: Uint8Array[] = [];
  const frames = decodeFrames(path, { ...size, format: "yuv420p", spare, readAhead: 6 });
  const first = frames.next();
  // Its failure (say, ffmpeg refusing the file) is reported where it is awaited, below.
  first.catch(() => undefined);
  let pool: PosePool;
  try {
    pool = await starting;
  } catch (error) {
    await frames.return(undefined);
    throw error;
  }
  const perFrame: (RawPoint[] | undefined)[] = [];
  // Frame i is cropped around the person as found in frame i − CROP_LAG, whatever the timing
  // of the workers: the same video always gives the same keypoints.
  const pending = new Map<number, Promise<void>>();
  let done = 0;
  const checkEvery = Math.max(1, Math.round((options.fps ?? video.fps) * PEOPLE_CHECK_EVERY_S));
  let checks = 0;
  let withOthers = 0;
  // Camera motion: a frame's background profile, compared with the next frame's.
  const cameraEvery = Math.max(2, Math.round((options.fps ?? video.fps) * CAMERA_CHECK_EVERY_S));
  const shifts: number[] = [];
  let profile: { columns: Float64Array; body: ReturnType<typeof bodyBox> } | undefined;
  try {
    let id = 0;
    for (let next = await first; !next.done; next = await frames.next()) {
      // Stopped: the frames in flight finish first (ONNX Runtime aborts the process if its
      // thread is ended mid-run).
      if (options.signal?.aborted) break;
      const pixels = next.value;
      const frameId = id++;
      const guideId = frameId - CROP_LAG;
      if (guideId >= 0) {
        await pending.get(guideId);
        pending.delete(guideId);
      }
      const guide = guideId >= 0 ? perFrame[guideId] : undefined;
      const crop = guide
        ? cropAround(guide, size.width, size.height)
        : fullFrameCrop(size.width, size.height);
      // Before the frame goes to a worker (its buffer moves there): the camera-motion look.
      if (frameId % cameraEvery === 0) {
        const body = guide ? bodyBox(guide) : undefined;
        profile = { columns: columnProfile(pixels, size, body), body };
      } else if (frameId % cameraEvery === 1 && profile) {
        shifts.push(profileShift(profile.columns, columnProfile(pixels, size, profile.body)));
        profile = undefined;
      }
      // Now and then, also look for someone else outside the followed person's body.
      const body = guide && guideId % checkEvery === 0 ? bodyBox(guide) : undefined;
      const task = pool
        .run({
          id: frameId,
          pixels,
          ...size,
          format: "yuv420p",
          crop,
          ...(body ? { othersOutside: body } : {}),
        })
        .then((result) => {
          perFrame[result.id] = result.points;
          if (result.others) {
            checks++;
            if (body && isOtherPerson(result.others, body)) withOthers++;
          }
          spare.push(result.pixels);
          done++;
          options.onProgress?.(done, Math.max(video.frameCount, done));
        });
      // A failed frame is reported where it is awaited (below), not as an unhandled rejection.
      task.catch(() => undefined);
      pending.set(frameId, task);
    }
    await Promise.all(pending.values());
    options.signal?.throwIfAborted();
  } finally {
    // Stops ffmpeg if the loop ended early; nothing to do when every frame was read.
    await frames.return(undefined);
    await pool.close();
  }
  if (perFrame.length === 0) throw new VideoError(`${path} holds no frames.`);
  // Slow motion: times are the real ones the phone filmed, unless --fps says otherwise.
  const fps = options.fps ?? video.captureFps ?? video.fps;
  const n = perFrame.length;
  const backend = pool.backend;
  const tracks: KeypointSeries["tracks"] = {};
  const names = POSE_MODELS[kind].family === "blazepose" ? BLAZEPOSE_POINTS : COCO_17_ORDER;
  names.forEach((name, k) => {
    const track = emptyTrack(n);
    for (let i = 0; i < n; i++) {
      const p = perFrame[i]?.[k];
      if (!p) continue;
      track.x[i] = p.x * toVideo;
      track.y[i] = p.y * toVideo;
      track.score[i] = p.score;
    }
    tracks[name] = track;
  });
  return {
    series: {
      fps,
      width: video.width,
      height: video.height,
      model: POSE_MODELS[kind].name,
      t: Float64Array.from({ length: n }, (_, i) => i / fps),
      tracks,
      people: peopleSeen({ frames: n, checks, withOthers }),
      cameraMotion: cameraMotionFrom(shifts, { width: size.width, fps }),
    },
    video,
    backend,
    seconds: (performance.now() - started) / 1000,
  };
}
