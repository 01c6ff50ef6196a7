import type { Side } from "../side.js";
import { LOWER_LIMB_POINTS } from "./keypoints.types.js";
import type { PreparedSeries } from "./prepare.js";

/** A foot counts as lifted when its ankle is this share of leg length above the other. */
export const LIFT_SHARE = 0.08;

/**
 * Which foot is off the ground at frame i: the ankle higher in the picture by more than
 * `LIFT_SHARE` of leg length. Undefined when both are down or an ankle is missing.
 */
export function liftedSide(prepared: PreparedSeries, i: number, legPx: number): Side | undefined {
  const left = prepared.points.leftAnkle?.y[i] ?? Number.NaN;
  const right = prepared.points.rightAnkle?.y[i] ?? Number.NaN;
  if (!Number.isFinite(left) || !Number.isFinite(right) || !(legPx > 0)) return undefined;
  const gap = (left - right) / legPx; // image y down: positive when the left ankle is lower
  if (gap > LIFT_SHARE) return "right";
  if (gap < -LIFT_SHARE) return "left";
  return undefined;
}

/** Mean model score of hips, knees and ankles, 0–1. */
export function lowerLimbScore(prepared: PreparedSeries): number {
  const scores = LOWER_LIMB_POINTS.map((name) => prepared.quality[name]?.meanScore ?? 0);
  return scores.reduce((a, b) => a + b, 0) / scores.length;
}
