/**
 * Validates the gait metrics on a real treadmill trial with force plates: Fukuchi, Fukuchi &
 * Duarte, "A public dataset of running biomechanics…", PeerJ 2017 (CC BY 4.0), subject 1 at
 * 2.5 m/s. The 3D markers are filmed by virtual cameras behind and beside the runner; the 2D
 * points go through hipcheck's analysis; results are compared with force-plate contacts and
 * with the same angles computed in 3D. Run: npx tsx scripts/validate-gait.ts [data folder]
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  emptyTrack,
  type KeypointName,
  type KeypointSeries,
} from "../src/core/movement/keypoints.types.js";
import { analyzeRunning, type StepRecord } from "../src/core/movement/running-analysis.js";
import { lowPassZeroPhase } from "../src/core/movement/signal.js";
import { seededRandom } from "../src/core/movement/test-support/synthetic-runner.js";
import {
  project,
  rearCamera,
  sideCamera,
  type Vec3,
  type VirtualCamera,
} from "../src/core/movement/test-support/virtual-camera.js";
import type { Side } from "../src/core/side.js";
import {
  bridge,
  hipJointCentres,
  marker,
  meanMarker,
  mid,
  parseTable,
  rebuildPoint,
  type Table,
} from "./gait-data.js";

const TARGETS = { cadence: 1, contactMs: 20, pelvicDropRms: 1.5 };
const MARKER_HZ = 150;
const FORCE_HZ = 300;
const CONTACT_N = 100;

const folder = resolve(process.argv[2] ?? process.env.HIPCHECK_GAIT_DATA ?? "../shared/data/gait");
const markerFile = join(folder, "RBDS001runT25markers.txt");
if (!existsSync(markerFile)) {
  console.log(`Gait data not found in ${folder}: nothing to validate (this is not an error).`);
  process.exit(0);
}
const load = (name: string): Table => parseTable(readFileSync(join(folder, name), "utf8"));
const run = load("RBDS001runT25markers.txt");
const standing = load("RBDS001static.txt");
const forces = load("RBDS001runT25forces.txt");

// ---- 3D joint centres (mm; x forward, y up, z right) ----
type Body = Record<"Hip" | "Knee" | "Ankle" | "Heel" | "Toe", Record<Side, Vec3[]>>;
const hips = hipJointCentres(run);
const letter = (side: Side) => (side === "left" ? "L" : "R");
const cluster = (side: Side, segment: string) =>
  ["Top.Lateral", "Bottom.Lateral", "Top.Medial", "Bottom.Medial"].map(
    (p) => `${letter(side)}.${segment}.${p}`,
  ) as unknown as readonly [string, string, string, string];
const jointCentre = (side: Side, segment: string, landmark: string) =>
  bridge(
    rebuildPoint({
      run,
      standing,
      cluster: cluster(side, segment),
      anatomical: mid(
        meanMarker(standing, `${letter(side)}.${landmark}`),
        meanMarker(standing, `${letter(side)}.${landmark}.Medial`),
      ),
    }),
  );
const body: Body = {
  Hip: { left: bridge(hips.left), right: bridge(hips.right) },
  Knee: {
    left: jointCentre("left", "Thigh", "Knee"),
    right: jointCentre("right", "Thigh", "Knee"),
  },
  Ankle: {
    left: jointCentre("left", "Shank", "Ankle"),
    right: jointCentre("right", "Shank", "Ankle"),
  },
  Heel: { left: bridge(marker(run, "L.Heel.Bottom")), right: bridge(marker(run, "R.Heel.Bottom")) },
  Toe: { left: bridge(marker(run, "L.MT1")), right: bridge(marker(run, "R.MT1")) },
};
const frames = run.rows;
const duration = (frames - 1) / MARKER_HZ;

/** Position at time t (s) by linear interpolation between marker frames. */
function at(track: Vec3[], t: number): Vec3 {
  const f = Math.min(Math.max(t * MARKER_HZ, 0), frames - 1);
  const i = Math.min(Math.floor(f), frames - 2);
  const a = track[i] ?? [0, 0, 0];
  const b = track[i + 1] ?? a;
  const w = f - i;
  return [a[0] + (b[0] - a[0]) * w, a[1] + (b[1] - a[1]) * w, a[2] + (b[2] - a[2]) * w];
}

// ---- Force-plate truth ----
const fy = lowPassZeroPhase(forces.columns.get("Fy") ?? new Float64Array(), {
  cutoffHz: 30,
  sampleHz: FORCE_HZ,
});
interface Stance {
  side: Side;
  contact: number;
  toeOff: number;
  midstance: number;
}
const stances: Stance[] = [];
let start: number | undefined;
for (let i = 1; i < fy.length; i++) {
  const was = (fy[i - 1] ?? 0) > CONTACT_N;
  const is = (fy[i] ?? 0) > CONTACT_N;
  if (!was && is) start = i / FORCE_HZ;
  if (was && !is && start !== undefined) {
    const contact = start;
    const toeOff = i / FORCE_HZ;
    const middle = (contact + toeOff) / 2;
    // The stance foot is the lower heel in mid-stance.
    const side: Side =
      at(body.Heel.left, middle)[1] < at(body.Heel.right, middle)[1] ? "left" : "right";
    // 3D midstance: the pelvis (mid hip-joint-centre) lowest during the stance.
    let lowest = contact;
    let lowY = Number.POSITIVE_INFINITY;
    for (let t = contact; t <= toeOff; t += 1 / MARKER_HZ) {
      const y = (at(body.Hip.left, t)[1] + at(body.Hip.right, t)[1]) / 2;
      if (y < lowY) {
        lowY = y;
        lowest = t;
      }
    }
    stances.push({ side, contact, toeOff, midstance: lowest });
    start = undefined;
  }
}
const forceCadence =
  (60 * (stances.length - 1)) / ((stances.at(-1)?.contact ?? 0) - (stances[0]?.contact ?? 0));

// ---- 3D angles (degrees) ----
const DEG = 180 / Math.PI;
const other = (side: Side): Side => (side === "left" ? "right" : "left");
/** Frontal-plane pelvic drop: swing-side hip centre below the stance side, over their lateral distance. */
function pelvicDrop3d(side: Side, t: number): number {
  const s = at(body.Hip[side], t);
  const c = at(body.Hip[other(side)], t);
  return Math.atan2(s[1] - c[1], Math.abs(s[2] - c[2])) * DEG;
}
function kneeFlexion3d(side: Side, t: number): number {
  const h = at(body.Hip[side], t);
  const k = at(body.Knee[side], t);
  const a = at(body.Ankle[side], t);
  const u = [k[0] - h[0], k[1] - h[1], k[2] - h[2]];
  const v = [a[0] - k[0], a[1] - k[1], a[2] - k[2]];
  const dotUV = (u[0] ?? 0) * (v[0] ?? 0) + (u[1] ?? 0) * (v[1] ?? 0) + (u[2] ?? 0) * (v[2] ?? 0);
  return Math.acos(dotUV / (Math.hypot(...u) * Math.hypot(...v))) * DEG;
}
/** Knee angle in the frontal plane (y–z), valgus positive: the 3D counterpart of the FPPA. */
function fppa3d(side: Side, t: number): number {
  const h = at(body.Hip[side], t);
  const k = at(body.Knee[side], t);
  const a = at(body.Ankle[side], t);
  const ux = k[2] - h[2];
  const uy = k[1] - h[1];
  const vx = a[2] - k[2];
  const vy = a[1] - k[1];
  const bend = Math.abs(Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy)) * DEG;
  const lineZ = h[2] + ((a[2] - h[2]) * (k[1] - h[1])) / (a[1] - h[1]);
  const medial = side === "right" ? -1 : 1;
  return Math.sign((k[2] - lineZ) * medial) * bend;
}

// ---- Filming ----
const centre = mid(at(body.Hip.left, duration / 2), at(body.Hip.right, duration / 2));
const cameraOptions = { target: centre, distance: 4000, height: 1000, focalPx: 1400 };
const KEYPOINTS: [KeypointName, Vec3[]][] = (["left", "right"] as const).flatMap((side) => [
  [`${side}Hip`, body.Hip[side]],
  [`${side}Knee`, body.Knee[side]],
  [`${side}Ankle`, body.Ankle[side]],
  [`${side}Heel`, body.Heel[side]],
  [`${side}BigToe`, body.Toe[side]],
]) as [KeypointName, Vec3[]][];

function film(camera: VirtualCamera, options: { fps: number; noisePx: number }): KeypointSeries {
  const n = Math.floor(duration * options.fps) + 1;
  const random = seededRandom(42);
  const gauss = () =>
    Math.sqrt(-2 * Math.log(Math.max(random(), 1e-12))) * Math.cos(2 * Math.PI * random());
  const t = Float64Array.from({ length: n }, (_, i) => i / options.fps);
  const tracks: KeypointSeries["tracks"] = {};
  for (const [name, trajectory] of KEYPOINTS) {
    const track = emptyTrack(n);
    for (let i = 0; i < n; i++) {
      const p = project(camera, at(trajectory, t[i] ?? 0));
      track.x[i] = p.x + options.noisePx * gauss();
      track.y[i] = p.y + options.noisePx * gauss();
      track.score[i] = 0.9;
    }
    tracks[name] = track;
  }
  return {
    fps: options.fps,
    width: camera.width,
    height: camera.height,
    model: "virtual-camera",
    t,
    tracks,
  };
}

// ---- Comparison ----
const rms = (v: number[]) => Math.sqrt(v.reduce((a, x) => a + x * x, 0) / Math.max(v.length, 1));
const mean = (v: number[]) => v.reduce((a, x) => a + x, 0) / Math.max(v.length, 1);
const sd = (v: number[]) =>
  Math.sqrt(v.reduce((a, x) => a + (x - mean(v)) ** 2, 0) / Math.max(v.length - 1, 1));
const f1 = (v: number) => v.toFixed(1);

function matchStance(step: StepRecord): Stance | undefined {
  let best: Stance | undefined;
  for (const stance of stances) {
    if (!best || Math.abs(stance.contact - step.contact) < Math.abs(best.contact - step.contact))
      best = stance;
  }
  return best && Math.abs(best.contact - step.contact) < 0.15 ? best : undefined;
}

interface Row {
  label: string;
  cadenceError: number;
  contactErrors: number[];
  wrongSide: number;
  matched: number;
  detected: number;
  angleErrors: Record<string, number[]>;
}

function evaluate(view: "rear" | "side", fps: number, noisePx: number): Row {
  const camera = view === "rear" ? rearCamera(cameraOptions) : sideCamera(cameraOptions);
  const analysis = analyzeRunning(film(camera, { fps, noisePx }), { view });
  const row: Row = {
    label: `${view.padEnd(4)} ${String(fps).padStart(3)} fps noise ${noisePx} px`,
    cadenceError: (analysis.cadence?.mean ?? Number.NaN) - forceCadence,
    contactErrors: [],
    wrongSide: 0,
    matched: 0,
    detected: analysis.steps.length,
    angleErrors: {},
  };
  const push = (name: string, value: number | undefined, truth: number) => {
    if (value === undefined || !Number.isFinite(value)) return;
    row.angleErrors[name] ??= [];
    row.angleErrors[name]?.push(value - truth);
  };
  for (const step of analysis.steps) {
    const stance = matchStance(step);
    if (!stance) continue;
    row.matched++;
    if (stance.side !== step.side) {
      row.wrongSide++;
      continue;
    }
    row.contactErrors.push((step.contact - stance.contact) * 1000);
    if (view === "rear") {
      push("pelvic drop", step.values.pelvicDrop, pelvicDrop3d(step.side, stance.midstance));
      push("knee FPPA", step.values.kneeFppa, fppa3d(step.side, stance.midstance));
    } else {
      push(
        "knee flexion at contact",
        step.values.kneeFlexionContact,
        kneeFlexion3d(step.side, stance.contact),
      );
      push(
        "knee flexion at midstance",
        step.values.kneeFlexionMidstance,
        kneeFlexion3d(step.side, stance.midstance),
      );
    }
  }
  return row;
}

console.log(
  "Gait validation — Fukuchi, Fukuchi & Duarte, PeerJ 2017 (CC BY 4.0), subject 1, treadmill 2.5 m/s",
);
console.log(
  `Force plate: ${stances.length} contacts in ${duration.toFixed(1)} s, cadence ${forceCadence.toFixed(1)} steps/min; virtual camera 4 m away, 1080p, focal 1400 px\n`,
);
const rows: Row[] = [];
for (const view of ["rear", "side"] as const) {
  for (const fps of [30, 60, 120]) {
    for (const noisePx of [0, 2]) rows.push(evaluate(view, fps, noisePx));
  }
}
for (const row of rows) {
  const c = row.contactErrors;
  const angles = Object.entries(row.angleErrors)
    .map(([name, e]) => `${name} ${f1(mean(e))} ± ${f1(sd(e))}° (RMS ${f1(rms(e))}°)`)
    .join("; ");
  console.log(
    `${row.label}: steps ${row.matched}/${row.detected} matched, wrong side ${row.wrongSide}; cadence error ${row.cadenceError >= 0 ? "+" : ""}${row.cadenceError.toFixed(2)} steps/min; contact ${f1(mean(c))} ± ${f1(sd(c))} ms (mean |error| ${f1(mean(c.map(Math.abs)))} ms); ${angles}`,
  );
}
const worstCadence = Math.max(...rows.map((r) => Math.abs(r.cadenceError)));
const worstContact = Math.max(
  ...rows
    .filter((r) => !r.label.includes(" 30 fps"))
    .map((r) => mean(r.contactErrors.map(Math.abs))),
);
const worstDrop = Math.max(
  ...rows
    .filter((r) => r.angleErrors["pelvic drop"] && !r.label.includes(" 30 fps"))
    .map((r) => rms(r.angleErrors["pelvic drop"] ?? [])),
);
const check = (ok: boolean) => (ok ? "PASS" : "FAIL");
console.log(
  `\nTargets: cadence within ${TARGETS.cadence} step/min: worst ${worstCadence.toFixed(2)} ${check(worstCadence <= TARGETS.cadence)}; ` +
    `contacts within ${TARGETS.contactMs} ms on average (≥ 60 fps): worst ${worstContact.toFixed(1)} ms ${check(worstContact <= TARGETS.contactMs)}; ` +
    `pelvic drop within ${TARGETS.pelvicDropRms}° RMS per step (≥ 60 fps): worst ${worstDrop.toFixed(2)}° ${check(worstDrop <= TARGETS.pelvicDropRms)}`,
);
if (
  worstCadence > TARGETS.cadence ||
  worstContact > TARGETS.contactMs ||
  worstDrop > TARGETS.pelvicDropRms
) {
  process.exitCode = 1;
}
