/**
 * `hipcheck analyze INPUT`: a video, an OpenPose folder or a keypoint file in; metrics per
 * side with their quality, movement evidence, and (for videos) annotated pictures out.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
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
import { analyzeRunning, type RunningAnalysis } from "../core/movement/running-analysis.js";
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
import { estimateVideoPose } from "./video-pose.js";

/** The pose model a clip is measured again with when the default one's keypoints fall short. */
const ESCALATE_TO: PoseModelKind = "thunder";

export type MovementTaskKind = "running" | "single-leg-squat" | "single-leg-stance";

export interface AnalyzeOptions {
  view?: CameraView;
  /** Frame rate: required for OpenPose and COCO input; overrides a video's own. */
  fps?: number;
  model?: PoseModelKind;
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
  video?: VideoInfo;
  analysis: MovementAnalysis;
  /** What was measured, with its quality: `hipcheck assess` judges these with the clinic's thresholds. */
  measurements: MovementMeasurement[];
  /** A preview of that judgement with the default thresholds, for the analysis report. */
  evidence: MovementEvidence[];
  /** Files written, relative to nothing (as given by `out`). */
  files: string[];
  /** What the reader should know about the input itself (files ignored, the frame rate used). */
  notes: string[];
}

/** Runs the whole analysis of one input. Throws InputError or VideoError for unusable input. */
export async function analyzeInput(
  input: string,
  options: AnalyzeOptions = {},
): Promise<AnalyzeResult> {
  const source = inputKind(input);
  let series: KeypointSeries;
  let video: VideoInfo | undefined;
  const notes: string[] = [];
  const sizeOptions = {
    ...(options.fps ? { fps: options.fps } : {}),
    ...(options.view ? { view: options.view } : {}),
  };
  const task = options.task ?? "running";
  if (source === "video") {
    const poseOptions = {
      ...(options.fps ? { fps: options.fps } : {}),
      ...(options.workers ? { workers: options.workers } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    };
    const pose = await estimateVideoPose(input, {
      ...poseOptions,
      ...(options.model ? { model: options.model } : {}),
    });
    series = pose.series;
    video = pose.video;
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
  if (options.view) series.view = options.view;
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
    analysis,
    measurements,
    evidence,
    files: [],
    notes,
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
