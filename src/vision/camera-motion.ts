/**
 * Did the camera move? Now and then two consecutive frames are compared outside the runner's
 * box: the brightness of each column, as a profile, slides sideways when the camera pans (and
 * stays put when only the runner moves). Cheap: one pass over the luma plane per look.
 */
import type { CameraMotion } from "../core/movement/keypoints.types.js";
import type { Rect } from "./people-check.js";

/** Seconds between looks; each compares a frame with the next one. */
export const CAMERA_CHECK_EVERY_S = 0.5;
/** Largest shift searched, as a share of the frame width per frame (a fast pan at 24 fps). */
const MAX_SHIFT_SHARE = 0.06;
/** A shift counts only when it matches the profiles this much better than no shift at all. */
const CLEAR_MATCH = 0.7;
/** Profiles closer than this (mean grey levels) did not change: nothing moved. */
const MIN_CHANGE = 0.5;
/** Share of the body box's width left out on each side too: swinging arms and feet move on their own. */
const BODY_MARGIN = 0.5;

/**
 * Mean luma of each column of a frame (the Y plane of yuv420p, `width` × `height` bytes),
 * NaN for columns inside `body` (the runner, who moves whatever the camera does).
 */
export function columnProfile(
  luma: Uint8Array,
  size: { width: number; height: number },
  body?: Rect,
): Float64Array {
  const { width, height } = size;
  const profile = new Float64Array(width);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) profile[x] = (profile[x] ?? 0) + (luma[row + x] ?? 0);
  }
  for (let x = 0; x < width; x++) {
    const inside =
      body &&
      x >= body.x - BODY_MARGIN * body.width &&
      x <= body.x + (1 + BODY_MARGIN) * body.width;
    profile[x] = inside ? Number.NaN : (profile[x] ?? 0) / height;
  }
  return profile;
}

/** Mean absolute difference of two profiles with `b` slid by `shift` columns; NaN without overlap. */
function mismatch(a: Float64Array, b: Float64Array, shift: number): number {
  let sum = 0;
  let n = 0;
  for (let x = 0; x < a.length; x++) {
    const u = a[x] ?? Number.NaN;
    const v = b[x + shift] ?? Number.NaN;
    if (!Number.isFinite(u) || !Number.isFinite(v)) continue;
    sum += Math.abs(u - v);
    n++;
  }
  return n > a.length / 4 ? sum / n : Number.NaN;
}

/**
 * The background's sideways shift from one frame's profile to the next, columns (0 when it did
 * not clearly move, e.g. over a plain wall or sky).
 */
export function profileShift(before: Float64Array, after: Float64Array): number {
  const max = Math.max(1, Math.round(before.length * MAX_SHIFT_SHARE));
  const still = mismatch(before, after, 0);
  if (!(still >= MIN_CHANGE)) return 0;
  let best = 0;
  let bestCost = still;
  for (let shift = -max; shift <= max; shift++) {
    const cost = mismatch(before, after, shift);
    if (cost < bestCost) {
      best = shift;
      bestCost = cost;
    }
  }
  return bestCost < CLEAR_MATCH * still ? best : 0;
}

/** Collects the looks of one clip into the series' camera-motion summary. */
export function cameraMotionFrom(
  shifts: readonly number[],
  options: { width: number; fps: number },
): CameraMotion {
  // A column or so is compression noise; two or more is the picture moving.
  const moving = shifts.map((s) => Math.abs(s)).filter((s) => s >= 2);
  moving.sort((a, b) => a - b);
  const median = moving.length > 0 ? (moving[Math.floor(moving.length / 2)] ?? 0) : 0;
  return {
    checks: shifts.length,
    movingShare: shifts.length > 0 ? moving.length / shifts.length : 0,
    speed: Math.round(((median * options.fps) / options.width) * 1000) / 1000,
  };
}
