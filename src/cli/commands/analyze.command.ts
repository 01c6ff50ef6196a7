/**
 * The `hipcheck analyze` command, ready for the CLI to register: flags checked with zod, the
 * analysis run with a progress bar, the report or JSON printed, errors turned into a message
 * and an exit code instead of a crash.
 */
import type { Command } from "commander";
import { z } from "zod";
import { InputError, parseWith } from "../../core/errors.js";
import { formatAnalysis, progressBar } from "../../vision/analysis-report.js";
import { type AnalyzeOptions, analyzeInput } from "../../vision/analyze-input.js";
import { VideoError } from "../../vision/ffmpeg.js";
import { POSE_BACKENDS } from "../../vision/pose-network.js";

export const analyzeFlagsSchema = z
  .object({
    view: z.enum(["rear", "front", "side"]).optional(),
    fps: z.coerce
      .number({ error: "--fps must be a number of frames per second" })
      .min(1, "--fps must be between 1 and 1000")
      .max(1000, "--fps must be between 1 and 1000")
      .optional(),
    model: z.enum(["lightning", "thunder", "blazepose"]).optional(),
    backend: z.enum(POSE_BACKENDS).optional(),
    task: z.enum(["running", "single-leg-squat", "single-leg-stance"]).optional(),
    out: z.string().min(1).optional(),
    mp4: z.boolean().optional(),
    json: z.boolean().optional(),
  })
  .strict();

export type AnalyzeFlags = z.input<typeof analyzeFlagsSchema>;

export interface CommandStreams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
}

/**
 * Runs `hipcheck analyze INPUT [--view rear|side] [--fps N] [--model lightning|thunder|blazepose]
 * [--backend onnx|tfjs] [--task …] [--out DIR [--mp4]] [--json]`; `flags` are the raw options as the CLI parsed them. Returns
 * the process exit code (0 ok, 1 unusable input).
 */
export async function runAnalyze(
  input: string,
  flags: unknown,
  streams: CommandStreams,
): Promise<number> {
  try {
    const parsed = parseWith(analyzeFlagsSchema, flags, "options");
    const options: AnalyzeOptions = {};
    if (parsed.view) options.view = parsed.view;
    if (parsed.fps) options.fps = parsed.fps;
    if (parsed.model) options.model = parsed.model;
    if (parsed.backend) options.backend = parsed.backend;
    if (parsed.task) options.task = parsed.task;
    if (parsed.mp4 && !parsed.out)
      throw new InputError(
        [{ path: "mp4", message: "--mp4 needs --out DIR, the folder to write annotated.mp4 in" }],
        "options",
      );
    if (parsed.out) options.out = parsed.out;
    if (parsed.mp4) options.mp4 = true;
    if (!parsed.json) options.onProgress = progressBar(streams.stderr, "Finding the runner");
    const result = await analyzeInput(input, options);
    streams.stdout.write(
      parsed.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatAnalysis(result)}\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof InputError || error instanceof VideoError) {
      streams.stderr.write(`hipcheck: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** Registers `hipcheck analyze` on the command line. */
export function registerAnalyze(program: Command): void {
  program
    .command("analyze")
    .description(
      "Measure running or a screening movement from a video, an OpenPose folder or a keypoint file.",
    )
    .argument("<input>", "video file, OpenPose folder, or keypoint .json")
    .option("--view <view>", "camera view: rear, front or side (detected when left out)")
    .option("--fps <n>", "frames per second (needed for OpenPose and COCO input)")
    .option(
      "--model <model>",
      "pose model: lightning (fast, default), thunder (accurate) or blazepose (heels and toes)",
    )
    .option(
      "--backend <backend>",
      "pose runtime: onnx (ONNX Runtime, default) or tfjs (TensorFlow.js WebAssembly)",
    )
    .option("--task <task>", "running (default), single-leg-squat or single-leg-stance")
    .option("--out <dir>", "write analysis.json, keypoints.json and annotated pictures here")
    .option("--mp4", "also write annotated.mp4 (with --out): skeleton and angles on every frame")
    .option("--json", "print the result as JSON")
    .action(async (input: string, flags: Record<string, unknown>) => {
      process.exitCode = await runAnalyze(input, flags, {
        stdout: process.stdout,
        stderr: process.stderr,
      });
    });
}
