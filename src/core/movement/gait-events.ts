import type { Side } from "../side.js";
import type { KeypointSeries } from "./keypoints.types.js";
import { findPeaks, negate } from "./peaks.js";
import { type PreparedSeries, sampleAt } from "./prepare.js";
import { fillGaps, lowPassZeroPhase } from "./signal.js";

/**
 * One step: the stance of one foot from initial contact to toe-off. Times in seconds from the
 * first frame; indices are fractional frame numbers (events fall between frames).
 */
export interface GaitStep {
  side: Side;
  contact: number;
  midstance: number;
  toeOff: number;
  contactIndex: number;
  midstanceIndex: number;
  toeOffIndex: number;
  /** Start and end of the step window (mid-flight before and after), frame indices. */
  fromIndex: number;
  toIndex: number;
}

export interface GaitEvents {
  steps: GaitStep[];
  /** Downward acceleration of the pelvis in flight, px/s²: free fall, i.e. g in image units (0 when the runner has no flight phase). */
  flightAccelPx: number;
  /** Steps whose ankles clearly pointed to the other foot than the alternation gave: a sign of left/right confusion in the keypoints. */
  sideConflicts: number;
  /** Contacts dropped because they broke the clip's rhythm (too close to another, or off the beat). */
  offRhythm: number;
}

export interface GaitEventOptions {
  /** Points below this score are missing (0–1). Default 0.3. */
  minScore?: number;
  /** Smoothing of the pelvis height before differentiating, Hz. Default 6 Hz. */
  cutoffHz?: number;
  /**
   * Contact begins when the pelvis's upward acceleration rises above free fall by this share
   * of g (0–1). Default 0.3, chosen on a force-plate trial (scripts/validate-gait.ts).
   */
  threshold?: number;
  /** The clip's step period, s (from `findRhythm`): contacts that break it are dropped. */
  stepPeriodS?: number;
  /**
   * The runner's size in the picture per frame (px), when it changes (moving towards or away
   * from the camera): the pelvis height is measured in body sizes, its drift removed.
   */
  bodyScalePx?: Float64Array;
}

/** Fastest plausible step rate, steps/min: bounds the distance between detected steps. */
const MAX_CADENCE = 240;

/** Pelvis height in image pixels (down positive), gaps bridged, from the two hips or the mid-hip. */
export function pelvisHeight(series: KeypointSeries, minScore: number): Float64Array | undefined {
  const n = series.t.length;
  const left = series.tracks.leftHip;
  const right = series.tracks.rightHip;
  const mid = series.tracks.midHip;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const l = left && (left.score[i] ?? 0) >= minScore ? (left.y[i] ?? Number.NaN) : Number.NaN;
    const r = right && (right.score[i] ?? 0) >= minScore ? (right.y[i] ?? Number.NaN) : Number.NaN;
    const m = mid && (mid.score[i] ?? 0) >= minScore ? (mid.y[i] ?? Number.NaN) : Number.NaN;
    y[i] =
      Number.isFinite(l) && Number.isFinite(r) ? (l + r) / 2 : Number.isFinite(m) ? m : Number.NaN;
  }
  fillGaps(y, Math.max(1, Math.round(0.12 * series.fps)));
  let finite = 0;
  for (const v of y) if (Number.isFinite(v)) finite++;
  return finite >= 8 ? y : undefined;
}

/** Second derivative per second², central differences. */
function secondDerivative(values: Float64Array, sampleHz: number): Float64Array {
  const n = values.length;
  const out = new Float64Array(n).fill(Number.NaN);
  const s2 = sampleHz * sampleHz;
  for (let i = 1; i < n - 1; i++) {
    out[i] = ((values[i + 1] ?? 0) - 2 * (values[i] ?? 0) + (values[i - 1] ?? 0)) * s2;
  }
  return out;
}

/**
 * How strongly the picture says the left foot bears weight at a frame: how much lower the left
 * ankle (else heel, knee) is than the right, in image pixels (positive: left lower).
 */
function leftStanceVote(prepared: PreparedSeries, index: number): number {
  for (const [l, r] of [
    ["leftAnkle", "rightAnkle"],
    ["leftHeel", "rightHeel"],
    ["leftKnee", "rightKnee"],
  ] as const) {
    const left = prepared.points[l];
    const right = prepared.points[r];
    if (!left || !right) continue;
    const diff = sampleAt(left.y, index) - sampleAt(right.y, index);
    if (Number.isFinite(diff)) return diff;
  }
  return 0;
}

/** A step interval longer than this times the typical one means steps were missed there. */
const GAP_FACTOR = 1.6;

/**
 * Gives each step its side. Runners alternate feet, so within a run of consecutive steps the
 * sides alternate; which foot comes first is decided by all the steps' votes together (the
 * lower ankle at midstance), so a pose model that confuses the feet on some steps cannot
 * give two steps in a row to one foot. Returns the number of clear votes overruled.
 */
function assignSides(steps: GaitStep[], votes: readonly number[], clearVotePx: number): number {
  const intervals = steps.slice(1).map((s, i) => s.midstance - (steps[i]?.midstance ?? 0));
  const typical = intervals.length > 0 ? median(intervals) : 0;
  let overruled = 0;
  let start = 0;
  for (let i = 1; i <= steps.length; i++) {
    const gap = i < steps.length && (intervals[i - 1] ?? 0) > GAP_FACTOR * typical;
    if (i < steps.length && !gap) continue;
    // Steps start..i-1 form one run: even positions get one foot, odd ones the other.
    let score = 0;
    for (let k = start; k < i; k++)
      score += (k - start) % 2 === 0 ? (votes[k] ?? 0) : -(votes[k] ?? 0);
    for (let k = start; k < i; k++) {
      const even = (k - start) % 2 === 0;
      const side: Side = even === score >= 0 ? "left" : "right";
      const step = steps[k];
      if (!step) continue;
      step.side = side;
      const vote = votes[k] ?? 0;
      if (Math.abs(vote) > clearVotePx && vote > 0 !== (side === "left")) overruled++;
    }
    start = i;
  }
  return overruled;
}

/**
 * Finds steps from the vertical motion of the pelvis, which works from behind, in front or
 * beside: in flight the body falls freely (acceleration g downwards); a foot strike is where the
 * upward acceleration rises out of free fall, toe-off where it sinks back. Midstance is the
 * pelvis's lowest point. Sides alternate; which foot is which comes from the lower ankle at
 * midstance, voted over the whole run of steps.
 */
export function detectGaitEvents(
  series: KeypointSeries,
  prepared: PreparedSeries,
  options: GaitEventOptions = {},
): GaitEvents {
  const fps = series.fps;
  const measured = pelvisHeight(series, options.minScore ?? 0.3);
  if (!measured) return { steps: [], flightAccelPx: 0, sideConflicts: 0, offRhythm: 0 };
  const raw = options.bodyScalePx ? inBodySizes(measured, options.bodyScalePx, fps) : measured;
  const cutoff = Math.min(options.cutoffHz ?? 6, fps * 0.38);
  const y = lowPassZeroPhase(raw, { cutoffHz: cutoff, sampleHz: fps });
  const period = options.stepPeriodS;
  const coarse = lowPassZeroPhase(raw, { cutoffHz: Math.min(4, fps * 0.38), sampleHz: fps });
  const minDistance = Math.max(
    2,
    Math.floor((fps * 60) / MAX_CADENCE),
    period ? Math.floor(0.6 * period * fps) : 0,
  );
  // With the rhythm known, the turning points are found in the step band, then placed on the
  // pelvis itself (the band's own extremes lag at the clip's ends).
  const band = period ? stepBand(raw, fps, 1 / period) : coarse;
  const near = period ? Math.max(1, Math.round(0.2 * period * fps)) : 0;
  const lows = [...new Set(findPeaks(band, minDistance).map((i) => extreme(coarse, i, near, 1)))]; // image y down: a peak is the lowest body position
  const highs = [
    ...new Set(findPeaks(negate(band), minDistance).map((i) => extreme(coarse, i, near, -1))),
  ];
  const up = secondDerivative(y, fps).map((a) => -a); // upward acceleration, px/s²
  const atHighs = highs.map((h) => up[h] ?? Number.NaN).filter(Number.isFinite);
  const g = atHighs.length > 0 ? -median(atHighs) : 0;
  const k = options.threshold ?? 0.3;
  const steps: GaitStep[] = [];
  let h = 0;
  for (const low of lows) {
    while (h < highs.length && (highs[h] ?? 0) < low) h++;
    const before = highs[h - 1];
    const after = highs[h];
    if (before === undefined || after === undefined) continue;
    // Without a flight phase (g ≤ 0) fall back to a share of the swing in acceleration.
    const upLow = up[low] ?? 0;
    const threshold = g > 0 ? -g * (1 - k) : (up[before] ?? 0) + k * (upLow - (up[before] ?? 0));
    // With the clip's rhythm known, a step whose noisy acceleration never crosses the line is
    // still a step: its contact and toe-off are where the push rises and fades fastest.
    // (Not at the clip's ends, where the filters' edges bend the signal.)
    const edge = period ? 0.5 * period * fps : 0;
    const rhythmic = period !== undefined && before > edge && after < y.length - 1 - edge;
    const contactIndex =
      lastRise(up, { from: before, to: low, threshold }) ??
      (rhythmic ? steepest(up, { from: before, to: low, sign: 1 }) : undefined);
    const toeOffIndex =
      firstFall(up, { from: low, to: after, threshold }) ??
      (rhythmic ? steepest(up, { from: low, to: after, sign: -1 }) : undefined);
    if (contactIndex === undefined || toeOffIndex === undefined) continue;
    steps.push({
      side: "left", // set by assignSides below
      contact: sampleAt(series.t, contactIndex),
      midstance: series.t[low] ?? Number.NaN,
      toeOff: sampleAt(series.t, toeOffIndex),
      contactIndex,
      midstanceIndex: low,
      toeOffIndex,
      fromIndex: before,
      toIndex: after,
    });
  }
  const beat = options.stepPeriodS
    ? keepRhythm(steps, options.stepPeriodS)
    : { kept: steps, dropped: 0 };
  steps.splice(0, steps.length, ...beat.kept);
  const votes = steps.map((step) => leftStanceVote(prepared, step.midstanceIndex));
  // A vote counts as clear when the ankles differ in height by half the pelvis's rise and fall.
  const travel = Math.max(
    ...steps.map((s) => (coarse[s.midstanceIndex] ?? 0) - (coarse[s.fromIndex] ?? 0)),
    1,
  );
  const sideConflicts = assignSides(steps, votes, Math.max(2, 0.5 * travel));
  // The fall in flight for the clip's time scale: a parabola over the middle of each flight is
  // far less swayed by pose jitter than the curvature at a noisy peak.
  const fall = period ? flightFall(y, highs, fps, period) : g;
  return { steps, flightAccelPx: Math.max(0, fall), sideConflicts, offRhythm: beat.dropped };
}

/** Share of the step period, centred on the pelvis's highest point, taken as free flight. */
const FLIGHT_SHARE = 0.3;

/**
 * Downward acceleration in flight, units of `y` per s²: the median over the flights of a
 * least-squares parabola fitted to the pelvis height around each highest point.
 */
function flightFall(
  y: Float64Array,
  highs: readonly number[],
  fps: number,
  periodS: number,
): number {
  const half = Math.max(2, Math.round((FLIGHT_SHARE / 2) * periodS * fps));
  const falls: number[] = [];
  for (const h of highs) {
    if (h - half < 0 || h + half >= y.length) continue;
    // Centred sample times make the fit's normal equations for the t² term separable.
    let s2 = 0;
    let s4 = 0;
    let sy = 0;
    let sy2 = 0;
    const n = 2 * half + 1;
    for (let i = -half; i <= half; i++) {
      const t = i / fps;
      const v = y[h + i] ?? 0;
      s2 += t * t;
      s4 += t ** 4;
      sy += v;
      sy2 += v * t * t;
    }
    const c = (n * sy2 - s2 * sy) / (n * s4 - s2 * s2);
    // Image y grows downwards: falling means y curving up, c > 0.
    if (Number.isFinite(c)) falls.push(2 * c);
  }
  return falls.length > 0 ? median(falls) : 0;
}

/**
 * Pelvis height with the drift of a runner moving towards or away from the camera removed and
 * rescaled to the median body size, so that each step's bounce has the same size in pixels.
 */
function inBodySizes(y: Float64Array, scale: Float64Array, fps: number): Float64Array {
  const drift = lowPassZeroPhase(y, { cutoffHz: Math.min(0.5, fps * 0.38), sampleHz: fps });
  const sizes = Array.from(scale).filter(Number.isFinite);
  const typical = sizes.length > 0 ? median(sizes) : 1;
  return y.map((v, i) => {
    const s = scale[i] ?? Number.NaN;
    const d = drift[i] ?? Number.NaN;
    return Number.isFinite(s) && s > 0 ? ((v - d) * typical) / s : Number.NaN;
  });
}

/**
 * The pelvis height in the band of the step rhythm (0.6–1.5 × the step frequency, at most 4 Hz):
 * pose models move a side view's hip point with the swinging leg, once per stride, and that
 * slower sway must not make or hide a lowest point.
 */
function stepBand(y: Float64Array, fps: number, stepHz: number): Float64Array {
  const top = lowPassZeroPhase(y, {
    cutoffHz: Math.min(4, 1.5 * stepHz, fps * 0.38),
    sampleHz: fps,
  });
  const sway = lowPassZeroPhase(y, { cutoffHz: Math.min(0.6 * stepHz, fps * 0.38), sampleHz: fps });
  return top.map((v, i) => v - (sway[i] ?? Number.NaN));
}

/** Contacts further than this share of a step from the beat break the rhythm. */
const OFF_BEAT = 0.3;

/**
 * Keeps the contacts that follow the clip's rhythm: each must fall a whole number of step
 * periods (one, or more where steps were missed) after the previous one kept, within 30 % of a
 * step. The run is started from whichever of the first few contacts keeps the most.
 */
function keepRhythm(
  steps: readonly GaitStep[],
  period: number,
): { kept: GaitStep[]; dropped: number } {
  let best: GaitStep[] = [];
  for (let start = 0; start < Math.min(5, steps.length); start++) {
    const first = steps[start];
    if (!first) continue;
    const kept = [first];
    for (let i = start + 1; i < steps.length; i++) {
      const step = steps[i];
      const prev = kept[kept.length - 1];
      if (!step || !prev) continue;
      const offBeat = (s: GaitStep) => {
        const beats = (s.contact - prev.contact) / period;
        return { whole: Math.round(beats), off: Math.abs(beats - Math.round(beats)) };
      };
      const here = offBeat(step);
      const next = steps[i + 1];
      const there = next ? offBeat(next) : undefined;
      // Two contacts on one beat: the one nearer the beat is the step.
      if (there && there.whole === here.whole && there.off < here.off) continue;
      if (here.whole >= 1 && here.off <= OFF_BEAT) kept.push(step);
    }
    if (kept.length > best.length) best = kept;
  }
  return { kept: best, dropped: steps.length - best.length };
}

/** Index of the largest (sign +1) or smallest (−1) value within `near` samples of `index`. */
function extreme(values: Float64Array, index: number, near: number, sign: 1 | -1): number {
  let best = index;
  for (let i = Math.max(0, index - near); i <= Math.min(values.length - 1, index + near); i++) {
    if (sign * ((values[i] ?? Number.NaN) - (values[best] ?? Number.NaN)) > 0) best = i;
  }
  return best;
}

/** Index in [from, to) where `values` rises (sign +1) or falls (−1) fastest. */
function steepest(
  values: Float64Array,
  range: { from: number; to: number; sign: 1 | -1 },
): number | undefined {
  let best: number | undefined;
  let bestSlope = 0;
  for (let i = range.from; i < range.to; i++) {
    const slope = range.sign * ((values[i + 1] ?? Number.NaN) - (values[i] ?? Number.NaN));
    if (slope > bestSlope) {
      bestSlope = slope;
      best = i + 0.5;
    }
  }
  return best;
}

/** Last upward crossing of `threshold` in [from, to], as a fractional index. */
function lastRise(
  values: Float64Array,
  range: { from: number; to: number; threshold: number },
): number | undefined {
  for (let i = range.to - 1; i >= range.from; i--) {
    const a = values[i] ?? Number.NaN;
    const b = values[i + 1] ?? Number.NaN;
    if (a <= range.threshold && b > range.threshold) return i + (range.threshold - a) / (b - a);
  }
  return undefined;
}

/** First downward crossing of `threshold` in [from, to], as a fractional index. */
function firstFall(
  values: Float64Array,
  range: { from: number; to: number; threshold: number },
): number | undefined {
  for (let i = range.from; i < range.to; i++) {
    const a = values[i] ?? Number.NaN;
    const b = values[i + 1] ?? Number.NaN;
    if (a > range.threshold && b <= range.threshold) return i + (a - range.threshold) / (a - b);
  }
  return undefined;
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
}
