/**
 * `hipcheck analyze INPUT`: a video, an OpenPose folder or a keypoint file in; metrics per
 * side with their quality, movement evidence, and (for videos) annotated pictures out.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { MovementEvidence } from "../core/movement/evidence.js";
import { exportHipcheckKeypoints } from "../core/movement/keypoints.schema.js";
import type { CameraView, KeypointSeries } from "../core/movement/keypoints.types.js";
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

export type MovementTaskKind = "running" | "single-leg-squat" | "single-leg-stance";

export interface AnalyzeOptions {
  view?: CameraView;
  /** Frame rate: required for OpenPose and COCO input; overrides a video's own. */
  fps?: number;
  model?: PoseModelKind;
  /** Runtime of the pose network for videos (default: ONNX Runtime where the model has a file). */
  backend?: PoseBackend;
  task?: MovementTaskKind;
  /** Folder for analysis.json, keypoints.json and pictures; nothing is written without it. */
  out?: string;
  /** Also write annotated.mp4 (videos only, with `out`): the skeleton and angles on every frame. */
  mp4?: boolean;
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

export type MovementAnalysis = RunningAnalysis | SingleLegSquatAnalysis | SingleLegStanceAnalysis;

export interface AnalyzeResult {
  input: string;
  source: InputKind;
  rulesVersion: string;
  model: string;
  /** The runtime that ran the pose network (videos only). */
  backend?: PoseBackend;
  video?: VideoInfo;
  analysis: MovementAnalysis;
  /** In the assessment core's shape: `hipcheck assess` can take these as movement evidence. */
  evidence: MovementEvidence[];
  /** Files written, relative to nothing (as given by `out`). */
  files: string[];
}

/** Runs the whole analysis of one input. Throws InputError or VideoError for unusable input. */
export async function analyzeInput(
  input: string,
  options: AnalyzeOptions = {},
): Promise<AnalyzeResult> {
  const source = inputKind(input);
  let series: KeypointSeries;
  let video: VideoInfo | undefined;
  let backend: PoseBackend | undefined;
  const sizeOptions = {
    ...(options.fps ? { fps: options.fps } : {}),
    ...(options.view ? { view: options.view } : {}),
  };
  if (source === "video") {
    const pose = await estimateVideoPose(input, {
      ...(options.model ? { model: options.model } : {}),
      ...(options.backend ? { backend: options.backend } : {}),
      ...(options.fps ? { fps: options.fps } : {}),
      ...(options.workers ? { workers: options.workers } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    series = pose.series;
    video = pose.video;
    backend = pose.backend;
  } else if (source === "openpose") {
    series = readOpenPoseFolder(input, sizeOptions);
  } else {
    series = readKeypointFile(input, sizeOptions);
  }
  if (options.view) series.view = options.view;
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
    ...(backend ? { backend } : {}),
    analysis,
    evidence,
    files: [],
  };
  if (video) result.video = video;
  if (options.out) {
    mkdirSync(options.out, { recursive: true });
    if (video && analysis.kind === "running") {
      result.files.push(
        ...(await writePictures(input, { series, analysis, video, out: options.out })),
      );
    }
    if (video && options.mp4) {
      const path = join(options.out, "annotated.mp4");
      await writeAnnotatedVideo(input, {
        series,
        video,
        path,
        ...(analysis.kind === "running" ? { analysis } : {}),
      });
      result.files.push(path);
    }
    const keypointsPath = join(options.out, "keypoints.json");
    writeFileSync(keypointsPath, JSON.stringify(exportHipcheckKeypoints(series)));
    result.files.push(keypointsPath);
    const analysisPath = join(options.out, "analysis.json");
    result.files.push(analysisPath);
    writeFileSync(analysisPath, `${JSON.stringify(result, null, 2)}\n`);
  }
  return result;
}

/** Decodes only the frames to be pictured and writes them annotated as PNG files. */
async function writePictures(
  input: string,
  context: { series: KeypointSeries; analysis: RunningAnalysis; video: VideoInfo; out: string },
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
      const path = join(context.out, request.name);
      writeFileSync(path, encodePng(canvas));
      written.push(path);
    }
  }
  return written;
}
