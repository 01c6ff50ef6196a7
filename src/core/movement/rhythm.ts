/**
 * The clip's own rhythm, found before any single step: running is periodic, so the pelvis rises
 * and falls once per step and the feet swap places once per step (their difference repeats once
 * per stride). The period comes from the autocorrelation of those signals over the whole clip,
 * which one missed or doubled contact cannot move.
 */
import type { CameraView, KeypointSeries } from "./keypoints.types.js";
import { fillGaps, lowPassZeroPhase } from "./signal.js";

export interface Rhythm {
  /** Step period, s (one foot strike to the next, either foot). */
  stepPeriodS: number;
  /** 60 / step period, steps/min. */
  cadence: number;
  /** Autocorrelation at the period, 0–1: how cleanly the clip repeats (above 0.5 is clear). */
  clarity: number;
  /** Which signal set the period: the pelvis's bounce, the feet's alternation, or both agreeing. */
  source: "pelvis" | "feet" | "pelvis and feet";
}

/** Autocorrelation below this at the best lag: no period the analysis can rely on. */
export const CLEAR_RHYTHM = 0.5;
/** Shortest step period searched, s (300 steps/min). */
const MIN_PERIOD_S = 0.2;
/** Longest step period searched, s (12 steps/min: slow motion at 8× or more still shows a period). */
const MAX_PERIOD_S = 5;
/** A period's autocorrelation peak must rise this much above the trough before it. */
const PROMINENCE = 0.2;
/** Periods from the two signals agree when within this share. */
const AGREE = 0.15;

/**
 * Normalised autocorrelation of a zero-mean signal at lags lo…hi (NaN samples skipped).
 * Index k of the result is lag lo + k.
 */
export function autocorrelation(values: Float64Array, lo: number, hi: number): Float64Array {
  const n = values.length;
  const out = new Float64Array(Math.max(0, hi - lo + 1)).fill(Number.NaN);
  for (let lag = lo; lag <= hi; lag++) {
    let ab = 0;
    let aa = 0;
    let bb = 0;
    for (let i = 0; i + lag < n; i++) {
      const a = values[i] ?? Number.NaN;
      const b = values[i + lag] ?? Number.NaN;
      if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
      ab += a * b;
      aa += a * a;
      bb += b * b;
    }
    if (aa > 0 && bb > 0) out[lag - lo] = ab / Math.sqrt(aa * bb);
  }
  return out;
}

interface Period {
  lagS: number;
  clarity: number;
}

/**
 * The signal's period: the shortest lag whose autocorrelation peak reaches 80 % of the highest
 * peak (so a step is not taken for the stride it repeats in), refined between samples.
 */
export function dominantPeriod(
  values: Float64Array,
  options: { sampleHz: number; minS: number; maxS: number },
): Period | undefined {
  const lo = Math.max(1, Math.round(options.minS * options.sampleHz));
  const hi = Math.min(Math.floor(values.length / 2), Math.round(options.maxS * options.sampleHz));
  if (hi <= lo + 1) return undefined;
  const r = autocorrelation(values, lo, hi);
  // Peaks that stand out from the trough before them: a plateau of slow drift is no period.
  const peaks: number[] = [];
  let trough = Number.POSITIVE_INFINITY;
  for (let k = 1; k < r.length - 1; k++) {
    const v = r[k] ?? Number.NaN;
    trough = Math.min(trough, r[k - 1] ?? Number.POSITIVE_INFINITY);
    if (!(v > (r[k - 1] ?? Number.NaN) && v >= (r[k + 1] ?? Number.NaN) && v > 0)) continue;
    if (v - trough >= PROMINENCE) peaks.push(k);
    trough = v;
  }
  if (peaks.length === 0) return undefined;
  const best = Math.max(...peaks.map((k) => r[k] ?? 0));
  const k = peaks.find((p) => (r[p] ?? 0) >= 0.8 * best) ?? (peaks[0] as number);
  const a = r[k - 1] ?? 0;
  const b = r[k] ?? 0;
  const c = r[k + 1] ?? 0;
  const curvature = a - 2 * b + c;
  const shift = curvature < 0 ? (0.5 * (a - c)) / curvature : 0;
  return { lagS: (lo + k + shift) / options.sampleHz, clarity: b };
}

/** Gaps up to this long (s) are bridged before the rhythm is looked for. */
const BRIDGE_S = 0.3;
/** Rate the signals are reduced to before the autocorrelation: ample for a 1–5 Hz rhythm, and cheap. */
const RHYTHM_HZ = 30;

/**
 * Keeps the band where a running rhythm lives: the slow drift (below 0.2 Hz) is removed, pose
 * jitter (above 6 Hz) smoothed away, and the result thinned to about 30 samples a second.
 */
function bandOf(input: Float64Array, sampleHz: number): { values: Float64Array; sampleHz: number } {
  // Short gaps bridged first: filtering each scrap between gaps alone would flatten it.
  const values = input.slice();
  fillGaps(values, Math.round(BRIDGE_S * sampleHz));
  const slow = lowPassZeroPhase(values, { cutoffHz: Math.min(0.2, sampleHz * 0.38), sampleHz });
  const fast = lowPassZeroPhase(values, { cutoffHz: Math.min(6, sampleHz * 0.38), sampleHz });
  const every = Math.max(1, Math.floor(sampleHz / RHYTHM_HZ));
  const out = new Float64Array(Math.ceil(values.length / every));
  for (let i = 0, k = 0; i < values.length; i += every, k++) {
    out[k] = (fast[i] ?? Number.NaN) - (slow[i] ?? Number.NaN);
  }
  return { values: out, sampleHz: sampleHz / every };
}

/** Left minus right of one coordinate of a pair of points, NaN where either is unsure. */
function pairDifference(
  series: KeypointSeries,
  key: "x" | "y",
  minScore: number,
): Float64Array | undefined {
  const l = series.tracks.leftAnkle;
  const r = series.tracks.rightAnkle;
  if (!l || !r) return undefined;
  return Float64Array.from({ length: series.t.length }, (_, i) =>
    (l.score[i] ?? 0) >= minScore && (r.score[i] ?? 0) >= minScore
      ? (l[key][i] ?? Number.NaN) - (r[key][i] ?? Number.NaN)
      : Number.NaN,
  );
}

/**
 * The step period of a running clip from the pelvis height (px, down positive, gaps bridged)
 * and the two ankles; undefined when neither signal repeats clearly. The pelvis gives the step
 * directly; the ankles' difference repeats once per stride, two steps.
 */
export function findRhythm(input: {
  series: KeypointSeries;
  pelvis: Float64Array | undefined;
  view: CameraView;
  minScore: number;
}): Rhythm | undefined {
  const { series } = input;
  const band = (values: Float64Array | undefined) =>
    values ? bandOf(values, series.fps) : undefined;
  const periodOf = (b: ReturnType<typeof band>, maxS: number) =>
    b ? dominantPeriod(b.values, { sampleHz: b.sampleHz, minS: MIN_PERIOD_S, maxS }) : undefined;
  const pelvis = periodOf(band(input.pelvis), MAX_PERIOD_S);
  // The feet alternate front and back in a side view, up and down from behind or in front; the
  // other coordinate (the feet's spacing from behind) repeats every step and would mislead.
  const stride = periodOf(
    band(pairDifference(series, input.view === "side" ? "x" : "y", input.minScore)),
    2 * MAX_PERIOD_S,
  );
  const clearPelvis = pelvis && pelvis.clarity >= CLEAR_RHYTHM ? pelvis : undefined;
  const clearStride = stride && stride.clarity >= CLEAR_RHYTHM ? stride : undefined;
  const make = (stepPeriodS: number, clarity: number, source: Rhythm["source"]): Rhythm => ({
    stepPeriodS,
    cadence: 60 / stepPeriodS,
    clarity,
    source,
  });
  if (clearPelvis && clearStride) {
    const half = clearStride.lagS / 2;
    if (Math.abs(clearPelvis.lagS - half) <= AGREE * half)
      return make(
        clearPelvis.lagS,
        Math.max(clearPelvis.clarity, clearStride.clarity),
        "pelvis and feet",
      );
    // The pelvis repeating once per stride (one side bouncing more): the feet tell the step.
    if (Math.abs(clearPelvis.lagS - clearStride.lagS) <= AGREE * clearStride.lagS)
      return make(half, clearStride.clarity, "pelvis and feet");
  }
  // Disagreeing or alone: the signal that repeats more cleanly.
  if (clearPelvis && (!clearStride || clearPelvis.clarity >= clearStride.clarity))
    return make(clearPelvis.lagS, clearPelvis.clarity, "pelvis");
  if (clearStride) return make(clearStride.lagS / 2, clearStride.clarity, "feet");
  return undefined;
}
