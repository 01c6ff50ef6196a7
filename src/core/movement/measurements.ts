/**
 * What a video analysis stores: measurements, not judgements. Whether a measurement is a sign
 * (pelvic drop above a threshold) is decided by `judgeMeasurements` when an assessment runs, with
 * the clinic's thresholds and the current rules (docs/decisions/0007-judge-movement-at-assess.md).
 */
import { SIDES, type Side } from "../side.js";
import type { Confidence, MovementTask } from "./evidence.js";
import { LOW_SCORE, MIN_STEPS_PER_SIDE, type RunningAnalysis } from "./running-analysis.js";
import type { RunningMetricId } from "./running-metrics.js";
import { MIN_REPS_PER_SIDE, type SingleLegSquatAnalysis } from "./single-leg-squat.js";
import type { SingleLegStanceAnalysis } from "./single-leg-stance.js";

/** The measures an analysis reports, by name. */
export const MEASUREMENT_METRICS = [
  "pelvic-drop",
  "knee-fppa",
  "trunk-lean",
  "foot-from-midline",
  "crossover-share",
  "shank-angle-contact",
  "heel-ahead-of-hip",
  "cadence",
] as const;
export type MeasurementMetric = (typeof MEASUREMENT_METRICS)[number];

/** One measured quantity of a movement video: name, side, value, unit and quality. */
export interface MovementMeasurement {
  task: MovementTask;
  metric: MeasurementMetric;
  /** The stance or standing side; absent for whole-clip measures (cadence). */
  side?: Side;
  value: number;
  unit: string;
  /** How far the measurement can be trusted (steps, keypoint scores, view, 2D reliability). */
  quality: Confidence;
  /** Steps, repetitions or holds behind the value. */
  n?: number;
  /** Spread of the per-step values, in `unit`. */
  sd?: number;
  /** Further numbers the wording uses: hold seconds, peak drop, steps crossed. */
  details?: Record<string, number>;
  /** Set when the analysis found the value implausible: it is then never judged, and this says why. */
  withheld?: string;
}

/** How far a 2D measure can be trusted (neal-2016, schurr-2017, dingenen-2018). */
type Reliability = "moderate-2d" | "good-2d" | "timing";

/**
 * Confidence of a video measure: low with fewer than 7 steps (dingenen-2018), poor keypoints
 * or an uncertain view; frontal-plane measures at most moderate (neal-2016, schurr-2017).
 */
export function videoConfidence(
  analysis: RunningAnalysis,
  options: { reliability: Reliability; steps: number; metric?: RunningMetricId },
): Confidence {
  const codes = new Set(analysis.warnings.map((w) => w.code));
  const metric = options.metric;
  if (
    options.steps < MIN_STEPS_PER_SIDE ||
    // A warning about the camera (panning, a runner changing size, cut off) lowers what it affects.
    (metric !== undefined && analysis.warnings.some((w) => w.downgrades?.includes(metric))) ||
    analysis.quality.meanScore < LOW_SCORE ||
    codes.has("view-uncertain") ||
    codes.has("sides-confused") ||
    (options.reliability === "timing" && codes.has("low-fps"))
  ) {
    return "low";
  }
  if (
    options.reliability === "moderate-2d" ||
    analysis.quality.meanScore < 0.7 ||
    codes.has("camera-tilted")
  ) {
    return "moderate";
  }
  return "high";
}

const RUNNING_MEASURES = [
  ["pelvic-drop", "pelvicDrop", "°", "moderate-2d"],
  ["knee-fppa", "kneeFppa", "°", "moderate-2d"],
  // 2D trunk lean: ICC 0.90–0.99 (dingenen-2018).
  ["trunk-lean", "trunkLean", "°", "good-2d"],
  ["foot-from-midline", "footFromMidline", "% hip width", "moderate-2d"],
  ["shank-angle-contact", "shankAngleContact", "°", "good-2d"],
  ["heel-ahead-of-hip", "heelAheadOfHip", "% leg length", "good-2d"],
] as const;

const round1 = (v: number) => Math.round(v * 10) / 10;

/** The measurements of a running analysis, per side, with their quality. */
export function runningMeasurements(analysis: RunningAnalysis): MovementMeasurement[] {
  const out: MovementMeasurement[] = [];
  // A withheld measure is never a result, whatever an older or edited analysis still holds for it.
  const withheld = (metric: RunningMetricId, side?: Side) =>
    (analysis.withheld ?? []).some(
      (w) => w.metric === metric && (w.side === undefined || w.side === side),
    );
  for (const side of SIDES) {
    const m = analysis.metrics[side];
    const steps = analysis.quality.stepsUsed[side];
    for (const [metric, field, unit, reliability] of RUNNING_MEASURES) {
      const summary = m[field];
      if (!summary || withheld(field, side)) continue;
      out.push({
        task: "running",
        metric,
        side,
        value: round1(summary.mean),
        unit,
        quality: videoConfidence(analysis, { reliability, steps, metric: field }),
        n: summary.n,
        sd: round1(summary.sd),
      });
    }
    if (m.footFromMidline && !withheld("footFromMidline", side)) {
      const own = analysis.steps.filter((s) => s.side === side);
      const crossed = own.filter((s) => (s.values.footFromMidline ?? 0) < 0).length;
      out.push({
        task: "running",
        metric: "crossover-share",
        side,
        value: own.length > 0 ? crossed / own.length : 0,
        unit: "share of steps",
        quality: videoConfidence(analysis, {
          reliability: "moderate-2d",
          steps,
          metric: "footFromMidline",
        }),
        n: own.length,
        details: { crossed },
      });
    }
  }
  const cadence = analysis.cadence;
  if (cadence && !withheld("cadence")) {
    const steps = Math.min(analysis.quality.stepsUsed.left, analysis.quality.stepsUsed.right);
    out.push({
      task: "running",
      metric: "cadence",
      value: round1(cadence.mean),
      unit: "steps/min",
      quality: videoConfidence(analysis, { reliability: "timing", steps, metric: "cadence" }),
      n: cadence.n + 1,
      sd: round1(cadence.sd),
    });
  }
  return [...out, ...withheldMeasurements(analysis)];
}

const MEASUREMENT_OF: Partial<Record<RunningMetricId, readonly [MeasurementMetric, string]>> = {
  cadence: ["cadence", "steps/min"],
  ...Object.fromEntries(
    RUNNING_MEASURES.map(([metric, field, unit]) => [field, [metric, unit] as const]),
  ),
};

/**
 * The measures the analysis withheld as implausible, kept with the value it refused and its
 * warning, so that a stored analysis still says why a measure is missing; never judged.
 */
function withheldMeasurements(analysis: RunningAnalysis): MovementMeasurement[] {
  const out: MovementMeasurement[] = [];
  for (const w of analysis.withheld ?? []) {
    const mapped = MEASUREMENT_OF[w.metric];
    if (!mapped || w.seen === undefined) continue;
    const warning = analysis.warnings.find((x) => x.code === w.warning);
    out.push({
      task: "running",
      metric: mapped[0],
      ...(w.side ? { side: w.side } : {}),
      value: round1(w.seen),
      unit: mapped[1],
      quality: "low",
      withheld: warning?.message ?? w.warning,
    });
  }
  return out;
}

/** 2D angles of a single-leg squat: ICC 0.72–0.91, SEM 2–4° (herrington-2014): moderate at best. */
function squatQuality(analysis: SingleLegSquatAnalysis, reps: number): Confidence {
  if (reps < MIN_REPS_PER_SIDE || analysis.quality.meanScore < 0.5) return "low";
  if (analysis.warnings.some((w) => w.code === "view-uncertain")) return "low";
  return "moderate";
}

/** The measurements of a single-leg squat, per standing leg, at the deepest point. */
export function squatMeasurements(analysis: SingleLegSquatAnalysis): MovementMeasurement[] {
  const out: MovementMeasurement[] = [];
  for (const side of SIDES) {
    const m = analysis.metrics[side];
    const reps = analysis.reps.filter((r) => r.side === side).length;
    if (reps === 0) continue;
    const quality = squatQuality(analysis, reps);
    const fields = [
      ["knee-fppa", m.kneeFppa],
      ["pelvic-drop", m.pelvicDrop],
      ["trunk-lean", m.trunkLean],
    ] as const;
    for (const [metric, summary] of fields) {
      if (!summary) continue;
      out.push({
        task: "single-leg-squat",
        metric,
        side,
        value: summary.mean,
        unit: "°",
        quality,
        n: reps,
        sd: summary.sd,
      });
    }
  }
  return out;
}

/** The measurements of a single-leg stance: each hold's drop of the lifted side. */
export function stanceMeasurements(analysis: SingleLegStanceAnalysis): MovementMeasurement[] {
  return analysis.holds.map((hold) => ({
    task: "single-leg-stance",
    metric: "pelvic-drop",
    side: hold.side,
    value: hold.pelvicDrop.mean,
    unit: "°",
    quality: analysis.quality.meanScore < 0.5 || hold.durationS < 10 ? "low" : "moderate",
    n: 1,
    details: {
      durationS: hold.durationS,
      peakDropDeg: hold.peakDropDeg,
      dropHeightPct: hold.dropHeightPct,
    },
  }));
}
