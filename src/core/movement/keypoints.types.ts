import type { Unit } from "../units.js";

/** Image coordinates in pixels: x to the right, y downwards, origin at the top-left corner. */
export type Pixels = Unit<"px">;

/**
 * The body points hipcheck knows. The first seventeen are the COCO set that MoveNet gives;
 * the rest come from OpenPose BODY_25 (neck, mid-hip, feet) or BlazePose (heel, toe).
 * Left and right are the person's own.
 */
export const KEYPOINT_NAMES = [
  "nose",
  "leftEye",
  "rightEye",
  "leftEar",
  "rightEar",
  "leftShoulder",
  "rightShoulder",
  "leftElbow",
  "rightElbow",
  "leftWrist",
  "rightWrist",
  "leftHip",
  "rightHip",
  "leftKnee",
  "rightKnee",
  "leftAnkle",
  "rightAnkle",
  "neck",
  "midHip",
  "leftHeel",
  "rightHeel",
  "leftBigToe",
  "rightBigToe",
  "leftSmallToe",
  "rightSmallToe",
] as const;

export type KeypointName = (typeof KEYPOINT_NAMES)[number];

/** Hips, knees and ankles: the points every running and screening measure needs. */
export const LOWER_LIMB_POINTS: readonly KeypointName[] = [
  "leftHip",
  "rightHip",
  "leftKnee",
  "rightKnee",
  "leftAnkle",
  "rightAnkle",
];

/** Camera position relative to the runner. Rear: behind; front: facing; side: beside. */
export type CameraView = "rear" | "front" | "side";

/**
 * One keypoint over time, one entry per frame. A point the model did not see has score 0
 * and x, y NaN. Scores are the model's confidence, 0–1.
 */
export interface KeypointTrack {
  x: Float64Array;
  y: Float64Array;
  score: Float64Array;
}

/** Who else was in the picture: the analysis follows one person and warns about the rest. */
export interface PeopleSeen {
  /** Most people detected in any one frame. */
  maxInFrame: number;
  /** Frames in which more than one person was detected. */
  framesWithSeveral: number;
}

/** How the picture itself moved: the background's shift between frames, looked at now and then. */
export interface CameraMotion {
  /** Pairs of frames compared. */
  checks: number;
  /** Share of those (0–1) in which the background moved: the camera was panning or shaking. */
  movingShare: number;
  /** Median speed of the background while it moved, in frame widths per second. */
  speed: number;
}

/**
 * Keypoints of one person over a clip, stored by keypoint (columns) so that signal
 * processing runs over contiguous arrays. Times are seconds from the first frame.
 */
export interface KeypointSeries {
  /** Nominal frame rate, frames per second (1–1000). */
  fps: number;
  /** Frame size in pixels. */
  width: number;
  height: number;
  /** The pose model or tool that produced the points, e.g. "movenet-lightning", "openpose-body25". */
  model: string;
  /** Time of each frame in seconds, strictly increasing. */
  t: Float64Array;
  tracks: Partial<Record<KeypointName, KeypointTrack>>;
  /** The view, when the file or the user states it; otherwise it is detected. */
  view?: CameraView;
  people?: PeopleSeen;
  cameraMotion?: CameraMotion;
}

/** A keypoint as it arrives from a file: pixels and a 0–1 score. */
export interface RawPoint {
  x: number;
  y: number;
  score: number;
}

/** Creates an empty track of `length` frames (all points missing). */
export function emptyTrack(length: number): KeypointTrack {
  return {
    x: new Float64Array(length).fill(Number.NaN),
    y: new Float64Array(length).fill(Number.NaN),
    score: new Float64Array(length),
  };
}

/** Number of frames in a series. */
export const frameCount = (series: KeypointSeries): number => series.t.length;
