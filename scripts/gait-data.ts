/**
 * Reading the public running dataset of Fukuchi, Fukuchi & Duarte (PeerJ 2017, CC BY 4.0) and
 * rebuilding joint centres from its markers. Used only by validate-gait.ts; the data stay in
 * ../shared/data/gait and are never copied into the repository.
 */
import type { Vec3 } from "../src/core/movement/test-support/virtual-camera.js";

/** A tab-separated table: header names and numeric columns (NaN for blanks). */
export interface Table {
  names: string[];
  columns: Map<string, Float64Array>;
  rows: number;
}

/** Parses the dataset's tab-separated text (first line: column names). */
export function parseTable(text: string): Table {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  const names = (lines[0] ?? "").split("\t").map((name) => name.trim());
  const rows = lines.length - 1;
  const data = names.map(() => new Float64Array(rows));
  for (let r = 0; r < rows; r++) {
    const cells = (lines[r + 1] ?? "").split("\t");
    for (let c = 0; c < names.length; c++) {
      const cell = cells[c]?.trim() ?? "";
      const column = data[c];
      if (column) column[r] = cell === "" ? Number.NaN : Number(cell);
    }
  }
  return {
    names,
    columns: new Map(names.map((name, i) => [name, data[i] ?? new Float64Array()])),
    rows,
  };
}

/** Marker trajectory (mm) by name, e.g. "R.ASIS". */
export function marker(table: Table, name: string): Vec3[] {
  const x = table.columns.get(`${name}X`);
  const y = table.columns.get(`${name}Y`);
  const z = table.columns.get(`${name}Z`);
  if (!x || !y || !z) throw new Error(`marker ${name} is not in the file`);
  return Array.from(x, (_, i) => [x[i] ?? Number.NaN, y[i] ?? Number.NaN, z[i] ?? Number.NaN]);
}

/** Mean position of a marker over a (static) trial, ignoring gaps. */
export function meanMarker(table: Table, name: string): Vec3 {
  const points = marker(table, name).filter((p) => p.every(Number.isFinite));
  const sum = points.reduce<[number, number, number]>(
    (acc, p) => [acc[0] + p[0], acc[1] + p[1], acc[2] + p[2]],
    [0, 0, 0],
  );
  return [sum[0] / points.length, sum[1] / points.length, sum[2] / points.length];
}

export const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const scale = (a: Vec3, s: number): Vec3 => [a[0] * s, a[1] * s, a[2] * s];
export const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
export const norm = (a: Vec3): number => Math.sqrt(dot(a, a));
export const unit = (a: Vec3): Vec3 => scale(a, 1 / norm(a));
export const mid = (a: Vec3, b: Vec3): Vec3 => scale(add(a, b), 0.5);

/** An orthonormal frame from three markers: origin, and rows e1, e2, e3. */
interface Frame {
  origin: Vec3;
  axes: [Vec3, Vec3, Vec3];
}

function frameOf(markers: readonly [Vec3, Vec3, Vec3], origin: Vec3): Frame {
  const [a, b, c] = markers;
  const e1 = unit(sub(b, a));
  const e3 = unit(cross(e1, sub(c, a)));
  const e2 = cross(e3, e1);
  return { origin, axes: [e1, e2, e3] };
}

const toLocal = (f: Frame, p: Vec3): Vec3 => {
  const d = sub(p, f.origin);
  return [dot(f.axes[0], d), dot(f.axes[1], d), dot(f.axes[2], d)];
};
const toWorld = (f: Frame, p: Vec3): Vec3 =>
  add(f.origin, add(add(scale(f.axes[0], p[0]), scale(f.axes[1], p[1])), scale(f.axes[2], p[2])));

/**
 * Rebuilds an anatomical point (e.g. the knee centre) in every running frame: its position in
 * the frame of a four-marker cluster is taken from the static trial and carried along with the
 * cluster in the running trial.
 */
export function rebuildPoint(options: {
  run: Table;
  standing: Table;
  cluster: readonly [string, string, string, string];
  anatomical: Vec3;
}): Vec3[] {
  const { run, standing, cluster, anatomical } = options;
  const staticMarkers = cluster.map((name) => meanMarker(standing, name));
  const [s0, s1, s2, s3] = staticMarkers as [Vec3, Vec3, Vec3, Vec3];
  const staticFrame = frameOf([s0, s1, s2], scale(add(add(s0, s1), add(s2, s3)), 0.25));
  const local = toLocal(staticFrame, anatomical);
  const tracks = cluster.map((name) => marker(run, name));
  return Array.from({ length: run.rows }, (_, i) => {
    const [a, b, c, d] = tracks.map(
      (track) => track[i] ?? ([Number.NaN, Number.NaN, Number.NaN] as Vec3),
    ) as [Vec3, Vec3, Vec3, Vec3];
    return toWorld(frameOf([a, b, c], scale(add(add(a, b), add(c, d)), 0.25)), local);
  });
}

/**
 * Hip joint centres from the pelvis markers by the Harrington et al. (J Biomech 2007)
 * regression: offsets from the mid-ASIS point scaled by pelvis width and depth (mm).
 */
export function hipJointCentres(run: Table): { left: Vec3[]; right: Vec3[] } {
  const ra = marker(run, "R.ASIS");
  const la = marker(run, "L.ASIS");
  const rp = marker(run, "R.PSIS");
  const lp = marker(run, "L.PSIS");
  const widths: number[] = [];
  const depths: number[] = [];
  for (let i = 0; i < run.rows; i++) {
    const w = norm(sub(ra[i] ?? [0, 0, 0], la[i] ?? [0, 0, 0]));
    const d = norm(
      sub(mid(ra[i] ?? [0, 0, 0], la[i] ?? [0, 0, 0]), mid(rp[i] ?? [0, 0, 0], lp[i] ?? [0, 0, 0])),
    );
    if (Number.isFinite(w) && Number.isFinite(d)) {
      widths.push(w);
      depths.push(d);
    }
  }
  const medianOf = (v: number[]) =>
    [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? Number.NaN;
  const pw = medianOf(widths);
  const pd = medianOf(depths);
  const left: Vec3[] = [];
  const right: Vec3[] = [];
  for (let i = 0; i < run.rows; i++) {
    const r = ra[i] ?? [0, 0, 0];
    const l = la[i] ?? [0, 0, 0];
    const origin = mid(r, l);
    const z = unit(sub(r, l));
    const back = sub(origin, mid(rp[i] ?? [0, 0, 0], lp[i] ?? [0, 0, 0]));
    const x = unit(sub(back, scale(z, dot(back, z))));
    const y = cross(z, x);
    const base = add(add(origin, scale(x, -0.24 * pd - 9.9)), scale(y, -0.3 * pw - 10.9));
    const lateral = 0.33 * pw + 7.3;
    right.push(add(base, scale(z, lateral)));
    left.push(add(base, scale(z, -lateral)));
  }
  return { left, right };
}

/** Fills isolated missing frames of a trajectory by linear interpolation between neighbours. */
export function bridge(points: Vec3[]): Vec3[] {
  const out = points.map((p) => [...p] as [number, number, number]);
  for (let i = 0; i < out.length; i++) {
    if (out[i]?.every(Number.isFinite)) continue;
    let j = i + 1;
    while (j < out.length && !out[j]?.every(Number.isFinite)) j++;
    const before = out[i - 1];
    const after = out[j];
    for (let k = i; k < j; k++) {
      const f = (k - i + 1) / (j - i + 1);
      if (before && after)
        out[k] = [0, 1, 2].map(
          (c) => (before[c] ?? 0) + ((after[c] ?? 0) - (before[c] ?? 0)) * f,
        ) as [number, number, number];
      else if (before) out[k] = [...before];
      else if (after) out[k] = [...after];
    }
    i = j;
  }
  return out;
}
