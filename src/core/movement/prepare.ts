import type { KeypointName, KeypointSeries } from "./keypoints.types.js";
import { fillGaps, lowPassZeroPhase } from "./signal.js";

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
  /** Frames filled by interpolation. */
  filled: number;
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
}

/** Default smoothing for keypoint positions in running (Hz); a compromise between pose jitter and the 2–3 Hz step rhythm. */
export const DEFAULT_CUTOFF_HZ = 6;

/**
 * Turns raw keypoints into analysable signals: points scored below `minScore` are dropped,
 * gaps up to `maxGapSeconds` are bridged by straight lines, then each coordinate is low-pass
 * filtered without phase shift. The synthetic mid-hip is added when both hips exist.
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
  for (const [name, track] of Object.entries(series.tracks) as [
    KeypointName,
    NonNullable<KeypointSeries["tracks"][KeypointName]>,
  ][]) {
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    let scoreSum = 0;
    let reported = 0;
    let low = 0;
    for (let i = 0; i < n; i++) {
      const score = track.score[i] ?? 0;
      if (score > 0) {
        scoreSum += score;
        reported++;
      }
      if (score >= minScore) {
        x[i] = track.x[i] ?? Number.NaN;
        y[i] = track.y[i] ?? Number.NaN;
      } else {
        x[i] = Number.NaN;
        y[i] = Number.NaN;
        low++;
      }
    }
    const filled = fillGaps(x, maxGap);
    fillGaps(y, maxGap);
    points[name] = {
      x: lowPassZeroPhase(x, { cutoffHz, sampleHz: series.fps }),
      y: lowPassZeroPhase(y, { cutoffHz, sampleHz: series.fps }),
    };
    quality[name] = {
      meanScore: reported > 0 ? scoreSum / reported : 0,
      lowFraction: n > 0 ? low / n : 1,
      filled,
    };
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
