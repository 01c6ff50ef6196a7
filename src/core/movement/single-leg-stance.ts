import { RULES_VERSION } from "../rules-version.js";
import { otherSide, type Side } from "../side.js";
import type { KeypointSeries } from "./keypoints.types.js";
import { prepareSeries } from "./prepare.js";
import type { AnalysisWarning } from "./running-analysis.js";
import { frontalMeasures } from "./running-metrics.js";
import { type MetricSummary, round, roundSummary, summarize } from "./stats.js";
import { liftedSide, lowerLimbScore } from "./support-side.js";
import { legLengthPx } from "./view-detect.js";

/** One period of standing on one leg. */
export interface StanceHold {
  /** The leg bearing weight. */
  side: Side;
  start: number;
  end: number;
  durationS: number;
  /** Drop of the lifted side's hip, degrees, over the hold's frames. */
  pelvicDrop: MetricSummary;
  /** 95th percentile of the drop, degrees: the largest sustained drop. */
  peakDropDeg: number;
  /** Frame of the largest drop, for a picture. */
  peakFrame: number;
  /** Mean height difference of the hips as % of hip width (2 cm on a ~19 cm hip width ≈ 10 %). */
  dropHeightPct: number;
}

export interface SingleLegStanceAnalysis {
  kind: "single-leg-stance";
  rulesVersion: string;
  fps: number;
  holds: StanceHold[];
  quality: { meanScore: number; legLengthPx: number };
  warnings: AnalysisWarning[];
}

/** The test lasts 30 s (seed-004). */
export const STANCE_TEST_S = 30;
/** Shortest period on one leg that counts as a hold, s. */
const MIN_HOLD_S = 2;
/** Brief touches or tracking blips shorter than this do not end a hold, s. */
const BRIDGE_S = 0.3;

/**
 * Finds periods of standing on one leg and measures the pelvic drop on the lifted side over
 * each (Trendelenburg; seed-004 self-test). Filmed from the front or behind.
 */
export function analyzeSingleLegStance(series: KeypointSeries): SingleLegStanceAnalysis {
  const prepared = prepareSeries(series, { cutoffHz: 3 });
  const leg = legLengthPx(prepared);
  const n = series.t.length;
  const lifted: (Side | undefined)[] = Array.from({ length: n }, (_, i) =>
    liftedSide(prepared, i, leg),
  );
  const holds: StanceHold[] = [];
  const bridge = Math.round(BRIDGE_S * series.fps);
  let i = 0;
  while (i < n) {
    const side = lifted[i];
    if (!side) {
      i++;
      continue;
    }
    let end = i;
    let gap = 0;
    for (let j = i + 1; j < n; j++) {
      if (lifted[j] === side) {
        end = j;
        gap = 0;
      } else if (++gap > bridge) break;
    }
    const duration = (series.t[end] ?? 0) - (series.t[i] ?? 0);
    if (duration >= MIN_HOLD_S)
      holds.push(measureHold(prepared, { from: i, to: end, stance: otherSide(side), series }));
    i = end + 1;
  }
  const warnings: AnalysisWarning[] = [];
  if (holds.length === 0) {
    warnings.push({
      code: "no-steps",
      message: `No stance on one leg of at least ${MIN_HOLD_S} s was found: the lifted foot should be clearly off the floor, both ankles in view.`,
    });
  }
  for (const hold of holds) {
    if (hold.durationS < STANCE_TEST_S - 1) {
      warnings.push({
        code: "too-few-steps",
        message: `The ${hold.side} leg stance lasted ${hold.durationS.toFixed(0)} s of the ${STANCE_TEST_S} s test.`,
      });
    }
  }
  const meanScore = lowerLimbScore(prepared);
  return {
    kind: "single-leg-stance",
    rulesVersion: RULES_VERSION,
    fps: series.fps,
    holds,
    quality: { meanScore: round(meanScore, 3), legLengthPx: Math.round(leg) },
    warnings,
  };
}

function measureHold(
  prepared: ReturnType<typeof prepareSeries>,
  hold: { from: number; to: number; stance: Side; series: KeypointSeries },
): StanceHold {
  const drops: number[] = [];
  let peakFrame = hold.from;
  let peak = Number.NEGATIVE_INFINITY;
  for (let i = hold.from; i <= hold.to; i++) {
    const drop = frontalMeasures(prepared, hold.stance, i).pelvicDrop;
    if (drop === undefined || !Number.isFinite(drop)) continue;
    drops.push(drop);
    if (drop > peak) {
      peak = drop;
      peakFrame = i;
    }
  }
  const sorted = [...drops].sort((a, b) => a - b);
  const summary = summarize(drops) ?? {
    mean: Number.NaN,
    sd: 0,
    n: 0,
    min: Number.NaN,
    max: Number.NaN,
  };
  const start = hold.series.t[hold.from] ?? 0;
  const end = hold.series.t[hold.to] ?? 0;
  return {
    side: hold.stance,
    start: round(start, 3),
    end: round(end, 3),
    durationS: round(end - start, 2),
    pelvicDrop: roundSummary(summary),
    peakDropDeg: round(sorted[Math.floor(0.95 * (sorted.length - 1))] ?? Number.NaN),
    peakFrame,
    dropHeightPct: round(Math.tan((summary.mean * Math.PI) / 180) * 100),
  };
}
