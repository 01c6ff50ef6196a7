/**
 * Confidence-weighted smoothing of one keypoint's path: a constant-velocity Kalman filter run
 * forward, then the Rauch–Tung–Striebel pass backward (no phase shift). A point the model scored
 * low counts for less (its measurement noise grows as 1 / score); a point that jumps further than
 * a body can move in a frame is treated as an outlier and bridged.
 */

export interface SmoothOptions {
  sampleHz: number;
  /** Smoother bandwidth for a point scored 1, Hz; lower scores are smoothed more. */
  bandwidthHz: number;
  /** A measurement further than this from the prediction (px) is an outlier. */
  gatePx: number;
  /** Longest run of missing or rejected samples bridged; longer runs stay NaN. */
  maxGap: number;
}

export interface SmoothedPoint {
  x: Float64Array;
  y: Float64Array;
  /** Samples bridged (missing, low-scored or rejected, within maxGap). */
  filled: number;
  /** Samples rejected as outliers. */
  rejected: number;
}

/** After this many outliers in a row the point has really moved (e.g. a leg swap not undone): restart there. */
const RESTART_AFTER = 3;

/**
 * Smooths x, y (px) given per-sample weights (the model's score, 0–1; 0 = missing). Weights are
 * treated as measurement precision: variance ∝ 1 / weight². Returns NaN outside the bridged spans.
 */
export function smoothKeypoint(
  x: Float64Array,
  y: Float64Array,
  weight: Float64Array,
  options: SmoothOptions,
): SmoothedPoint {
  const n = x.length;
  const dt = 1 / options.sampleHz;
  // Continuous white-acceleration model: natural frequency (q / (r² dt))^¼ equals the bandwidth
  // for r = 1 px. Only the ratio q : r² shapes the smoother, so r = 1 px sets the units.
  const omega = 2 * Math.PI * Math.min(options.bandwidthHz, 0.3 * options.sampleHz);
  const q = omega ** 4 * dt;
  const q11 = (q * dt ** 3) / 3;
  const q12 = (q * dt ** 2) / 2;
  const q22 = q * dt;
  const velocityVar = (options.gatePx * options.sampleHz) ** 2;
  // Filtered state (position, velocity) for x and y, and covariance shared by both (same model, same R).
  const fx = new Float64Array(2 * n);
  const fy = new Float64Array(2 * n);
  const fP = new Float64Array(3 * n);
  const pP = new Float64Array(3 * n);
  const used = new Uint8Array(n);
  let started = false;
  let px = 0;
  let pvx = 0;
  let py = 0;
  let pvy = 0;
  let p11 = 0;
  let p12 = 0;
  let p22 = 0;
  let outliersInRow = 0;
  let rejected = 0;
  for (let i = 0; i < n; i++) {
    const w = weight[i] ?? 0;
    const zx = x[i] ?? Number.NaN;
    const zy = y[i] ?? Number.NaN;
    const seen = w > 0 && Number.isFinite(zx) && Number.isFinite(zy);
    if (!started) {
      if (!seen) continue;
      started = true;
      px = zx;
      py = zy;
      pvx = 0;
      pvy = 0;
      p11 = 1 / (w * w);
      p12 = 0;
      p22 = velocityVar;
      used[i] = 1;
      store(i);
      continue;
    }
    // Predict.
    px += pvx * dt;
    py += pvy * dt;
    let a11 = p11 + 2 * dt * p12 + dt * dt * p22 + q11;
    const a12 = p12 + dt * p22 + q12;
    let a22 = p22 + q22;
    if (seen) {
      const far = Math.hypot(zx - px, zy - py) > options.gatePx;
      if (far && outliersInRow < RESTART_AFTER - 1) {
        outliersInRow++;
        rejected++;
      } else {
        if (far) {
          // A sustained jump: restart from the measurement, forgetting the old path.
          a11 += options.gatePx ** 2;
          a22 += velocityVar;
        }
        outliersInRow = 0;
        const r = 1 / (w * w);
        const s = a11 + r;
        const k1 = a11 / s;
        const k2 = a12 / s;
        const ex = zx - px;
        const ey = zy - py;
        px += k1 * ex;
        pvx += k2 * ex;
        py += k1 * ey;
        pvy += k2 * ey;
        pP[3 * i] = a11;
        pP[3 * i + 1] = a12;
        pP[3 * i + 2] = a22;
        const n11 = (1 - k1) * a11;
        const n12 = (1 - k1) * a12;
        const n22 = a22 - k2 * a12;
        p11 = n11;
        p12 = n12;
        p22 = n22;
        used[i] = 1;
        store(i);
        continue;
      }
    }
    pP[3 * i] = a11;
    pP[3 * i + 1] = a12;
    pP[3 * i + 2] = a22;
    p11 = a11;
    p12 = a12;
    p22 = a22;
    store(i);
  }
  function store(i: number): void {
    fx[2 * i] = px;
    fx[2 * i + 1] = pvx;
    fy[2 * i] = py;
    fy[2 * i + 1] = pvy;
    fP[3 * i] = p11;
    fP[3 * i + 1] = p12;
    fP[3 * i + 2] = p22;
  }
  const outX = new Float64Array(n).fill(Number.NaN);
  const outY = new Float64Array(n).fill(Number.NaN);
  let last = -1;
  for (let i = n - 1; i >= 0; i--) {
    if (used[i]) {
      last = i;
      break;
    }
  }
  let first = -1;
  for (let i = 0; i < n; i++) {
    if (used[i]) {
      first = i;
      break;
    }
  }
  if (last < 0) return { x: outX, y: outY, filled: 0, rejected };
  // Backward (RTS) pass from the last used sample: s = f + C (s_next − prediction_next).
  let sx = fx[2 * last] ?? 0;
  let svx = fx[2 * last + 1] ?? 0;
  let sy = fy[2 * last] ?? 0;
  let svy = fy[2 * last + 1] ?? 0;
  outX[last] = sx;
  outY[last] = sy;
  for (let i = last - 1; i >= first; i--) {
    const f11 = fP[3 * i] ?? 0;
    const f12 = fP[3 * i + 1] ?? 0;
    const f22 = fP[3 * i + 2] ?? 0;
    const b11 = pP[3 * (i + 1)] ?? 0;
    const b12 = pP[3 * (i + 1) + 1] ?? 0;
    const b22 = pP[3 * (i + 1) + 2] ?? 0;
    // C = P_f Fᵀ P_pred⁻¹, with P_f Fᵀ = [[f11 + dt f12, f12], [f12 + dt f22, f22]].
    const det = b11 * b22 - b12 * b12;
    if (!(det > 0)) continue;
    const m11 = f11 + dt * f12;
    const m12 = f12;
    const m21 = f12 + dt * f22;
    const m22 = f22;
    const c11 = (m11 * b22 - m12 * b12) / det;
    const c12 = (m12 * b11 - m11 * b12) / det;
    const c21 = (m21 * b22 - m22 * b12) / det;
    const c22 = (m22 * b11 - m21 * b12) / det;
    const predX = (fx[2 * i] ?? 0) + dt * (fx[2 * i + 1] ?? 0);
    const predVx = fx[2 * i + 1] ?? 0;
    const predY = (fy[2 * i] ?? 0) + dt * (fy[2 * i + 1] ?? 0);
    const predVy = fy[2 * i + 1] ?? 0;
    const dX = sx - predX;
    const dVx = svx - predVx;
    const dY = sy - predY;
    const dVy = svy - predVy;
    sx = (fx[2 * i] ?? 0) + c11 * dX + c12 * dVx;
    svx = (fx[2 * i + 1] ?? 0) + c21 * dX + c22 * dVx;
    sy = (fy[2 * i] ?? 0) + c11 * dY + c12 * dVy;
    svy = (fy[2 * i + 1] ?? 0) + c21 * dY + c22 * dVy;
    outX[i] = sx;
    outY[i] = sy;
  }
  const filled = keepShortGaps(outX, outY, used, options.maxGap);
  return { x: outX, y: outY, filled, rejected };
}

/**
 * Leaves the smoother's bridge over gaps up to maxGap samples (ends: the nearest value held)
 * and NaN over longer ones. Returns the samples bridged.
 */
function keepShortGaps(x: Float64Array, y: Float64Array, used: Uint8Array, maxGap: number): number {
  const n = used.length;
  let filled = 0;
  let i = 0;
  while (i < n) {
    if (used[i]) {
      i++;
      continue;
    }
    let end = i;
    while (end < n && !used[end]) end++;
    const gap = end - i;
    const hold = i === 0 ? end : end === n ? i - 1 : -1;
    for (let k = i; k < end; k++) {
      if (gap > maxGap) {
        x[k] = Number.NaN;
        y[k] = Number.NaN;
      } else {
        if (hold >= 0) {
          x[k] = x[hold] ?? Number.NaN;
          y[k] = y[hold] ?? Number.NaN;
        }
        if (Number.isFinite(x[k] ?? Number.NaN)) filled++;
      }
    }
    i = end;
  }
  return filled;
}
