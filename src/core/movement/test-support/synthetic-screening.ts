/**
 * Synthetic single-leg squats and single-leg stances filmed from the front (the person's left
 * on image right), built directly in the picture with set angles, for tests.
 */
import type { Side } from "../../side.js";
import { emptyTrack, type KeypointName, type KeypointSeries } from "../keypoints.types.js";
import { seededRandom } from "./synthetic-runner.js";

export interface ScreeningSpec {
  /** The leg bearing weight. */
  stance: Side;
  fps: number;
  durationS: number;
  /** Squat repetitions spread over the clip (0 for a still stance). */
  reps: number;
  /** Pelvis descent at the deepest point, px. */
  depthPx: number;
  /** Knee FPPA of the stance leg at the deepest point (valgus +), degrees. */
  fppaDeg: number;
  /** Pelvic drop on the lifted side at the deepest point (or throughout a stance), degrees. */
  dropDeg: number;
  /** Trunk lean towards the stance side at the deepest point, degrees. */
  leanDeg: number;
  noisePx?: number;
  seed?: number;
}

const DEG = Math.PI / 180;
const HALF_HIPS = 45;
const THIGH = 210;
const SHANK = 200;

/** Knee shift across the hip–ankle line giving a bend of alpha between thigh and shank. */
function kneeShift(thigh: number, shank: number, alphaDeg: number): number {
  let lo = 0;
  let hi = 200;
  const target = Math.abs(alphaDeg) * DEG;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (Math.atan(mid / thigh) + Math.atan(mid / shank) < target) lo = mid;
    else hi = mid;
  }
  return Math.sign(alphaDeg) * lo;
}

/** A front-view clip of one person on one leg, squatting `reps` times or holding still. */
export function syntheticScreening(spec: ScreeningSpec): KeypointSeries {
  const n = Math.round(spec.durationS * spec.fps);
  const random = seededRandom(spec.seed ?? 3);
  const gauss = () =>
    Math.sqrt(-2 * Math.log(Math.max(random(), 1e-12))) * Math.cos(2 * Math.PI * random());
  const t = Float64Array.from({ length: n }, (_, i) => i / spec.fps);
  const tracks: KeypointSeries["tracks"] = {};
  // From the front the person's left is on image right.
  const imageX = (side: Side) => (side === "left" ? 1 : -1);
  const s = imageX(spec.stance);
  const lifted: Side = spec.stance === "left" ? "right" : "left";
  const groundY = 900;
  const ankleX = 960 + s * HALF_HIPS;
  for (let i = 0; i < n; i++) {
    const time = t[i] ?? 0;
    // Each rep is a smooth dip; with no reps the pose holds its deepest-point angles throughout.
    const w = spec.reps > 0 ? Math.sin((Math.PI * time * spec.reps) / spec.durationS) ** 2 : 1;
    const depth = spec.reps > 0 ? spec.depthPx * w : 0;
    const drop = spec.dropDeg * w * DEG;
    const lean = spec.leanDeg * w * DEG;
    const hipCentre = { x: 960 + s * 25 * w, y: groundY - (THIGH + SHANK) + depth };
    // Lifted side lower by `drop`.
    const stanceHip = {
      x: hipCentre.x + s * HALF_HIPS * Math.cos(drop),
      y: hipCentre.y - HALF_HIPS * Math.sin(drop),
    };
    const liftedHip = {
      x: hipCentre.x - s * HALF_HIPS * Math.cos(drop),
      y: hipCentre.y + HALF_HIPS * Math.sin(drop),
    };
    const ankle = { x: ankleX, y: groundY };
    const thighDrop = ((ankle.y - stanceHip.y) * THIGH) / (THIGH + SHANK);
    const kneeOnLine = {
      x: stanceHip.x + ((ankle.x - stanceHip.x) * THIGH) / (THIGH + SHANK),
      y: stanceHip.y + thighDrop,
    };
    const shift = kneeShift(thighDrop, ankle.y - stanceHip.y - thighDrop, spec.fppaDeg * w);
    // Medial for the stance leg is towards the other leg: −s in image x.
    const knee = { x: kneeOnLine.x - s * shift, y: kneeOnLine.y };
    const liftedKnee = { x: liftedHip.x, y: liftedHip.y + THIGH * 0.6 };
    const liftedAnkle = { x: liftedHip.x, y: liftedKnee.y + SHANK * 0.7 };
    const shoulderCentre = {
      x: hipCentre.x + s * Math.sin(lean) * 300,
      y: hipCentre.y - Math.cos(lean) * 300,
    };
    const points: Partial<Record<KeypointName, { x: number; y: number }>> = {
      [`${spec.stance}Hip`]: stanceHip,
      [`${lifted}Hip`]: liftedHip,
      [`${spec.stance}Knee`]: knee,
      [`${spec.stance}Ankle`]: ankle,
      [`${lifted}Knee`]: liftedKnee,
      [`${lifted}Ankle`]: liftedAnkle,
      [`${spec.stance}Shoulder`]: { x: shoulderCentre.x + s * 90, y: shoulderCentre.y },
      [`${lifted}Shoulder`]: { x: shoulderCentre.x - s * 90, y: shoulderCentre.y },
      nose: { x: shoulderCentre.x, y: shoulderCentre.y - 120 },
    };
    for (const [name, p] of Object.entries(points) as [KeypointName, { x: number; y: number }][]) {
      let track = tracks[name];
      if (!track) {
        track = emptyTrack(n);
        tracks[name] = track;
      }
      track.x[i] = p.x + (spec.noisePx ?? 0) * gauss();
      track.y[i] = p.y + (spec.noisePx ?? 0) * gauss();
      track.score[i] = 0.85;
    }
  }
  return { fps: spec.fps, width: 1920, height: 1080, model: "synthetic", t, tracks, view: "front" };
}
