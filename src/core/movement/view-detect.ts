import { median } from "./gait-events.js";
import type { CameraView } from "./keypoints.types.js";
import type { PreparedSeries } from "./prepare.js";

export interface ViewGuess {
  view: CameraView;
  /** true when the clues agree; false when the guess is weak and the user should give --view. */
  certain: boolean;
  /** Hip-to-hip width over leg length in the picture: about 0.2 from behind or in front, near 0 from the side. */
  hipWidthRatio: number;
  /** Horizontal travel of the ankles over leg length: about 1 from the side, small from behind. */
  ankleTravelRatio: number;
  /** Side view only: +1 when the runner faces image right, −1 when facing left. */
  facing: 1 | -1;
}

/** Leg length in pixels: the 90th percentile of hip–knee plus knee–ankle (foreshortening only shortens it). */
export function legLengthPx(prepared: PreparedSeries): number {
  const lengths: number[] = [];
  for (const side of ["left", "right"] as const) {
    const hip = prepared.points[`${side}Hip`];
    const knee = prepared.points[`${side}Knee`];
    const ankle = prepared.points[`${side}Ankle`];
    if (!hip || !knee || !ankle) continue;
    for (let i = 0; i < hip.x.length; i++) {
      const l =
        Math.hypot((knee.x[i] ?? 0) - (hip.x[i] ?? 0), (knee.y[i] ?? 0) - (hip.y[i] ?? 0)) +
        Math.hypot((ankle.x[i] ?? 0) - (knee.x[i] ?? 0), (ankle.y[i] ?? 0) - (knee.y[i] ?? 0));
      if (Number.isFinite(l)) lengths.push(l);
    }
  }
  if (lengths.length === 0) return Number.NaN;
  lengths.sort((a, b) => a - b);
  return lengths[Math.floor(0.9 * (lengths.length - 1))] ?? Number.NaN;
}

/** Robust range: 95th minus 5th percentile. */
function spread(values: Float64Array): number {
  const finite = Array.from(values)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  if (finite.length === 0) return Number.NaN;
  const at = (q: number) => finite[Math.floor(q * (finite.length - 1))] ?? Number.NaN;
  return at(0.95) - at(0.05);
}

/**
 * Guesses the camera view from the body's proportions in the picture: from behind or in front
 * the hips are a pelvis-width apart and the feet move little sideways; from the side the hips
 * overlap and the feet sweep forward and back. Rear and front differ in which hip is on the left.
 */
export function detectView(prepared: PreparedSeries): ViewGuess {
  const leg = legLengthPx(prepared);
  const lh = prepared.points.leftHip;
  const rh = prepared.points.rightHip;
  const la = prepared.points.leftAnkle;
  const ra = prepared.points.rightAnkle;
  const widths: number[] = [];
  let leftOnLeft = 0;
  let counted = 0;
  if (lh && rh) {
    for (let i = 0; i < lh.x.length; i++) {
      const d = (rh.x[i] ?? Number.NaN) - (lh.x[i] ?? Number.NaN);
      if (!Number.isFinite(d)) continue;
      widths.push(Math.abs(d));
      counted++;
      if (d > 0) leftOnLeft++;
    }
  }
  const hipWidthRatio = widths.length > 0 ? median(widths) / leg : Number.NaN;
  const travel = Math.max(la ? spread(la.x) : 0, ra ? spread(ra.x) : 0);
  const ankleTravelRatio = travel / leg;
  const sideScore =
    (Number.isFinite(hipWidthRatio) ? (0.12 - hipWidthRatio) / 0.06 : 0) +
    (Number.isFinite(ankleTravelRatio) ? (ankleTravelRatio - 0.5) / 0.2 : 0);
  const frontal: CameraView = leftOnLeft >= counted / 2 ? "rear" : "front";
  return {
    view: sideScore > 0 ? "side" : frontal,
    certain: Math.abs(sideScore) > 1,
    hipWidthRatio,
    ankleTravelRatio,
    facing: facingOf(prepared),
  };
}

/** +1 when the runner faces image right: knees bend forward, so the knee sits ahead of the hip–ankle line. */
function facingOf(prepared: PreparedSeries): 1 | -1 {
  let sum = 0;
  for (const side of ["left", "right"] as const) {
    const hip = prepared.points[`${side}Hip`];
    const knee = prepared.points[`${side}Knee`];
    const ankle = prepared.points[`${side}Ankle`];
    if (!hip || !knee || !ankle) continue;
    for (let i = 0; i < hip.x.length; i++) {
      const ahead = (knee.x[i] ?? 0) - ((hip.x[i] ?? 0) + (ankle.x[i] ?? 0)) / 2;
      if (Number.isFinite(ahead)) sum += ahead;
    }
  }
  return sum >= 0 ? 1 : -1;
}
