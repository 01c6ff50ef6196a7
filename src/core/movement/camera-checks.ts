/**
 * What the camera did to the picture, read from the keypoints: a runner who grows or shrinks
 * (moving towards or away from the camera), feet that leave the frame, a background that moves
 * (the camera panning to follow). Each changes what can be measured.
 */
import type { KeypointSeries } from "./keypoints.types.js";
import { lowPassZeroPhase } from "./signal.js";

export interface CameraFindings {
  /** Body size per frame, px (mid-hip to mid-shoulder, else hip–knee–ankle), smoothed; NaN where unseen. */
  bodyScalePx: Float64Array;
  /** Body size at the end of the clip over its size at the start (1 = constant). */
  scaleChange: number;
  /** Share of frames (0–1) in which the hips are seen but an ankle is not, or touches the frame's edge. */
  cutOffShare: number;
  /** The camera moved the picture (from the video's background), when it was looked at. */
  panning: boolean;
}

/** The runner's size changing by more than this factor over the clip: towards or away from the camera. */
export const SCALE_CHANGE_LIMIT = 1.2;
/** Feet out of the picture in more than this share of frames: cut off. */
export const CUT_OFF_SHARE = 0.15;
/** Background moving in more than this share of the looks, faster than PAN_SPEED frame widths a second: panning. */
export const PANNING_SHARE = 0.5;
export const PAN_SPEED = 0.05;
/** A point within this share of the frame of its edge is at the edge. */
const EDGE = 0.01;

const mid = (a: number, b: number) => (a + b) / 2;

/** Size of the body in each frame, px: the torso (steady in every view), else the leg. */
function rawBodySize(series: KeypointSeries, minScore: number): Float64Array {
  const n = series.t.length;
  const out = new Float64Array(n).fill(Number.NaN);
  const tr = series.tracks;
  const seen = (name: keyof typeof tr, i: number) => (tr[name]?.score[i] ?? 0) >= minScore;
  for (let i = 0; i < n; i++) {
    const lh = tr.leftHip;
    const rh = tr.rightHip;
    const ls = tr.leftShoulder;
    const rs = tr.rightShoulder;
    if (
      lh &&
      rh &&
      ls &&
      rs &&
      seen("leftHip", i) &&
      seen("rightHip", i) &&
      seen("leftShoulder", i) &&
      seen("rightShoulder", i)
    ) {
      out[i] = Math.hypot(
        mid(ls.x[i] ?? 0, rs.x[i] ?? 0) - mid(lh.x[i] ?? 0, rh.x[i] ?? 0),
        mid(ls.y[i] ?? 0, rs.y[i] ?? 0) - mid(lh.y[i] ?? 0, rh.y[i] ?? 0),
      );
    }
  }
  return out;
}

/** Median of the finite values of a slice. */
function medianOf(values: Float64Array, from: number, to: number): number {
  const finite = Array.from(values.subarray(from, to)).filter(Number.isFinite);
  if (finite.length === 0) return Number.NaN;
  finite.sort((a, b) => a - b);
  return finite[Math.floor(finite.length / 2)] ?? Number.NaN;
}

/** Bridges gaps in a body-size series by holding the last size seen (the body does not vanish). */
function holdGaps(values: Float64Array): Float64Array {
  const out = values.slice();
  let last = Number.NaN;
  for (let i = 0; i < out.length; i++) {
    if (Number.isFinite(out[i] ?? Number.NaN)) last = out[i] ?? Number.NaN;
    else out[i] = last;
  }
  let next = Number.NaN;
  for (let i = out.length - 1; i >= 0; i--) {
    if (Number.isFinite(out[i] ?? Number.NaN)) next = out[i] ?? Number.NaN;
    else out[i] = next;
  }
  return out;
}

/** Reads the camera's effect on the picture from a keypoint series. */
export function checkCamera(series: KeypointSeries, minScore: number): CameraFindings {
  const n = series.t.length;
  const raw = holdGaps(rawBodySize(series, minScore));
  const bodyScalePx = Number.isFinite(raw[0] ?? Number.NaN)
    ? lowPassZeroPhase(raw, { cutoffHz: Math.min(0.5, series.fps * 0.38), sampleHz: series.fps })
    : raw;
  const edge = Math.max(3, Math.round(n * 0.15));
  const start = medianOf(bodyScalePx, 0, edge);
  const end = medianOf(bodyScalePx, n - edge, n);
  const scaleChange = start > 0 && end > 0 ? end / start : 1;
  let hipsSeen = 0;
  let cut = 0;
  const margin = EDGE * Math.max(series.width, series.height);
  for (let i = 0; i < n; i++) {
    if ((series.tracks.leftHip?.score[i] ?? 0) < minScore) continue;
    hipsSeen++;
    // Cut off: a foot at the frame's edge, or both feet gone (one foot lost is the model's doing).
    let gone = 0;
    let atEdge = false;
    for (const name of ["leftAnkle", "rightAnkle"] as const) {
      const t = series.tracks[name];
      const x = t?.x[i] ?? Number.NaN;
      const y = t?.y[i] ?? Number.NaN;
      if ((t?.score[i] ?? 0) < minScore) gone++;
      else if (
        !(x > margin && x < series.width - margin && y > margin && y < series.height - margin)
      )
        atEdge = true;
    }
    if (atEdge || gone === 2) cut++;
  }
  const motion = series.cameraMotion;
  return {
    bodyScalePx,
    scaleChange,
    cutOffShare: hipsSeen > 0 ? cut / hipsSeen : 0,
    panning:
      motion !== undefined &&
      motion.checks > 0 &&
      motion.movingShare > PANNING_SHARE &&
      motion.speed > PAN_SPEED,
  };
}

/** True when the runner's size changed enough over the clip to matter. */
export const sizeChanges = (findings: CameraFindings): boolean =>
  findings.scaleChange > SCALE_CHANGE_LIMIT || findings.scaleChange < 1 / SCALE_CHANGE_LIMIT;

/**
 * Tilt of the ground in a side view, degrees (+ when it rises to image right): the line through
 * the standing foot at each midstance. Only when the feet land over more than a leg length of the
 * picture (a runner passing by); on a treadmill they land in one place and tell nothing.
 */
export function groundTiltDeg(feet: readonly { x: number; y: number }[], legPx: number): number {
  const finite = feet.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  if (finite.length < 4) return 0;
  const xs = finite.map((p) => p.x);
  if (!(Math.max(...xs) - Math.min(...xs) > legPx)) return 0;
  const mx = xs.reduce((a, b) => a + b, 0) / finite.length;
  const my = finite.reduce((a, p) => a + p.y, 0) / finite.length;
  let sxy = 0;
  let sxx = 0;
  for (const p of finite) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
  }
  // Image y points down: a ground rising to the right has a negative slope.
  return sxx > 0 ? -Math.atan(sxy / sxx) * (180 / Math.PI) : 0;
}
