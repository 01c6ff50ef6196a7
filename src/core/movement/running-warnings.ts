/**
 * The plain warnings of a running analysis: what about the clip limits the measures, and which
 * measures each warning lowers the confidence of. A warning never comes with a made-up number.
 */
import type { CameraFindings } from "./camera-checks.js";
import type { KeypointSeries } from "./keypoints.types.js";
import type { RunningAnalysis } from "./running-analysis.js";
import { RUNNING_METRICS, type RunningMetricId } from "./running-metrics.js";

export type WarningCode =
  | "no-steps"
  | "too-few-steps"
  | "clip-too-short"
  | "no-clear-rhythm"
  | "rhythm-disagrees"
  | "implausible-cadence"
  | "implausible-value"
  | "low-fps"
  | "no-contact-time"
  | "camera-tilted"
  | "camera-panning"
  | "runner-too-small"
  | "runner-cut-off"
  | "runner-changes-size"
  | "several-people"
  | "low-confidence"
  | "view-uncertain"
  | "sides-confused"
  | "no-flight-phase";

export interface AnalysisWarning {
  code: WarningCode;
  message: string;
  /** Measures whose confidence this lowers (they are still shown). */
  downgrades?: RunningMetricId[];
}

/** Steps per side below which 2D measures are unreliable (dingenen-2018: at least 7). */
export const MIN_STEPS_PER_SIDE = 7;
/** Contact time needs this frame rate (a frame at 30 fps lasts a seventh of a contact; docs/clinical-sources.md). */
export const CONTACT_TIME_MIN_FPS = 60;
/** Below this frame rate contact timing is too coarse to trust. */
export const LOW_FPS = 30;
/** Leg length in pixels below which the runner is too small for reliable keypoints. */
export const MIN_LEG_PX = 100;
/** Mean keypoint score below which results are flagged. */
export const LOW_SCORE = 0.5;
/** Contacts off the clip's rhythm by more than this (%) ask for the accurate pose model. */
export const RHYTHM_AGREEMENT_PCT_FOR_MODEL = 1.5;
/** Average hip-line tilt over whole strides above this (degrees) suggests a tilted camera. */
export const TILT_DEG = 3;

/** Every running measure: what a warning about the whole picture lowers. */
export const ALL_MEASURES = Object.keys(RUNNING_METRICS) as RunningMetricId[];
/** Measures of position and angle, which a changing view distorts (timing is left alone). */
export const GEOMETRY_MEASURES = ALL_MEASURES.filter(
  (id) => id !== "cadence" && id !== "contactTime",
);

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** The warnings of a running analysis, in the order a reader should see them. */
export function warningsFor(input: {
  analysis: RunningAnalysis;
  series: KeypointSeries;
  viewCertain: boolean;
  sideConflicts: number;
  hipLineDeg: number;
  /** Side view: tilt of the ground line through the standing feet, degrees. */
  groundDeg: number;
  camera: CameraFindings;
}): AnalysisWarning[] {
  const { analysis, series, camera } = input;
  const warnings: AnalysisWarning[] = [];
  const add = (code: WarningCode, message: string, downgrades?: RunningMetricId[]) =>
    warnings.push(downgrades ? { code, message, downgrades } : { code, message });
  const { stepsUsed, meanScore, legLengthPx: leg, framesWithSeveralPeople } = analysis.quality;
  if (analysis.steps.length === 0) {
    add(
      "no-steps",
      "No running steps were found: check that the clip shows a person running, hips and ankles in view, for at least a few seconds.",
    );
  } else if (Math.min(stepsUsed.left, stepsUsed.right) < MIN_STEPS_PER_SIDE) {
    add(
      "too-few-steps",
      `Only ${stepsUsed.left} left and ${stepsUsed.right} right steps were measured; at least ${MIN_STEPS_PER_SIDE} per side are needed for a reliable average (Dingenen 2018). Film a longer clip.`,
    );
  }
  if (series.fps < LOW_FPS) {
    add(
      "low-fps",
      `The video has ${series.fps} frames per second; contacts may be misplaced by up to ${Math.round(1000 / series.fps / 2)} ms. Film at 60 frames per second or more.`,
    );
  }
  if (series.fps < CONTACT_TIME_MIN_FPS) {
    add(
      "no-contact-time",
      `Ground contact time needs at least ${CONTACT_TIME_MIN_FPS} frames per second; this clip has ${series.fps}.`,
    );
  }
  if (Math.abs(input.hipLineDeg) > TILT_DEG) {
    add(
      "camera-tilted",
      `The hip line is tilted by ${Math.abs(input.hipLineDeg).toFixed(1)}° on average: the camera may not be level (or the runner leans to one side throughout). Pelvic drop and trunk lean include this tilt.`,
      ["pelvicDrop", "trunkLean", "kneeFppa"],
    );
  }
  if (Math.abs(input.groundDeg) > TILT_DEG) {
    add(
      "camera-tilted",
      `The ground (the standing foot at each midstance) is tilted by ${Math.abs(input.groundDeg).toFixed(1)}° in the picture: the camera is not level (or the ground slopes). The shin angle and the foot's position include this tilt.`,
      ["shankAngleContact", "heelAheadOfHip"],
    );
  }
  if (camera.panning && series.cameraMotion) {
    add(
      "camera-panning",
      `The camera moved: the background shifted in ${percent(series.cameraMotion.movingShare)} of the frames compared. Panning to follow the runner changes the view from frame to frame; put the phone on a tripod and film the runner on a treadmill or passing at a steady distance.`,
      ALL_MEASURES,
    );
  }
  if (Number.isFinite(leg) && leg < MIN_LEG_PX) {
    add(
      "runner-too-small",
      `The runner's legs are only about ${Math.round(leg)} pixels long in the picture; move closer or zoom in so the runner fills at least half the frame height.`,
      ALL_MEASURES,
    );
  }
  if (camera.cutOffShare > 0.15) {
    add(
      "runner-cut-off",
      `The feet are out of the picture or at its edge in ${percent(camera.cutOffShare)} of the frames: keep the whole body in view, with some space below the feet.`,
      ALL_MEASURES,
    );
  }
  if (camera.scaleChange > 1.2 || camera.scaleChange < 1 / 1.2) {
    const away = camera.scaleChange < 1;
    add(
      "runner-changes-size",
      `The runner ${away ? "shrinks" : "grows"} to ${camera.scaleChange.toFixed(2)}× their size over the clip: they are moving ${away ? "away from" : "towards"} the camera. Cadence and timing are kept; angles change with distance and view, and vertical oscillation and foot position (measured in leg lengths) are not reported. Film on a treadmill, or from a steady distance.`,
      GEOMETRY_MEASURES,
    );
  }
  if (framesWithSeveralPeople > 0.1 * analysis.frames) {
    add(
      "several-people",
      `More than one person was seen in ${framesWithSeveralPeople} frames; the measures follow the largest person at the start. Film the runner alone if you can.`,
    );
  }
  if (meanScore < LOW_SCORE) {
    add(
      "low-confidence",
      `The pose model was unsure of the hips, knees and ankles (mean score ${meanScore.toFixed(2)}); treat the measures with caution. Better light and tighter clothing help.`,
    );
  }
  if (!input.viewCertain) {
    add(
      "view-uncertain",
      `The camera view was taken as "${analysis.view}" but the picture was ambiguous; give the view (rear or side) if that is wrong.`,
    );
  }
  if (analysis.quality.legSwapsFixed > 0.05 * analysis.frames) {
    add(
      "sides-confused",
      `The pose model mixed up the left and right legs in ${analysis.quality.legSwapsFixed} frames (${analysis.quality.legSwaps} times); they were put back by following each leg, but check the sides in the pictures.`,
    );
  } else if (input.sideConflicts > Math.max(1, analysis.steps.length * 0.2)) {
    add(
      "sides-confused",
      `On ${input.sideConflicts} steps the ankles pointed to the other foot than the left–right alternation of running: the keypoints may mix up left and right.`,
    );
  }
  if (analysis.steps.length > 0 && !analysis.quality.flightPhase) {
    add(
      "no-flight-phase",
      "No flight phase was seen (walking or very slow running): contact and toe-off times are approximate.",
    );
  }
  return warnings;
}
