import { smoothKeypoint } from "./keypoint-smoother.js";
import type { KeypointName, KeypointSeries } from "./keypoints.types.js";
import { lowPassZeroPhase } from "./signal.js";

/** Cleaned coordinates of one keypoint: gaps filled, smoothed; NaN where nothing could be trusted. */
export interface CleanTrack {
  x: Float64Array;
  y: Float64Array;
}

/** How much of a keypoint was usable. */
export interface TrackQuality {
  /** Mean model score over the frames where the point was reported at all, 0–1. */
  meanScore: number;
  /** Share of frames below the score threshold or missing, 0–1. */
  lowFraction: number;
  /** Frames bridged by the smoother (missing, low-scored or outliers). */
  filled: number;
  /** Frames whose point jumped further than a body moves in a frame, treated as outliers. */
  outliers: number;
}

export interface PreparedSeries {
  fps: number;
  t: Float64Array;
  points: Partial<Record<KeypointName, CleanTrack>>;
  quality: Partial<Record<KeypointName, TrackQuality>>;
}

export interface PrepareOptions {
  /** Points scored below this (0–1) are treated as missing. Default 0.3. */
  minScore?: number;
  /** Longest gap bridged by interpolation, seconds. Default 0.12 s. */
  maxGapSeconds?: number;
  /** Low-pass cut-off, Hz (zero-phase). Default 8 Hz, capped below Nyquist. */
  cutoffHz?: number;
  /** Only these points are smoothed into tracks (all, when not given); every point gets its quality. */
  points?: readonly KeypointName[];
}

/** Default smoothing for keypoint positions in running (Hz); a compromise between pose jitter and the 2–3 Hz step rhythm. */
export const DEFAULT_CUTOFF_HZ = 6;

/**
 * Bandwidth of the confidence-weighted smoother for a point scored 1 (Hz): well above the
 * low-pass cut-off, so for good points the low-pass decides; a point scored 0.3 is smoothed at
 * about 11 Hz, i.e. leans on its neighbours.
 */
export const SMOOTHER_BANDWIDTH_HZ = 20;

/**
 * A point further than this share of the leg length from where its path predicts, at 30 fps, is
 * an outlier (a limb moves about 0.1–0.15 leg lengths off a straight path in a 30 fps frame).
 */
const OUTLIER_LEG_SHARE_AT_30FPS = 0.35;

/** Median hip–knee–ankle length over frames where all three are scored, px (NaN when never seen). */
export function rawLegLengthPx(series: KeypointSeries, minScore: number): number {
  const lengths: number[] = [];
  for (const side of ["left", "right"] as const) {
    const hip = series.tracks[`${side}Hip`];
    const knee = series.tracks[`${side}Knee`];
    const ankle = series.tracks[`${side}Ankle`];
    if (!hip || !knee || !ankle) continue;
    for (let i = 0; i < series.t.length; i += 1) {
      if (
        (hip.score[i] ?? 0) < minScore ||
        (knee.score[i] ?? 0) < minScore ||
        (ankle.score[i] ?? 0) < minScore
      )
        continue;
      const l =
        Math.hypot((knee.x[i] ?? 0) - (hip.x[i] ?? 0), (knee.y[i] ?? 0) - (hip.y[i] ?? 0)) +
        Math.hypot((ankle.x[i] ?? 0) - (knee.x[i] ?? 0), (ankle.y[i] ?? 0) - (knee.y[i] ?? 0));
      if (Number.isFinite(l)) lengths.push(l);
    }
  }
  if (lengths.length === 0) return Number.NaN;
  lengths.sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length / 2)] ?? Number.NaN;
}

/**
 * Turns raw keypoints into analysable signals: points scored below `minScore` are dropped, the
 * rest go through the confidence-weighted smoother (outliers rejected, gaps up to
 * `maxGapSeconds` bridged), then each coordinate is low-pass filtered without phase shift. The
 * synthetic mid-hip is added when both hips exist.
 */
export function prepareSeries(
  series: KeypointSeries,
  options: PrepareOptions = {},
): PreparedSeries {
  const minScore = options.minScore ?? 0.3;
  const maxGap = Math.max(1, Math.round((options.maxGapSeconds ?? 0.12) * series.fps));
  const cutoffHz = Math.min(options.cutoffHz ?? DEFAULT_CUTOFF_HZ, series.fps * 0.38);
  const points: PreparedSeries["points"] = {};
  const quality: PreparedSeries["quality"] = {};
  const n = series.t.length;
  const leg = rawLegLengthPx(series, minScore);
  // Without a leg to measure by, nothing is called an outlier.
  const gatePx = Number.isFinite(leg)
    ? leg * OUTLIER_LEG_SHARE_AT_30FPS * Math.max(1, (30 / series.fps) ** 2)
    : Number.POSITIVE_INFINITY;
  for (const [name, track] of Object.entries(series.tracks) as [
    KeypointName,
    NonNullable<KeypointSeries["tracks"][KeypointName]>,
  ][]) {
    const weight = new Float64Array(n);
    let scoreSum = 0;
    let reported = 0;
    let low = 0;
    for (let i = 0; i < n; i++) {
      const score = track.score[i] ?? 0;
      if (score > 0) {
        scoreSum += score;
        reported++;
      }
      if (score >= minScore) weight[i] = score;
      else low++;
    }
    quality[name] = {
      meanScore: reported > 0 ? scoreSum / reported : 0,
      lowFraction: n > 0 ? low / n : 1,
      filled: 0,
      outliers: 0,
    };
    if (options.points && !options.points.includes(name)) continue;
    const smooth = smoothKeypoint(track.x, track.y, weight, {
      sampleHz: series.fps,
      bandwidthHz: SMOOTHER_BANDWIDTH_HZ,
      gatePx,
      maxGap,
    });
    points[name] = {
      x: lowPassZeroPhase(smooth.x, { cutoffHz, sampleHz: series.fps }),
      y: lowPassZeroPhase(smooth.y, { cutoffHz, sampleHz: series.fps }),
    };
    quality[name] = {
      ...quality[name],
      filled: smooth.filled,
      outliers: smooth.rejected,
    } as TrackQuality;
  }
  const left = points.leftHip;
  const right = points.rightHip;
  if (left && right && !points.midHip) {
    points.midHip = {
      x: left.x.map((v, i) => (v + (right.x[i] ?? Number.NaN)) / 2),
      y: left.y.map((v, i) => (v + (right.y[i] ?? Number.NaN)) / 2),
    };
  }
  return { fps: series.fps, t: series.t, points, quality };
}

/** Value of a signal at a fractional frame index, by linear interpolation; NaN outside. */
export function sampleAt(values: Float64Array, index: number): number {
  if (!(index >= 0 && index <= values.length - 1)) return Number.NaN;
  const i = Math.floor(index);
  const f = index - i;
  const a = values[i] ?? Number.NaN;
  if (f === 0) return a;
  return a + ((values[i + 1] ?? Number.NaN) - a) * f;
}
