import { z } from "zod";
import { InputError, parseWith } from "../errors.js";
import { extentOf, parseImportOptions } from "./import-options.js";
import type { KeypointName, KeypointSeries } from "./keypoints.types.js";
import { buildSeries, type FramePeople, type PersonPoints } from "./series-builder.js";

/** OpenPose BODY_25 keypoint order (index → hipcheck name). */
export const BODY_25_ORDER: readonly KeypointName[] = [
  "nose",
  "neck",
  "rightShoulder",
  "rightElbow",
  "rightWrist",
  "leftShoulder",
  "leftElbow",
  "leftWrist",
  "midHip",
  "rightHip",
  "rightKnee",
  "rightAnkle",
  "leftHip",
  "leftKnee",
  "leftAnkle",
  "rightEye",
  "leftEye",
  "rightEar",
  "leftEar",
  "leftBigToe",
  "leftSmallToe",
  "leftHeel",
  "rightBigToe",
  "rightSmallToe",
  "rightHeel",
];

/** OpenPose's older 18-point COCO model order. */
export const OPENPOSE_COCO_18_ORDER: readonly KeypointName[] = [
  "nose",
  "neck",
  "rightShoulder",
  "rightElbow",
  "rightWrist",
  "leftShoulder",
  "leftElbow",
  "leftWrist",
  "rightHip",
  "rightKnee",
  "rightAnkle",
  "leftHip",
  "leftKnee",
  "leftAnkle",
  "rightEye",
  "leftEye",
  "rightEar",
  "leftEar",
];

// OpenPose writes many other fields (face, hands, version); only the body points are read.
const openPoseFrameSchema = z.object({
  people: z.array(
    z.object({
      pose_keypoints_2d: z
        .array(z.number({ error: "pose_keypoints_2d must hold numbers" }))
        .refine((values) => values.length === 75 || values.length === 54, {
          message:
            "pose_keypoints_2d must hold 25 points (BODY_25, 75 numbers) or 18 points (COCO, 54 numbers)",
        }),
    }),
    { error: "people must be a list (OpenPose frame file)" },
  ),
});

/** Converts one OpenPose person (x, y, confidence triples; 0, 0, 0 = not found) to named points. */
function personFromOpenPose(values: readonly number[]): PersonPoints {
  const order = values.length === 75 ? BODY_25_ORDER : OPENPOSE_COCO_18_ORDER;
  const person: PersonPoints = {};
  order.forEach((name, index) => {
    const x = values[index * 3] ?? 0;
    const y = values[index * 3 + 1] ?? 0;
    const score = values[index * 3 + 2] ?? 0;
    if (score > 0 && !(x === 0 && y === 0)) person[name] = { x, y, score: Math.min(1, score) };
  });
  return person;
}

/**
 * Reads OpenPose frame files (one parsed JSON object per frame, in frame order) into a series.
 * OpenPose does not record the frame rate: `options.fps` (1–1000) is required. `names` (the
 * frame files' names) let an error name the file at fault.
 */
export function importOpenPose(
  frames: readonly unknown[],
  options: unknown,
  names: readonly string[] = [],
): KeypointSeries {
  const opts = parseImportOptions(options);
  if (frames.length === 0) {
    throw new InputError(
      [{ path: "", message: "the OpenPose folder holds no frame files" }],
      "OpenPose folder",
    );
  }
  let model = "openpose-body25";
  const parsed: FramePeople[] = frames.map((frame, index) => {
    const file = parseWith(
      openPoseFrameSchema,
      frame,
      names[index] ? `OpenPose frame file ${names[index]}` : `OpenPose frame ${index}`,
    );
    return {
      people: file.people.map((p) => {
        if (p.pose_keypoints_2d.length === 54) model = "openpose-coco18";
        return personFromOpenPose(p.pose_keypoints_2d);
      }),
    };
  });
  const size = frameSize(parsed, opts.width, opts.height);
  return buildSeries(parsed, {
    fps: opts.fps,
    ...size,
    model,
    ...(opts.view ? { view: opts.view } : {}),
  });
}

/** The frame size given, or the extent of every point when not given. */
export function frameSize(
  frames: readonly FramePeople[],
  width: number | undefined,
  height: number | undefined,
): { width: number; height: number } {
  if (width !== undefined && height !== undefined) return { width, height };
  const xs: number[] = [];
  const ys: number[] = [];
  for (const frame of frames) {
    for (const person of frame.people) {
      for (const point of Object.values(person)) {
        if (!point) continue;
        xs.push(point.x);
        ys.push(point.y);
      }
    }
  }
  const extent = extentOf(xs, ys);
  return { width: width ?? extent.width, height: height ?? extent.height };
}
