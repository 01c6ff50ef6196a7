/**
 * BlazePose (MediaPipe's pose landmark model, the "full" variant) read the way hipcheck reads
 * MoveNet: its 33 landmarks are put in COCO-17 order, followed by the heels and toes that
 * MoveNet lacks and that foot-strike measures need. The crop follows the person as for
 * MoveNet (hips in the middle, the whole body inside), in place of BlazePose's own detector.
 */
// Not COCO_17_ORDER from the COCO importer: this module runs in the pose workers, which should
// not load the importers' zod schemas. The first 17 keypoint names are COCO's order.
import {
  KEYPOINT_NAMES,
  type KeypointName,
  type RawPoint,
} from "../core/movement/keypoints.types.js";
import type { CropBox } from "./crop.js";

/** Output names of the converted BlazePose file: `ld_3d` [1, 195] and `output_poseflag` [1, 1]. */
export const BLAZEPOSE_OUTPUTS = { landmarks: "landmarks", poseFlag: "pose_flag" } as const;

/** Points hipcheck takes from BlazePose, in this order: COCO's 17, then heels and toes. */
export const BLAZEPOSE_POINTS: readonly KeypointName[] = [
  ...KEYPOINT_NAMES.slice(0, 17),
  "leftHeel",
  "rightHeel",
  "leftBigToe",
  "rightBigToe",
];

/**
 * Index of each of those points among BlazePose's 39 outputs (33 landmarks + 6 auxiliary):
 * nose 0, eyes 2 and 5, ears 7 and 8, shoulders 11–12, elbows 13–14, wrists 15–16, hips 23–24,
 * knees 25–26, ankles 27–28, heels 29–30, foot index (toe) 31–32.
 */
const LANDMARK_INDEX: readonly number[] = [
  0, 2, 5, 7, 8, 11, 12, 13, 14, 15, 16, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32,
];

/** Values per landmark in the `ld_3d` output: x, y, z (input pixels), visibility, presence (logits). */
const VALUES_PER_LANDMARK = 5;

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/**
 * Landmarks (`ld_3d`, input pixels of a size × size crop) → frame pixels in BLAZEPOSE_POINTS
 * order; a point's score is visibility × presence × the model's confidence that a person is
 * there at all (`poseFlag`, 0–1).
 */
export function fromBlazePose(
  output: { landmarks: ArrayLike<number>; poseFlag: number },
  crop: CropBox,
  inputSize: number,
): RawPoint[] {
  return LANDMARK_INDEX.map((index) => {
    const o = index * VALUES_PER_LANDMARK;
    const x = (output.landmarks[o] ?? 0) / inputSize;
    const y = (output.landmarks[o + 1] ?? 0) / inputSize;
    const visibility = sigmoid(output.landmarks[o + 3] ?? Number.NEGATIVE_INFINITY);
    const presence = sigmoid(output.landmarks[o + 4] ?? Number.NEGATIVE_INFINITY);
    return {
      x: crop.x + x * crop.size,
      y: crop.y + y * crop.size,
      score: visibility * presence * output.poseFlag,
    };
  });
}
