/**
 * Synthetic runners for tests: a 3D stick figure on a treadmill whose pelvis moves as a body
 * does (free fall in flight, a half-sine ground force in stance), with set pelvic drop, knee
 * valgus, trunk lean and foot placement, filmed by a virtual camera, with optional pixel noise
 * and dropouts. Everything is deterministic for a given seed.
 */
import type { Side } from "../../side.js";
import { emptyTrack, type KeypointName, type KeypointSeries } from "../keypoints.types.js";
import {
  project,
  rearCamera,
  sideCamera,
  type Vec3,
  type VirtualCamera,
} from "./virtual-camera.js";

const G = 9.81;

export interface PerSide<T> {
  left: T;
  right: T;
}

export interface RunnerSpec {
  cadence: number;
  /** Ground contact time ÷ step time. */
  contactFraction: number;
  /** Belt speed, m/s. */
  speed: number;
  /** Contralateral pelvic drop at midstance of each stance side, degrees. */
  pelvicDropDeg: PerSide<number>;
  /** Knee frontal plane projection angle at midstance (valgus +), degrees, seen from behind. */
  fppaDeg: PerSide<number>;
  /** Trunk lean towards the stance side at midstance, degrees. */
  trunkLeanDeg: PerSide<number>;
  /** Ankle distance from the body's midline in stance, m (negative: crossed over). */
  footFromMidline: PerSide<number>;
  /** Ankle ahead of the pelvis at initial contact, m. */
  footAheadAtContact: number;
  durationS: number;
  fps: number;
  view: "rear" | "side";
  /** Camera distance, m; 4 m unless given. */
  cameraDistance?: number;
  focalPx?: number;
  /** Standard deviation of Gaussian pixel noise. */
  noisePx?: number;
  /** Share of points (0–1) replaced by low-score junk. */
  dropout?: number;
  seed?: number;
}

export const DEFAULT_RUNNER: RunnerSpec = {
  cadence: 170,
  contactFraction: 0.65,
  speed: 2.8,
  pelvicDropDeg: { left: 4, right: 4 },
  fppaDeg: { left: 5, right: 5 },
  trunkLeanDeg: { left: 2, right: 2 },
  footFromMidline: { left: 0.05, right: 0.05 },
  footAheadAtContact: 0.2,
  durationS: 12,
  fps: 60,
  view: "rear",
};

const THIGH = 0.45;
const SHANK = 0.43;
const HALF_PELVIS = 0.09;
const ANKLE_HEIGHT = 0.08;
const PELVIS_HEIGHT = 0.86;

export interface SyntheticTruth {
  /** Initial contacts in time order. */
  contacts: { side: Side; t: number }[];
  toeOffs: { side: Side; t: number }[];
  midstances: { side: Side; t: number }[];
  /** Knee flexion at initial contact, degrees (sagittal, exact). */
  kneeFlexionAtContactDeg: number;
  /** Shank angle to vertical at initial contact, degrees (ankle ahead of knee +). */
  shankAngleAtContactDeg: number;
  /** Apex minus lowest pelvis height, m. */
  verticalOscillationM: number;
  legLengthM: number;
}

/** Mulberry32: a small seeded generator, so the same seed gives the same noise. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Phase {
  /** Leg in stance, if any. */
  stance?: Side;
  /** Time since that leg's contact, s. */
  tau: number;
}

/** Runner timing: step k (k = 0, 1, …) starts at contact k·T; even steps are right, odd left. */
function timing(spec: RunnerSpec) {
  const T = 60 / spec.cadence;
  const tc = spec.contactFraction * T;
  const tf = T - tc;
  const v0 = (G * tf) / 2;
  const P = (Math.PI * G * T) / (2 * tc);
  return { T, tc, tf, v0, P, t0: 0.05 };
}

function phaseAt(spec: RunnerSpec, t: number): Phase & { stepIndex: number; inStep: number } {
  const { T, tc, t0 } = timing(spec);
  const k = Math.floor((t - t0) / T);
  const inStep = t - t0 - k * T;
  const side: Side = ((k % 2) + 2) % 2 === 0 ? "right" : "left";
  return inStep < tc
    ? { stance: side, tau: inStep, stepIndex: k, inStep }
    : { tau: inStep, stepIndex: k, inStep };
}

/** Pelvis height above its contact height, m: ballistic in flight, half-sine force in stance. */
function pelvisOffset(spec: RunnerSpec, inStep: number): number {
  const { tc, v0, P } = timing(spec);
  if (inStep < tc) {
    const s = inStep - tc / 2;
    return (
      -v0 * inStep -
      (G * inStep * inStep) / 2 +
      ((P * tc) / Math.PI) * (inStep - (tc / Math.PI) * Math.cos((Math.PI * s) / tc))
    );
  }
  const tau = inStep - tc;
  return v0 * tau - (G * tau * tau) / 2;
}

/** Foot (ankle) position relative to the pelvis centre for one leg: x forward, height above ground. */
function anklePath(spec: RunnerSpec, side: Side, t: number): { x: number; h: number } {
  const { T, tc, t0 } = timing(spec);
  // This leg's contacts: right at t0 + 2kT, left at t0 + (2k+1)T.
  const offset = side === "right" ? 0 : T;
  const cycle = 2 * T;
  const u = (((t - t0 - offset) % cycle) + cycle) % cycle;
  const xf = spec.footAheadAtContact;
  const xb = xf - spec.speed * tc;
  if (u < tc) {
    const rise = Math.max(0, (u / tc - 0.6) / 0.4);
    return { x: xf - spec.speed * u, h: ANKLE_HEIGHT + 0.08 * rise * rise };
  }
  const w = (u - tc) / (cycle - tc);
  return {
    x: xb + ((xf - xb) * (1 - Math.cos(Math.PI * w))) / 2,
    h: ANKLE_HEIGHT + 0.08 * (1 - w) ** 2 + 0.3 * Math.sin(Math.PI * w) ** 2 * (1 - w),
  };
}

/** Knee in the sagittal plane from hip and ankle (x, y), bending forward. */
function kneeSagittal(hip: { x: number; y: number }, ankle: { x: number; y: number }) {
  let dx = ankle.x - hip.x;
  let dy = ankle.y - hip.y;
  let d = Math.hypot(dx, dy);
  const reach = (THIGH + SHANK) * 0.999;
  if (d > reach) {
    dx *= reach / d;
    dy *= reach / d;
    d = reach;
  }
  const a = Math.acos((THIGH * THIGH + d * d - SHANK * SHANK) / (2 * THIGH * d));
  const base = Math.atan2(dy, dx);
  // Rotating the hip→ankle direction towards +x puts the knee in front.
  const angle = base + a;
  const knee = { x: hip.x + THIGH * Math.cos(angle), y: hip.y + THIGH * Math.sin(angle) };
  return { knee, ankle: { x: hip.x + dx, y: hip.y + dy } };
}

/**
 * Shift of the knee off the hip–ankle line (measured horizontally at knee height) that makes
 * thigh and shank meet at `alphaDeg` in a frontal projection. `slope` is the line's sideways
 * run per unit of drop; the sign of the result is the sign of alpha.
 */
function valgusShift(
  geometry: { thighDrop: number; shankDrop: number; slope: number },
  alphaDeg: number,
): number {
  const { thighDrop, shankDrop, slope } = geometry;
  const target = (Math.abs(alphaDeg) * Math.PI) / 180;
  let lo = 0;
  let hi = 0.5;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    const angle = Math.atan(slope + mid / thighDrop) - Math.atan(slope - mid / shankDrop);
    if (angle < target) lo = mid;
    else hi = mid;
  }
  return Math.sign(alphaDeg) * lo;
}

const deg = Math.PI / 180;

/** World positions (m) of the body points at time t. */
export function bodyAt(spec: RunnerSpec, t: number): Partial<Record<KeypointName, Vec3>> {
  const { tc } = timing(spec);
  const phase = phaseAt(spec, t);
  const bump = phase.stance ? Math.sin((Math.PI * phase.tau) / tc) : 0;
  const cy = PELVIS_HEIGHT + pelvisOffset(spec, phase.inStep);
  // Obliquity: + means the left hip is lower.
  const theta =
    phase.stance === "right"
      ? spec.pelvicDropDeg.right * bump * deg
      : phase.stance === "left"
        ? -spec.pelvicDropDeg.left * bump * deg
        : 0;
  const hips: PerSide<Vec3> = {
    right: [0, cy + HALF_PELVIS * Math.sin(theta), HALF_PELVIS * Math.cos(theta)],
    left: [0, cy - HALF_PELVIS * Math.sin(theta), -HALF_PELVIS * Math.cos(theta)],
  };
  const points: Partial<Record<KeypointName, Vec3>> = {};
  for (const side of ["left", "right"] as const) {
    const hip = hips[side];
    const path = anklePath(spec, side, t);
    const leg = kneeSagittal({ x: hip[0], y: hip[1] }, { x: path.x, y: path.h });
    const lateral = side === "right" ? 1 : -1;
    const ankleZ = lateral * spec.footFromMidline[side];
    const drop = hip[1] - leg.ankle.y;
    const thighDrop = hip[1] - leg.knee.y;
    const medial = -lateral;
    // Sideways run of the hip–ankle line per unit drop, measured towards medial.
    const slope = (medial * (ankleZ - hip[2])) / drop;
    const lineZ = hip[2] + ((ankleZ - hip[2]) * thighDrop) / drop;
    const stanceHere = phase.stance === side;
    const alpha = stanceHere ? spec.fppaDeg[side] * bump : 0;
    const shift = valgusShift({ thighDrop, shankDrop: leg.knee.y - leg.ankle.y, slope }, alpha);
    points[`${side}Hip`] = hip;
    points[`${side}Knee`] = [leg.knee.x, leg.knee.y, lineZ + medial * shift];
    points[`${side}Ankle`] = [leg.ankle.x, leg.ankle.y, ankleZ];
    points[`${side}Heel`] = [leg.ankle.x - 0.05, leg.ankle.y - 0.04, ankleZ];
    points[`${side}BigToe`] = [
      leg.ankle.x + 0.15,
      Math.max(0.01, leg.ankle.y - 0.07),
      ankleZ + lateral * -0.02,
    ];
  }
  const lean = phase.stance
    ? (phase.stance === "right" ? 1 : -1) * spec.trunkLeanDeg[phase.stance] * bump * deg
    : 0;
  const up: Vec3 = [0.05, Math.cos(lean), Math.sin(lean)];
  const shoulderCentre: Vec3 = [up[0] * 0.5, cy + up[1] * 0.5, up[2] * 0.5];
  points.leftShoulder = [shoulderCentre[0], shoulderCentre[1], shoulderCentre[2] - 0.18];
  points.rightShoulder = [shoulderCentre[0], shoulderCentre[1], shoulderCentre[2] + 0.18];
  points.nose = [0.12, cy + 0.72 * Math.cos(lean), 0.72 * Math.sin(lean)];
  return points;
}

function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Camera used for a spec: 4 m away at 1 m height, focal 1400 px (≈ 70° wide on 1080p). */
export function cameraFor(spec: RunnerSpec): VirtualCamera {
  const options = {
    target: [0, PELVIS_HEIGHT, 0] as Vec3,
    distance: spec.cameraDistance ?? 4,
    height: 1,
    focalPx: spec.focalPx ?? 1400,
  };
  return spec.view === "rear" ? rearCamera(options) : sideCamera(options);
}

/** Films a synthetic runner: keypoints plus the truth they were made from. */
export function syntheticRun(overrides: Partial<RunnerSpec> = {}): {
  series: KeypointSeries;
  truth: SyntheticTruth;
} {
  const spec: RunnerSpec = { ...DEFAULT_RUNNER, ...overrides };
  const camera = cameraFor(spec);
  const random = seededRandom(spec.seed ?? 1);
  const n = Math.round(spec.durationS * spec.fps);
  const t = Float64Array.from({ length: n }, (_, i) => i / spec.fps);
  const tracks: KeypointSeries["tracks"] = {};
  for (let i = 0; i < n; i++) {
    const body = bodyAt(spec, t[i] ?? 0);
    for (const [name, p] of Object.entries(body) as [KeypointName, Vec3][]) {
      let track = tracks[name];
      if (!track) {
        track = emptyTrack(n);
        tracks[name] = track;
      }
      const pixel = project(camera, p);
      if (random() < (spec.dropout ?? 0)) {
        track.x[i] = random() * camera.width;
        track.y[i] = random() * camera.height;
        track.score[i] = 0.05 + 0.2 * random();
        continue;
      }
      const noise = spec.noisePx ?? 0;
      track.x[i] = pixel.x + noise * gaussian(random);
      track.y[i] = pixel.y + noise * gaussian(random);
      track.score[i] = 0.6 + 0.35 * random();
    }
  }
  const series: KeypointSeries = {
    fps: spec.fps,
    width: camera.width,
    height: camera.height,
    model: "synthetic",
    t,
    tracks,
  };
  return { series, truth: truthOf(spec) };
}

function truthOf(spec: RunnerSpec): SyntheticTruth {
  const { T, tc, t0, v0 } = timing(spec);
  const contacts: SyntheticTruth["contacts"] = [];
  const toeOffs: SyntheticTruth["toeOffs"] = [];
  const midstances: SyntheticTruth["midstances"] = [];
  for (let k = 0; t0 + k * T < spec.durationS; k++) {
    const side: Side = k % 2 === 0 ? "right" : "left";
    contacts.push({ side, t: t0 + k * T });
    midstances.push({ side, t: t0 + k * T + tc / 2 });
    toeOffs.push({ side, t: t0 + k * T + tc });
  }
  const body = bodyAt(spec, t0 + 1e-9);
  const hip = body.rightHip ?? [0, 0, 0];
  const knee = body.rightKnee ?? [0, 0, 0];
  const ankle = body.rightAnkle ?? [0, 0, 0];
  const thigh = [knee[0] - hip[0], knee[1] - hip[1]];
  const shank = [ankle[0] - knee[0], ankle[1] - knee[1]];
  const cos =
    ((thigh[0] ?? 0) * (shank[0] ?? 0) + (thigh[1] ?? 0) * (shank[1] ?? 0)) /
    (Math.hypot(thigh[0] ?? 0, thigh[1] ?? 0) * Math.hypot(shank[0] ?? 0, shank[1] ?? 0));
  const apex = (v0 * v0) / (2 * G);
  const lowest = pelvisOffset(spec, tc / 2);
  return {
    contacts,
    toeOffs,
    midstances,
    kneeFlexionAtContactDeg: Math.acos(Math.min(1, cos)) / deg,
    shankAngleAtContactDeg: Math.atan2(ankle[0] - knee[0], knee[1] - ankle[1]) / deg,
    verticalOscillationM: apex - lowest,
    legLengthM: THIGH + SHANK,
  };
}
