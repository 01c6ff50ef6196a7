/**
 * Signal processing on evenly sampled series: gap filling, zero-phase Butterworth low-pass,
 * derivatives. Arrays are Float64Array; NaN marks a missing sample.
 */

/** Coefficients of a second-order section: y = b·x − a·y (a0 = 1). */
export interface Biquad {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

/**
 * Second-order Butterworth low-pass by the bilinear transform with pre-warping.
 * cutoffHz must lie strictly between 0 and half of sampleHz (Nyquist).
 */
export function butterworthLowPass(cutoffHz: number, sampleHz: number): Biquad {
  if (!(cutoffHz > 0 && cutoffHz < sampleHz / 2)) {
    throw new RangeError(`cut-off ${cutoffHz} Hz must be between 0 and ${sampleHz / 2} Hz`);
  }
  const k = Math.tan((Math.PI * cutoffHz) / sampleHz);
  const k2 = k * k;
  const norm = 1 / (1 + Math.SQRT2 * k + k2);
  const b0 = k2 * norm;
  return { b0, b1: 2 * b0, b2: b0, a1: 2 * (k2 - 1) * norm, a2: (1 - Math.SQRT2 * k + k2) * norm };
}

/**
 * Two passes of a second-order filter (forward, then backward) make a fourth-order response;
 * its −3 dB point falls below the single-pass cut-off by this factor, so the design cut-off is
 * divided by it (Winter, Biomechanics and Motor Control of Human Movement, 4th ed., §3.4.4.3).
 */
export const DOUBLE_PASS_CORRECTION = 0.802;

/** Filters `x[from..to)` in place, one direction, starting from the steady state of `x[from]`. */
function runBiquad(
  f: Biquad,
  x: Float64Array,
  options: { from: number; to: number; reverse: boolean },
): void {
  const { from, to, reverse } = options;
  const start = reverse ? to - 1 : from;
  const step = reverse ? -1 : 1;
  const count = to - from;
  const x0 = x[start] ?? 0;
  // Steady state for a constant input x0 (DC gain 1), so the output starts without a jump.
  let z2 = (f.b2 - f.a2) * x0;
  let z1 = (f.b1 - f.a1) * x0 + z2;
  for (let n = 0, i = start; n < count; n++, i += step) {
    const xi = x[i] ?? 0;
    const yi = f.b0 * xi + z1;
    z1 = f.b1 * xi - f.a1 * yi + z2;
    z2 = f.b2 * xi - f.a2 * yi;
    x[i] = yi;
  }
}

/**
 * Zero-phase low-pass (forward–backward second-order Butterworth, with the double-pass
 * correction) of a series sampled at sampleHz. NaN samples split the series into runs, each
 * filtered alone; the ends are padded by odd reflection to avoid edge transients.
 */
export function lowPassZeroPhase(
  values: Float64Array,
  options: { cutoffHz: number; sampleHz: number },
): Float64Array {
  const nyquist = options.sampleHz / 2;
  const design = Math.min(options.cutoffHz / DOUBLE_PASS_CORRECTION, nyquist * 0.95);
  const filter = butterworthLowPass(design, options.sampleHz);
  const out = new Float64Array(values.length);
  const pad = Math.max(6, Math.round((3 * options.sampleHz) / Math.max(design, 0.1)));
  let i = 0;
  while (i < values.length) {
    if (!Number.isFinite(values[i] ?? Number.NaN)) {
      out[i] = Number.NaN;
      i++;
      continue;
    }
    let end = i;
    while (end < values.length && Number.isFinite(values[end] ?? Number.NaN)) end++;
    filterRun(values, out, { from: i, to: end, pad, filter });
    i = end;
  }
  return out;
}

function filterRun(
  values: Float64Array,
  out: Float64Array,
  options: { from: number; to: number; pad: number; filter: Biquad },
): void {
  const { from, to, filter } = options;
  const n = to - from;
  if (n < 4) {
    out.set(values.subarray(from, to), from);
    return;
  }
  const pad = Math.min(options.pad, n - 1);
  const work = new Float64Array(n + 2 * pad);
  const first = values[from] ?? 0;
  const last = values[to - 1] ?? 0;
  for (let k = 0; k < pad; k++) {
    // Odd reflection about the end points keeps level and slope continuous.
    work[pad - 1 - k] = 2 * first - (values[from + 1 + k] ?? first);
    work[pad + n + k] = 2 * last - (values[to - 2 - k] ?? last);
  }
  work.set(values.subarray(from, to), pad);
  runBiquad(filter, work, { from: 0, to: work.length, reverse: false });
  runBiquad(filter, work, { from: 0, to: work.length, reverse: true });
  out.set(work.subarray(pad, pad + n), from);
}

/**
 * Fills missing samples (NaN) by straight lines between the neighbours, for gaps up to
 * maxGap samples; at the ends the nearest sample is held. Longer gaps stay NaN.
 * Returns the number of samples filled.
 */
export function fillGaps(values: Float64Array, maxGap: number): number {
  const n = values.length;
  let filled = 0;
  let i = 0;
  while (i < n) {
    if (Number.isFinite(values[i] ?? Number.NaN)) {
      i++;
      continue;
    }
    let end = i;
    while (end < n && !Number.isFinite(values[end] ?? Number.NaN)) end++;
    const gap = end - i;
    if (gap <= maxGap) {
      const before = i > 0 ? values[i - 1] : undefined;
      const after = end < n ? values[end] : undefined;
      for (let k = i; k < end; k++) {
        if (before !== undefined && after !== undefined) {
          values[k] = before + ((after - before) * (k - i + 1)) / (gap + 1);
        } else if (before !== undefined) values[k] = before;
        else if (after !== undefined) values[k] = after;
        else continue;
        filled++;
      }
    }
    i = end;
  }
  return filled;
}

/** Central-difference derivative per second (one-sided at the ends); NaN where a neighbour is NaN. */
export function derivative(values: Float64Array, sampleHz: number): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  if (n < 2) return out.fill(Number.NaN);
  for (let i = 0; i < n; i++) {
    const lo = i === 0 ? 0 : i - 1;
    const hi = i === n - 1 ? n - 1 : i + 1;
    out[i] = (((values[hi] ?? Number.NaN) - (values[lo] ?? Number.NaN)) * sampleHz) / (hi - lo);
  }
  return out;
}
