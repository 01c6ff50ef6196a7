/**
 * `hipcheck analyze INPUT`: a video, an OpenPose folder or a keypoint file in; metrics per
 * side with their quality, movement evidence, and (for videos) annotated pictures out.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { FileError } from "../core/errors.js";
import type { MovementEvidence } from "../core/movement/evidence.js";
import { exportHipcheckKeypoints } from "../core/movement/keypoints.schema.js";
import type { CameraView, KeypointSeries } from "../core/movement/keypoints.types.js";
import { prepareSeries } from "../core/movement/prepare.js";
import { analyzeRunning, type RunningAnalysis } from "../core/movement/running-analysis.js";
import { runningEvidence } from "../core/movement/running-evidence.js";
import {
  singleLegSquatEvidence,
  singleLegStanceEvidence,
} from "../core/movement/screening-evidence.js";
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
import { estimateVideoPose } from "./video-pose.js";

export type MovementTaskKind = "running" | "single-leg-squat" | "single-leg-stance";

export interface AnalyzeOptions {
  view?: CameraView;
  /** Frame rate: required for OpenPose and COCO input; overrides a video's own. */
  fps?: number;
  model?: PoseModelKind;
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
  /** The video as its header describes it, and how many frames could actually be read. */
  video?: VideoInfo & { framesRead: number };
  analysis: MovementAnalysis;
  /** In the assessment core's shape: `hipcheck assess` can take these as movement evidence. */
  evidence: MovementEvidence[];
  /** About the input rather than the movement: a video that ends early, a view that disagrees. */
  notices: string[];
  /** Files written, by name, in the `out` folder. */
  files: string[];
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
  const sizeOptions = {
    ...(options.fps ? { fps: options.fps } : {}),
    ...(options.view ? { view: options.view } : {}),
  };
  if (source === "video") {
    const pose = await estimateVideoPose(input, {
      ...(options.model ? { model: options.model } : {}),
      ...(options.fps ? { fps: options.fps } : {}),
      ...(options.workers ? { workers: options.workers } : {}),
      ...(options.onProgress
        ? { onProgress: (done, total) => options.onProgress?.(done, total, "pose") }
        : {}),
    });
    series = pose.series;
    video = pose.video;
    const short = video.frameCount - series.t.length;
    if (short >= SHORT_BY_FRAMES && short > SHORT_BY_SHARE * video.frameCount)
      notices.push(
        `${input} ends early: ${series.t.length} of the ${video.frameCount} frames its header announces could be read (${(series.t.length / video.fps).toFixed(1)} s of ${video.durationS.toFixed(1)} s). The file may be cut short or damaged; only the frames read were analysed.`,
      );
  } else if (source === "openpose") {
    series = readOpenPoseFolder(input, sizeOptions);
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
  const task = options.task ?? "running";
  let analysis: MovementAnalysis;
  let evidence: MovementEvidence[];
  if (task === "single-leg-squat") {
    const squat = analyzeSingleLegSquat(series, options.view ? { view: options.view } : {});
    analysis = squat;
    evidence = singleLegSquatEvidence(squat);
  } else if (task === "single-leg-stance") {
    const stance = analyzeSingleLegStance(series);
    analysis = stance;
    evidence = singleLegStanceEvidence(stance);
  } else {
    const running = analyzeRunning(series, options.view ? { view: options.view } : {});
    analysis = running;
    evidence = runningEvidence(running);
  }
  const result: AnalyzeResult = {
    input,
    source,
    rulesVersion: RULES_VERSION,
    model: series.model,
    analysis,
    evidence,
    notices,
    files: [],
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
