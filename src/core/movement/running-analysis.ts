import { RULES_VERSION } from "../rules-version.js";
import { SIDES, type Side } from "../side.js";
import { detectGaitEvents, type GaitStep, median } from "./gait-events.js";
import {
  type CameraView,
  type KeypointName,
  type KeypointSeries,
  LOWER_LIMB_POINTS,
} from "./keypoints.types.js";
import { type PreparedSeries, prepareSeries } from "./prepare.js";
import {
  type MetricContext,
  RUNNING_METRICS,
  type RunningMetricId,
  type StepValues,
  stepValues,
} from "./running-metrics.js";
import { fixLegSwaps } from "./side-swap.js";
import { type MetricSummary, roundSummary, summarize } from "./stats.js";
import { detectView, legLengthPx } from "./view-detect.js";

export type WarningCode =
  | "no-steps"
  | "too-few-steps"
  | "low-fps"
  | "no-contact-time"
  | "camera-tilted"
  | "runner-too-small"
  | "several-people"
  | "low-confidence"
  | "view-uncertain"
  | "sides-confused"
  | "no-flight-phase";

export interface AnalysisWarning {
  code: WarningCode;
  message: string;
}

/** A step as reported: its side, event times (s) and the measures taken on it. */
export interface StepRecord {
  side: Side;
  contact: number;
  midstance: number;
  toeOff: number;
  /** Frame nearest to initial contact and to midstance, for pictures. */
  contactFrame: number;
  midstanceFrame: number;
  values: StepValues;
}

export interface RunningQuality {
  /** Mean model score of hips, knees and ankles, 0–1. */
  meanScore: number;
  keypointScores: Partial<Record<KeypointName, number>>;
  /** Share of hip, knee and ankle samples below the score threshold, 0–1. */
  lowScoreFraction: number;
  stepsUsed: Record<Side, number>;
  legLengthPx: number;
  /** Frames in which more than one person was seen. */
  framesWithSeveralPeople: number;
  flightPhase: boolean;
  /** Frames in which the pose model's left and right legs were found swapped and put back. */
  legSwapsFixed: number;
}

export interface RunningAnalysis {
  kind: "running";
  rulesVersion: string;
  view: CameraView;
  viewSource: "given" | "detected";
  /** Side view: which way the runner faces in the picture. */
  facing?: "image-left" | "image-right";
  fps: number;
  frames: number;
  durationS: number;
  /** Whole-clip cadence, steps/min, over every step interval. */
  cadence?: MetricSummary;
  metrics: Record<Side, Partial<Record<RunningMetricId, MetricSummary>>>;
  /** Right mean minus left mean, per measure. */
  asymmetry: Partial<Record<RunningMetricId, number>>;
  steps: StepRecord[];
  quality: RunningQuality;
  warnings: AnalysisWarning[];
}

export interface RunningOptions {
  /** The view, when known (`--view`); detected otherwise. */
  view?: CameraView;
  /** Points below this score (0–1) are treated as missing. Default 0.3. */
  minScore?: number;
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
/** Average hip-line tilt over whole strides above this (degrees) suggests a tilted camera. */
export const TILT_DEG = 3;

const CORE_POINTS = LOWER_LIMB_POINTS;

const frameOf = (index: number) => Math.round(index);

/** Cadence from one side's successive contacts: 2 steps per stride, steps/min. */
function sideCadences(steps: readonly GaitStep[], side: Side): number[] {
  const own = steps.filter((s) => s.side === side);
  const strides: number[] = [];
  for (let i = 1; i < own.length; i++) {
    strides.push((own[i]?.contact ?? 0) - (own[i - 1]?.contact ?? 0));
  }
  if (strides.length === 0) return [];
  const typical = median(strides);
  return strides.filter((s) => s > 0.6 * typical && s < 1.5 * typical).map((s) => 120 / s);
}

/** Steps/min from every interval between successive contacts, skipping gaps where steps were missed. */
function overallCadence(steps: readonly GaitStep[]): number[] {
  const intervals: number[] = [];
  for (let i = 1; i < steps.length; i++) {
    intervals.push((steps[i]?.contact ?? 0) - (steps[i - 1]?.contact ?? 0));
  }
  if (intervals.length === 0) return [];
  const typical = median(intervals);
  return intervals.filter((s) => s > 0.6 * typical && s < 1.5 * typical).map((s) => 60 / s);
}

/**
 * Summary of per-interval cadences whose mean is steps ÷ time (the harmonic mean), which
 * frame-to-frame jitter in contact times does not inflate.
 */
function cadenceSummary(cadences: readonly number[]): MetricSummary | undefined {
  const summary = summarize(cadences);
  if (!summary) return undefined;
  const totalMinutes = cadences.reduce((sum, c) => sum + 1 / c, 0);
  return { ...summary, mean: cadences.length / totalMinutes };
}

/** Mean hip-line angle over whole steps, degrees; left and right drops cancel, a tilted camera does not. */
function meanHipLineDeg(prepared: PreparedSeries, steps: readonly GaitStep[]): number {
  const lh = prepared.points.leftHip;
  const rh = prepared.points.rightHip;
  const first = steps[0];
  const last = steps[steps.length - 1];
  if (!lh || !rh || !first || !last || steps.length < 4) return 0;
  let sum = 0;
  let count = 0;
  for (let i = first.fromIndex; i < last.toIndex; i++) {
    const dx = (rh.x[i] ?? Number.NaN) - (lh.x[i] ?? Number.NaN);
    const dy = (rh.y[i] ?? Number.NaN) - (lh.y[i] ?? Number.NaN);
    if (!Number.isFinite(dx) || !Number.isFinite(dy) || dx === 0) continue;
    // Angle of the hip line to the image horizontal, whichever hip is on the left.
    sum += Math.atan(dy / dx) * (180 / Math.PI);
    count++;
  }
  return count > 0 ? sum / count : 0;
}

function qualityOf(series: KeypointSeries, prepared: PreparedSeries) {
  const keypointScores: Partial<Record<KeypointName, number>> = {};
  for (const [name, q] of Object.entries(prepared.quality) as [
    KeypointName,
    { meanScore: number },
  ][]) {
    keypointScores[name] = Math.round(q.meanScore * 1000) / 1000;
  }
  const core = CORE_POINTS.map((name) => prepared.quality[name]);
  const present = core.filter((q) => q !== undefined);
  const meanScore =
    present.length > 0 ? present.reduce((a, q) => a + q.meanScore, 0) / present.length : 0;
  const lowScoreFraction =
    present.length === CORE_POINTS.length
      ? present.reduce((a, q) => a + q.lowFraction, 0) / present.length
      : 1;
  return {
    keypointScores,
    meanScore,
    lowScoreFraction,
    framesWithSeveralPeople: series.people?.framesWithSeveral ?? 0,
  };
}

/**
 * Analyses a running clip: gait events per side, then the measures of docs/clinical-sources.md ("Movement from video") the view
 * allows, each as mean, spread and step count, with keypoint quality and plain warnings.
 */
export function analyzeRunning(
  input: KeypointSeries,
  options: RunningOptions = {},
): RunningAnalysis {
  const { series, swapped } = fixLegSwaps(input, options.minScore ?? 0.3);
  const prepared = prepareSeries(series, { minScore: options.minScore ?? 0.3 });
  const guess = detectView(prepared);
  const given = options.view ?? series.view;
  const view = given ?? guess.view;
  const leg = legLengthPx(prepared);
  const events = detectGaitEvents(series, prepared, { minScore: options.minScore ?? 0.3 });
  const ctx: MetricContext = {
    prepared,
    view,
    facing: guess.facing,
    legLengthPx: leg,
    contactTimeMinFps: CONTACT_TIME_MIN_FPS,
  };
  const steps: StepRecord[] = events.steps.map((step) => ({
    side: step.side,
    contact: step.contact,
    midstance: step.midstance,
    toeOff: step.toeOff,
    contactFrame: frameOf(step.contactIndex),
    midstanceFrame: frameOf(step.midstanceIndex),
    values: stepValues(ctx, step),
  }));
  const metrics: RunningAnalysis["metrics"] = { left: {}, right: {} };
  for (const side of SIDES) {
    const own = steps.filter((s) => s.side === side);
    const cadence = cadenceSummary(sideCadences(events.steps, side));
    if (cadence) metrics[side].cadence = roundSummary(cadence);
    for (const id of Object.keys(RUNNING_METRICS) as RunningMetricId[]) {
      if (id === "cadence") continue;
      const summary = summarize(own.map((s) => s.values[id] ?? Number.NaN));
      if (summary) metrics[side][id] = roundSummary(summary);
    }
  }
  const asymmetry: RunningAnalysis["asymmetry"] = {};
  for (const id of Object.keys(RUNNING_METRICS) as RunningMetricId[]) {
    const l = metrics.left[id];
    const r = metrics.right[id];
    if (l && r) asymmetry[id] = Math.round((r.mean - l.mean) * 10) / 10;
  }
  const q = qualityOf(series, prepared);
  const stepsUsed = {
    left: steps.filter((s) => s.side === "left").length,
    right: steps.filter((s) => s.side === "right").length,
  };
  const overall = cadenceSummary(overallCadence(events.steps));
  const analysis: RunningAnalysis = {
    kind: "running",
    rulesVersion: RULES_VERSION,
    view,
    viewSource: given ? "given" : "detected",
    fps: series.fps,
    frames: series.t.length,
    durationS: series.t.length > 0 ? (series.t[series.t.length - 1] ?? 0) - (series.t[0] ?? 0) : 0,
    metrics,
    asymmetry,
    steps,
    quality: {
      meanScore: Math.round(q.meanScore * 1000) / 1000,
      keypointScores: q.keypointScores,
      lowScoreFraction: Math.round(q.lowScoreFraction * 1000) / 1000,
      stepsUsed,
      legLengthPx: Math.round(leg),
      framesWithSeveralPeople: q.framesWithSeveralPeople,
      flightPhase: events.flightAccelPx > 0,
      legSwapsFixed: swapped,
    },
    warnings: [],
  };
  if (overall) analysis.cadence = roundSummary(overall);
  if (view === "side") analysis.facing = guess.facing > 0 ? "image-right" : "image-left";
  analysis.warnings = warningsFor({
    analysis,
    series,
    viewCertain: given !== undefined || guess.certain,
    sideConflicts: events.sideConflicts,
    hipLineDeg: view === "side" ? 0 : meanHipLineDeg(prepared, events.steps),
  });
  return analysis;
}

function warningsFor(input: {
  analysis: RunningAnalysis;
  series: KeypointSeries;
  viewCertain: boolean;
  sideConflicts: number;
  hipLineDeg: number;
}): AnalysisWarning[] {
  const { analysis, series } = input;
  const warnings: AnalysisWarning[] = [];
  const add = (code: WarningCode, message: string) => warnings.push({ code, message });
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
    );
  }
  if (Number.isFinite(leg) && leg < MIN_LEG_PX) {
    add(
      "runner-too-small",
      `The runner's legs are only about ${Math.round(leg)} pixels long in the picture; move closer or zoom in so the runner fills at least half the frame height.`,
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
      `The pose model mixed up the left and right legs in ${analysis.quality.legSwapsFixed} frames; they were put back by following each leg, but check the sides in the pictures.`,
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
