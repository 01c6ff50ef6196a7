/**
 * The `hipcheck analyze` command: options checked as the command line is read, the output
 * folder checked before any work, the analysis run with progress on stderr for every phase,
 * the folder written whole, and the report or JSON printed.
 */
import type { Command } from "commander";
import { UsageError } from "../../core/errors.js";
import type { CameraView } from "../../core/movement/keypoints.types.js";
import { writeFolderWhole } from "../../report/output-writer.js";
import { formatAnalysis, phaseProgress } from "../../vision/analysis-report.js";
import {
  type AnalyzeOptions,
  type AnalyzeResult,
  analyzeInput,
  type MovementTaskKind,
} from "../../vision/analyze-input.js";
import { inputKind } from "../../vision/keypoint-files.js";
import type { PoseModelKind } from "../../vision/model-files.js";
import { POSE_BACKENDS, type PoseBackend } from "../../vision/pose-network.js";
import { numberBetween, oneOf } from "../option-parsers.js";
import { type CommandStreams, printJson, printNotice, printText } from "../output.js";

export interface AnalyzeCommandOptions {
  view?: CameraView;
  fps?: number;
  model?: PoseModelKind;
  backend?: PoseBackend;
  task?: MovementTaskKind;
  out?: string;
  mp4?: boolean;
  json?: boolean;
  /** Worker threads for pose estimation (tests); one per core by default. */
  workers?: number;
}

/**
 * Runs `hipcheck analyze INPUT` with options as the command line parsed them. Throws the
 * typed errors of the input, the output folder or the command line; the CLI maps them.
 */
export async function runAnalyze(
  input: string,
  options: AnalyzeCommandOptions,
  streams: CommandStreams,
): Promise<AnalyzeResult> {
  if (options.mp4 && !options.out)
    throw new UsageError("--mp4 needs --out DIR, the folder to write annotated.mp4 in");
  const source = inputKind(input);
  if (options.mp4 && source !== "video")
    printNotice(
      streams,
      `--mp4 draws on the frames of a video; ${input} holds keypoints only, so no annotated.mp4 is written.`,
    );
  const started = performance.now();
  const progress = phaseProgress(streams.stderr);
  const analyzeOptions: AnalyzeOptions = { onProgress: progress.onProgress };
  if (options.view) analyzeOptions.view = options.view;
  if (options.fps) analyzeOptions.fps = options.fps;
  if (options.model) analyzeOptions.model = options.model;
  if (options.backend) analyzeOptions.backend = options.backend;
  if (options.task) analyzeOptions.task = options.task;
  if (options.mp4) analyzeOptions.mp4 = true;
  if (options.workers) analyzeOptions.workers = options.workers;
  const result = options.out
    ? await writeFolderWhole({ kind: "folder", path: options.out, option: "--out" }, (folder) =>
        analyzeInput(input, { ...analyzeOptions, out: folder }),
      )
    : await analyzeInput(input, analyzeOptions);
  if (source === "video") progress.finish((performance.now() - started) / 1000);
  if (options.json) {
    for (const notice of result.notices) printNotice(streams, notice);
    printJson(streams, result);
  } else {
    printText(streams, formatAnalysis(result, options.out ? { out: options.out } : {}));
  }
  return result;
}

/** Registers `hipcheck analyze` on the command line. */
export function registerAnalyze(program: Command): void {
  program
    .command("analyze")
    .description(
      "Measure running or a screening movement from a video, an OpenPose folder or a keypoint file.",
    )
    .argument("<input>", "video file, OpenPose folder, or keypoint .json")
    .option(
      "--view <view>",
      "camera view: rear, front or side (detected when left out)",
      oneOf<CameraView>(["rear", "front", "side"]),
    )
    .option(
      "--fps <n>",
      "frames per second (needed for OpenPose and COCO input)",
      numberBetween("frames per second", 1, 1000),
    )
    .option(
      "--model <model>",
      "pose model: lightning (fast, default), thunder (accurate) or blazepose (heels and toes)",
      oneOf<PoseModelKind>(["lightning", "thunder", "blazepose"]),
    )
    .option(
      "--task <task>",
      "running (default), single-leg-squat or single-leg-stance",
      oneOf<MovementTaskKind>(["running", "single-leg-squat", "single-leg-stance"]),
    )
    .option(
      "--backend <backend>",
      "pose runtime: onnx (ONNX Runtime, default) or tfjs (TensorFlow.js WebAssembly)",
      oneOf<PoseBackend>(POSE_BACKENDS),
    )
    .option("--out <dir>", "write analysis.json, keypoints.json and annotated pictures here")
    .option("--mp4", "also write annotated.mp4 (with --out): skeleton and angles on every frame")
    .option("--json", "print the result as JSON")
    .action(async (input: string, options: AnalyzeCommandOptions) => {
      await runAnalyze(input, options, { stdout: process.stdout, stderr: process.stderr });
    });
}
