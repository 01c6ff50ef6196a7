import { RULES_VERSION } from "../rules-version.js";
import { otherSide, SIDES, type Side } from "../side.js";
import type { CameraView, KeypointSeries } from "./keypoints.types.js";
import { findPeaks } from "./peaks.js";
import { prepareSeries } from "./prepare.js";
import type { AnalysisWarning } from "./running-analysis.js";
import { frontalMeasures } from "./running-metrics.js";
import { type MetricSummary, round, roundSummary, summarize } from "./stats.js";
import { liftedSide, lowerLimbScore } from "./support-side.js";
import { detectView, legLengthPx } from "./view-detect.js";

/** One squat on one leg: timing (s), depth, and the angles at its deepest point (degrees). */
export interface SquatRep {
  /** The leg bearing weight. */
  side: Side;
  start: number;
  deepest: number;
  end: number;
  deepestFrame: number;
  /** Pelvis descent, % of leg length. */
  depthPct: number;
  kneeFppa?: number;
  pelvicDrop?: number;
  trunkLean?: number;
}

export type SquatMetricId = "kneeFppa" | "pelvicDrop" | "trunkLean" | "depthPct";

export interface SingleLegSquatAnalysis {
  kind: "single-leg-squat";
  rulesVersion: string;
  view: CameraView;
  fps: number;
  reps: SquatRep[];
  metrics: Record<Side, Partial<Record<SquatMetricId, MetricSummary>>>;
  quality: { meanScore: number; legLengthPx: number };
  warnings: AnalysisWarning[];
}

/** Smallest descent that counts as a squat, share of leg length. */
const MIN_DEPTH_SHARE = 0.08;
/** Crossley 2011 asks for five squats per leg; fewer than this makes a weak average. */
export const MIN_REPS_PER_SIDE = 3;

/**
 * Counts single-leg squats and measures each at its deepest point (the pelvis's lowest, a
 * frontal-view stand-in for peak knee flexion): knee FPPA of the standing leg, pelvic drop on
 * the lifted side and trunk lean (crossley-2011; herrington-2014). Filmed from the front or behind.
 */
export function analyzeSingleLegSquat(
  series: KeypointSeries,
  options: { view?: CameraView } = {},
): SingleLegSquatAnalysis {
  const prepared = prepareSeries(series, { cutoffHz: 4 });
  const view = options.view ?? series.view ?? detectView(prepared).view;
  const leg = legLengthPx(prepared);
  const warnings: AnalysisWarning[] = [];
  const reps: SquatRep[] = [];
  const y = prepared.points.midHip?.y;
  if (y && Number.isFinite(leg)) {
    const finite = Array.from(y)
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    const standing = finite[Math.floor(0.1 * (finite.length - 1))] ?? Number.NaN;
    const peaks = findPeaks(y, Math.max(2, Math.round(0.8 * series.fps)));
    for (const peak of peaks) {
      const depth = (y[peak] ?? Number.NaN) - standing;
      if (!(depth > MIN_DEPTH_SHARE * leg)) continue;
      const side = otherOf(liftedSide(prepared, peak, leg));
      if (!side) continue;
      const near = standing + 0.25 * depth;
      let start = peak;
      while (start > 0 && (y[start] ?? 0) > near) start--;
      let end = peak;
      while (end < y.length - 1 && (y[end] ?? 0) > near) end++;
      const m = frontalMeasures(prepared, side, peak);
      const rep: SquatRep = {
        side,
        start: round(series.t[start] ?? 0, 3),
        deepest: round(series.t[peak] ?? 0, 3),
        end: round(series.t[end] ?? 0, 3),
        deepestFrame: peak,
        depthPct: round((depth / leg) * 100),
      };
      if (m.kneeFppa !== undefined) rep.kneeFppa = round(m.kneeFppa);
      if (m.pelvicDrop !== undefined) rep.pelvicDrop = round(m.pelvicDrop);
      if (m.trunkLean !== undefined) rep.trunkLean = round(m.trunkLean);
      reps.push(rep);
    }
  }
  const metrics: SingleLegSquatAnalysis["metrics"] = { left: {}, right: {} };
  for (const side of SIDES) {
    const own = reps.filter((r) => r.side === side);
    for (const id of ["kneeFppa", "pelvicDrop", "trunkLean", "depthPct"] as const) {
      const summary = summarize(own.map((r) => r[id] ?? Number.NaN));
      if (summary) metrics[side][id] = roundSummary(summary);
    }
  }
  const meanScore = lowerLimbScore(prepared);
  if (reps.length === 0) {
    warnings.push({
      code: "no-steps",
      message:
        "No single-leg squats were found: the clip should show the person standing on one leg and bending the knee, hips, knees and ankles in view.",
    });
  } else {
    for (const side of SIDES) {
      const count = reps.filter((r) => r.side === side).length;
      if (count > 0 && count < MIN_REPS_PER_SIDE) {
        warnings.push({
          code: "too-few-steps",
          message: `Only ${count} squat${count === 1 ? "" : "s"} on the ${side} leg; five per leg are usual (Crossley 2011), at least ${MIN_REPS_PER_SIDE} for an average.`,
        });
      }
    }
  }
  if (view === "side") {
    warnings.push({
      code: "view-uncertain",
      message:
        "The clip looks filmed from the side; knee and pelvis angles of a single-leg squat need a view from the front or from behind.",
    });
  }
  if (meanScore < 0.5) {
    warnings.push({
      code: "low-confidence",
      message: `The pose model was unsure of the legs (mean score ${meanScore.toFixed(2)}); treat the angles with caution.`,
    });
  }
  return {
    kind: "single-leg-squat",
    rulesVersion: RULES_VERSION,
    view,
    fps: series.fps,
    reps,
    metrics,
    quality: { meanScore: round(meanScore, 3), legLengthPx: Math.round(leg) },
    warnings,
  };
}

const otherOf = (lifted: Side | undefined): Side | undefined =>
  lifted ? otherSide(lifted) : undefined;
