import { z } from "zod";
import { parseWith } from "../errors.js";
import type { CameraView } from "./keypoints.types.js";

/** What a foreign keypoint format does not record and the caller must say (from the video or `--fps`). */
export interface ImportOptions {
  /** Frames per second of the video the keypoints came from (1–1000). */
  fps: number;
  /** Frame size in pixels; when absent it is taken as the extent of the points seen. */
  width?: number;
  height?: number;
  view?: CameraView;
}

const importOptionsSchema = z
  .object({
    fps: z
      .number({
        error:
          "the frame rate is required: frames per second of the video the keypoints came from (1–1000)",
      })
      .min(1, "fps must be between 1 and 1000 frames per second")
      .max(1000, "fps must be between 1 and 1000 frames per second"),
    width: z
      .number()
      .int()
      .min(16, "width must be between 16 and 10000 pixels")
      .max(10000)
      .optional(),
    height: z
      .number()
      .int()
      .min(16, "height must be between 16 and 10000 pixels")
      .max(10000)
      .optional(),
    view: z.enum(["rear", "front", "side"]).optional(),
  })
  .strict();

/** Validates import options; throws InputError with the field and the valid range. */
export function parseImportOptions(options: unknown): ImportOptions {
  return parseWith(importOptionsSchema, options, "import options");
}

/** Smallest frame size holding every point, when the format does not record it. */
export function extentOf(
  xs: Iterable<number>,
  ys: Iterable<number>,
): { width: number; height: number } {
  let width = 16;
  let height = 16;
  for (const x of xs) if (Number.isFinite(x)) width = Math.max(width, Math.ceil(x + 1));
  for (const y of ys) if (Number.isFinite(y)) height = Math.max(height, Math.ceil(y + 1));
  return { width, height };
}
