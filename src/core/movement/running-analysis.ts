import { RULES_VERSION } from "../rules-version.js";
import { SIDES, type Side } from "../side.js";
import { cadenceSummary, onTheBeat, overallCadence, sideCadences } from "./cadence.js";
import { checkCamera, groundTiltDeg, sizeChanges } from "./camera-checks.js";
import { detectGaitEvents, type GaitStep, pelvisHeight } from "./gait-events.js";
import {
  type CameraView,
  type KeypointName,
  type KeypointSeries,
  LOWER_LIMB_POINTS,
} from "./keypoints.types.js";
import { timeScale } from "./plausibility.js";
import { type PreparedSeries, prepareSeries, sampleAt } from "./prepare.js";
import { findRhythm, type Rhythm } from "./rhythm.js";
import { gateMeasures } from "./running-gates.js";
import {
  type MetricContext,
  RUNNING_METRICS,
  type RunningMetricId,
  type StepValues,
  stepValues,
} from "./running-metrics.js";
import {
  type AnalysisWarning,
  CONTACT_TIME_MIN_FPS,
  type WarningCode,
  warningsFor,
} from "./running-warnings.js";
import { fixLegSwaps } from "./side-swap.js";
import { type MetricSummary, roundSummary, summarize } from "./stats.js";
import { detectView, legLengthPx } from "./view-detect.js";

export type { AnalysisWarning, WarningCode } from "./running-warnings.js";
export { LOW_SCORE, MIN_STEPS_PER_SIDE } from "./running-warnings.js";

/**
 * A measure that was computed but is not a result: implausible, or taken from a clip that cannot
 * support it. Anything that turns an analysis into evidence or advice skips it.
 */
export interface WithheldMeasure {
  status: "withheld";
  metric: RunningMetricId;
  /** The stance side, for a per-side measure; absent for the whole clip's cadence. */
  side?: Side;
  /** The value computed and refused, when there was one. */
  seen?: number;
  unit: string;
  /** The warning that says why (its message names what was seen and the likely cause). */
  warning: WarningCode;
}

/** The clip's rhythm and how well the contacts found keep to it. */
export interface RhythmReport {
  stepPeriodS: number;
  /** 60 / step period, steps/min. */
  cadenceFromRhythm: number;
  /** Steps ÷ time over the contacts kept, steps/min. */
  cadenceFromContacts?: number;
  /** |contacts − rhythm| ÷ rhythm, %: the agreement of the two cadences. */
  agreementPct?: number;
  /** Autocorrelation at the period, 0–1. */
  clarity: number;
  source: Rhythm["source"];
  /** Contacts dropped because they broke the rhythm. */
  contactsOffRhythm: number;
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
  /** Separate leg swaps (runs of swapped frames) put back. */
  legSwaps: number;
  /** Keypoint samples that jumped further than a body moves in a frame, treated as outliers. */
  outliers: number;
  /** The runner's size at the end of the clip over the start (1 = steady distance). */
  scaleChange: number;
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
  /** Whole-clip cadence, steps/min, over every step interval (absent when withheld). */
  cadence?: MetricSummary;
  /** The clip's own period, found before the contacts; absent when the clip has none. */
  rhythm?: RhythmReport;
  metrics: Record<Side, Partial<Record<RunningMetricId, MetricSummary>>>;
  /** Right mean minus left mean, per measure. */
  asymmetry: Partial<Record<RunningMetricId, number>>;
  steps: StepRecord[];
  quality: RunningQuality;
  warnings: AnalysisWarning[];
  /** Measures computed but not reported, each with its reason. */
  withheld: WithheldMeasure[];
}

export interface RunningOptions {
  /** The view, when known (`--view`); detected otherwise. */
  view?: CameraView;
  /** Points below this score (0–1) are treated as missing. Default 0.3. */
  minScore?: number;
}

const CORE_POINTS = LOWER_LIMB_POINTS;

/** The points the running measures use: only these are smoothed. */
const RUNNING_POINTS: readonly KeypointName[] = [
  ...LOWER_LIMB_POINTS,
  "leftHeel",
  "rightHeel",
  "leftShoulder",
  "rightShoulder",
  "midHip",
];

const frameOf = (index: number) => Math.round(index);

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
  const minScore = options.minScore ?? 0.3;
  const { series, swapped, episodes } = fixLegSwaps(input, minScore);
  const prepared = prepareSeries(series, { minScore, points: RUNNING_POINTS });
  const guess = detectView(prepared);
  const given = options.view ?? series.view;
  const view = given ?? guess.view;
  const leg = legLengthPx(prepared);
  const camera = checkCamera(series, minScore);
  const rhythm = findRhythm({ series, pelvis: pelvisHeight(series, minScore), view, minScore });
  const events = detectGaitEvents(series, prepared, {
    minScore,
    ...(rhythm ? { stepPeriodS: rhythm.stepPeriodS } : {}),
    ...(sizeChanges(camera) ? { bodyScalePx: camera.bodyScalePx } : {}),
  });
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
  const overall = rhythm
    ? onTheBeat(events.steps, rhythm.stepPeriodS)
    : cadenceSummary(overallCadence(events.steps));
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
      legSwaps: episodes,
      outliers: Object.values(prepared.quality).reduce((sum, q) => sum + (q?.outliers ?? 0), 0),
      scaleChange: Math.round(camera.scaleChange * 100) / 100,
    },
    warnings: [],
    withheld: [],
  };
  if (overall) analysis.cadence = roundSummary(overall);
  if (rhythm) analysis.rhythm = rhythmReport(rhythm, overall?.mean, events.offRhythm);
  if (view === "side") analysis.facing = guess.facing > 0 ? "image-right" : "image-left";
  analysis.warnings = warningsFor({
    analysis,
    series,
    viewCertain: given !== undefined || guess.certain,
    sideConflicts: events.sideConflicts,
    hipLineDeg: view === "side" ? 0 : meanHipLineDeg(prepared, events.steps),
    groundDeg:
      view === "side"
        ? groundTiltDeg(
            events.steps.map((step) => ({
              x: sampleAt(
                prepared.points[`${step.side}Ankle`]?.x ?? new Float64Array(),
                step.midstanceIndex,
              ),
              y: sampleAt(
                prepared.points[`${step.side}Ankle`]?.y ?? new Float64Array(),
                step.midstanceIndex,
              ),
            })),
            leg,
          )
        : 0,
    camera,
  });
  const gates = gateMeasures(analysis, {
    scale: timeScale(events.flightAccelPx, leg),
    sizeChanges: sizeChanges(camera),
    severalPeople: q.framesWithSeveralPeople > 0.1 * analysis.frames,
  });
  const short = gates.warnings.some((w) => w.code === "clip-too-short");
  analysis.warnings = [
    ...gates.warnings,
    // A clip too short says so once, instead of also counting its missing steps.
    ...analysis.warnings.filter(
      (w) => !short || (w.code !== "no-steps" && w.code !== "too-few-steps"),
    ),
  ];
  withhold(analysis, gates.withheld);
  return analysis;
}

function rhythmReport(
  rhythm: Rhythm,
  fromContacts: number | undefined,
  offRhythm: number,
): RhythmReport {
  const report: RhythmReport = {
    stepPeriodS: Math.round(rhythm.stepPeriodS * 10000) / 10000,
    cadenceFromRhythm: Math.round(rhythm.cadence * 10) / 10,
    clarity: Math.round(rhythm.clarity * 100) / 100,
    source: rhythm.source,
    contactsOffRhythm: offRhythm,
  };
  if (fromContacts !== undefined) {
    report.cadenceFromContacts = Math.round(fromContacts * 10) / 10;
    report.agreementPct =
      Math.round((Math.abs(fromContacts - rhythm.cadence) / rhythm.cadence) * 1000) / 10;
  }
  return report;
}

/** Takes withheld measures out of the results (summaries and asymmetries) and lists them. */
function withhold(analysis: RunningAnalysis, withheld: readonly WithheldMeasure[]): void {
  for (const w of withheld) {
    if (w.metric === "cadence" && w.side === undefined) delete analysis.cadence;
    for (const side of w.side ? [w.side] : SIDES) {
      if (w.metric === "cadence" || w.side) delete analysis.metrics[side][w.metric];
    }
    delete analysis.asymmetry[w.metric];
  }
  analysis.withheld = [...withheld];
}
