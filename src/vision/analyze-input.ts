/**
 * `hipcheck analyze INPUT`: a video, an OpenPose folder or a keypoint file in; metrics per
 * side with their quality, movement evidence, and (for videos) annotated pictures out.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { FileError } from "../core/errors.js";
import type { MovementEvidence } from "../core/movement/evidence.js";
import { judgeMeasurements } from "../core/movement/judge-movement.js";
import { exportHipcheckKeypoints } from "../core/movement/keypoints.schema.js";
import type { CameraView, KeypointSeries } from "../core/movement/keypoints.types.js";
import {
  type MovementMeasurement,
  runningMeasurements,
  squatMeasurements,
  stanceMeasurements,
} from "../core/movement/measurements.js";
import { keypointsTooPoor } from "../core/movement/model-choice.js";
import { prepareSeries } from "../core/movement/prepare.js";
import { analyzeRunning, type RunningAnalysis } from "../core/movement/running-analysis.js";
import {
  analyzeSingleLegSquat,
  type SingleLegSquatAnalysis,
} from "../core/movement/single-leg-squat.js";
import {
  analyzeSingleLegStance,
  type SingleLegStanceAnalysis,
} from "../core/movement/single-leg-stance.js";
import { detectView, legLengthPx } from "../core/movement/view-detect.js";
import { RULES_VERSION } from "../core/rules-version.js";
import { annotateFrame, encodePng, picturesFor } from "./annotate.js";
import { writeAnnotatedVideo } from "./annotated-video.js";
import { decodeFrames, decodeSize, type VideoInfo } from "./ffmpeg.js";
import {
  type InputKind,
  inputKind,
  readKeypointFile,
  readOpenPoseFolder,
} from "./keypoint-files.js";
import type { PoseModelKind } from "./model-files.js";
import type { PoseBackend } from "./pose-network.js";
import { estimateVideoPose } from "./video-pose.js";

/** The pose model a clip is measured again with when the default one's keypoints fall short. */
const ESCALATE_TO: PoseModelKind = "thunder";

export type MovementTaskKind = "running" | "single-leg-squat" | "single-leg-stance";

export interface AnalyzeOptions {
  view?: CameraView;
  /** Frame rate: required for OpenPose and COCO input; overrides a video's own. */
  fps?: number;
  model?: PoseModelKind;
  /** Runtime of the pose network for videos (default: ONNX Runtime where the model has a file). */
  backend?: PoseBackend;
  task?: MovementTaskKind;
  /**
   * An existing, empty folder for analysis.json, keypoints.json and pictures; nothing is written
   * without it. (The CLI gives a temporary folder that takes the place of --out at the end.)
   */
  out?: string;
  /** Also write annotated.mp4 (videos only, with `out`): the skeleton and angles on every frame. */
  mp4?: boolean;
  workers?: number;
  /** Called as work is done: frames found, pictures drawn, frames of the MP4 written. */
  onProgress?: (done: number, total: number, phase: AnalysisPhase) => void;
  /** Stops finding the runner (a stopping server or worker), rejecting with the signal's reason. */
  signal?: AbortSignal;
}

/** The long parts of an analysis, in order. */
export type AnalysisPhase = "pose" | "pictures" | "video";

/** A video that ends this many frames (and this share) short of its header is reported. */
const SHORT_BY_FRAMES = 3;
const SHORT_BY_SHARE = 0.02;

export type MovementAnalysis = RunningAnalysis | SingleLegSquatAnalysis | SingleLegStanceAnalysis;

export interface AnalyzeResult {
  input: string;
  source: InputKind;
  rulesVersion: string;
  model: string;
  /** The runtime that ran the pose network (videos only). */
  backend?: PoseBackend;
  /** The video as its header describes it, and how many frames could actually be read. */
  video?: VideoInfo & { framesRead: number };
  analysis: MovementAnalysis;
  /** What was measured, with its quality: `hipcheck assess` judges these with the clinic's thresholds. */
  measurements: MovementMeasurement[];
  /** A preview of that judgement with the default thresholds, for the analysis report. */
  evidence: MovementEvidence[];
  /** About the input rather than the movement: a video that ends early, a view that disagrees. */
  notices: string[];
  /** Files written, by name, in the `out` folder. */
  files: string[];
  /** Facts about the input worth knowing, not doubts (files ignored, the frame rate used). */
  notes: string[];
}

/**
 * Runs the whole analysis of one input. Throws InputError, FileError or VideoError for unusable
 * input, including a clip in which no person's hips, knees and ankles were found.
 */
export async function analyzeInput(
  input: string,
  options: AnalyzeOptions = {},
): Promise<AnalyzeResult> {
  const source = inputKind(input);
  const notices: string[] = [];
  let series: KeypointSeries;
  let video: VideoInfo | undefined;
  const notes: string[] = [];
  let backend: PoseBackend | undefined;
  const sizeOptions = {
    ...(options.fps ? { fps: options.fps } : {}),
    ...(options.view ? { view: options.view } : {}),
  };
  const task = options.task ?? "running";
  if (source === "video") {
    const poseOptions = {
      ...(options.backend ? { backend: options.backend } : {}),
      ...(options.fps ? { fps: options.fps } : {}),
      ...(options.workers ? { workers: options.workers } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress
        ? {
            onProgress: (done: number, total: number) => options.onProgress?.(done, total, "pose"),
          }
        : {}),
    };
    const pose = await estimateVideoPose(input, {
      ...poseOptions,
      ...(options.model ? { model: options.model } : {}),
    });
    series = pose.series;
    video = pose.video;
    backend = pose.backend;
    const short = video.frameCount - series.t.length;
    if (short >= SHORT_BY_FRAMES && short > SHORT_BY_SHARE * video.frameCount)
      notices.push(
        `${input} ends early: ${series.t.length} of the ${video.frameCount} frames its header announces could be read (${(series.t.length / video.fps).toFixed(1)} s of ${video.durationS.toFixed(1)} s). The file may be cut short or damaged; only the frames read were analysed.`,
      );
    if (video.captureFps && !options.fps) {
      notes.push(
        `Slow motion: the phone filmed at ${video.captureFps} fps and stored the clip at ${video.fps} fps; times are measured at the filming rate (give --fps to override).`,
      );
    }
    // The fast model first; the accurate one only when the fast one's keypoints fall short.
    if (!options.model && task === "running") {
      const view = options.view ? { view: options.view } : {};
      const fast = analyzeRunning(series, view);
      const why = keypointsTooPoor(fast);
      if (why) {
        const accurate = (await estimateVideoPose(input, { ...poseOptions, model: ESCALATE_TO }))
          .series;
        const second = analyzeRunning(accurate, view);
        // Kept unless it is poor too and withholds more than the fast model's.
        const keep =
          keypointsTooPoor(second) === undefined || second.withheld.length <= fast.withheld.length;
        // Who else is in the picture and how the camera moved do not depend on the model.
        if (keep) series = { ...accurate, ...pictureFacts(series, accurate) };
        notes.push(
          `The fast pose model's keypoints fell short (${why}): the clip was measured again with ${ESCALATE_TO}, the accurate model${keep ? "" : ", which did no better, so the fast model's keypoints are used"}.`,
        );
      }
    }
  } else if (source === "openpose") {
    const folder = readOpenPoseFolder(input, sizeOptions);
    series = folder.series;
    if (folder.ignored.length > 0) {
      notes.push(
        `Read ${series.t.length} OpenPose frame files (*_keypoints.json); ignored ${folder.ignored.length} other file${folder.ignored.length === 1 ? "" : "s"}: ${folder.ignored.join(", ")}.`,
      );
    }
  } else {
    series = readKeypointFile(input, sizeOptions);
  }
  const prepared = prepareSeries(series);
  if (!Number.isFinite(legLengthPx(prepared)))
    throw new FileError(
      `No person was found in ${input}: no frame shows hips, knees and ankles clearly enough to measure. Film the whole body, in good light.`,
    );
  if (options.view) {
    const seen = detectView(prepared);
    if (seen.certain && seen.view !== options.view)
      notices.push(
        `--view ${options.view} was given, but the body's proportions look like a ${seen.view} view: the measures follow --view ${options.view}; check it.`,
      );
    series.view = options.view;
  }
  let analysis: MovementAnalysis;
  let measurements: MovementMeasurement[];
  if (task === "single-leg-squat") {
    const squat = analyzeSingleLegSquat(series, options.view ? { view: options.view } : {});
    analysis = squat;
    measurements = squatMeasurements(squat);
  } else if (task === "single-leg-stance") {
    const stance = analyzeSingleLegStance(series);
    analysis = stance;
    measurements = stanceMeasurements(stance);
  } else {
    const running = analyzeRunning(series, options.view ? { view: options.view } : {});
    analysis = running;
    measurements = runningMeasurements(running);
  }
  const evidence = judgeMeasurements(measurements).evidence;
  const result: AnalyzeResult = {
    input,
    source,
    rulesVersion: RULES_VERSION,
    model: series.model,
    ...(backend ? { backend } : {}),
    analysis,
    measurements,
    evidence,
    notices,
    files: [],
    notes,
  };
  if (video) result.video = { ...video, framesRead: series.t.length };
  const out = options.out;
  if (out) {
    const progress = options.onProgress;
    if (video && analysis.kind === "running") {
      result.files.push(
        ...(await writePictures(input, {
          series,
          analysis,
          video,
          out,
          ...(progress ? { onProgress: (done, total) => progress(done, total, "pictures") } : {}),
        })),
      );
    }
    if (video && options.mp4) {
      await writeAnnotatedVideo(input, {
        series,
        video,
        path: join(out, "annotated.mp4"),
        ...(analysis.kind === "running" ? { analysis } : {}),
        ...(progress ? { onProgress: (done, total) => progress(done, total, "video") } : {}),
      });
      result.files.push("annotated.mp4");
    }
    writeFileSync(join(out, "keypoints.json"), JSON.stringify(exportHipcheckKeypoints(series)));
    result.files.push("keypoints.json", "analysis.json");
    writeFileSync(join(out, "analysis.json"), `${JSON.stringify(result, null, 2)}\n`);
  }
  return result;
}

/** The people count and camera motion of two passes over the same video: the fuller of each. */
function pictureFacts(a: KeypointSeries, b: KeypointSeries): Partial<KeypointSeries> {
  const facts: Partial<KeypointSeries> = {};
  const people =
    (a.people?.framesWithSeveral ?? 0) >= (b.people?.framesWithSeveral ?? 0) ? a.people : b.people;
  if (people) facts.people = people;
  const motion = a.cameraMotion ?? b.cameraMotion;
  if (motion) facts.cameraMotion = motion;
  return facts;
}

/** Decodes only the frames to be pictured and writes them annotated as PNG files. */
async function writePictures(
  input: string,
  context: {
    series: KeypointSeries;
    analysis: RunningAnalysis;
    video: VideoInfo;
    out: string;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<string[]> {
  const requests = picturesFor(context.analysis);
  if (requests.length === 0) return [];
  const frames = [...new Set(requests.map((r) => r.frame))].sort((a, b) => a - b);
  const size = decodeSize(context.video, 1280);
  const scale = size.width / context.video.width;
  const written: string[] = [];
  let k = 0;
  for await (const rgb of decodeFrames(input, { ...size, select: frames })) {
    const frame = frames[k++];
    for (const request of requests.filter((r) => r.frame === frame)) {
      const canvas = { width: size.width, height: size.height, rgb: new Uint8Array(rgb) };
      annotateFrame(canvas, {
        series: context.series,
        request,
        scale,
        view: context.analysis.view,
      });
      writeFileSync(join(context.out, request.name), encodePng(canvas));
      written.push(request.name);
      context.onProgress?.(written.length, requests.length);
    }
  }
  return written;
}
