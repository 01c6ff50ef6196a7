/**
 * Indices of local maxima of `values` at least `minDistance` samples apart; where two are
 * closer, the higher one is kept (as scipy.signal.find_peaks does with `distance`).
 */
export function findPeaks(values: Float64Array, minDistance: number): number[] {
  const candidates: number[] = [];
  const n = values.length;
  for (let i = 1; i < n - 1; i++) {
    const v = values[i] ?? Number.NaN;
    if (!Number.isFinite(v)) continue;
    const before = values[i - 1] ?? Number.NaN;
    if (!(v > before)) continue;
    // A flat top counts once, at its first sample.
    let j = i + 1;
    while (j < n && values[j] === v) j++;
    const after = values[j] ?? Number.NaN;
    if (v > after) candidates.push(i);
  }
  if (minDistance <= 1) return candidates;
  const byHeight = [...candidates].sort((a, b) => (values[b] ?? 0) - (values[a] ?? 0));
  const kept = new Uint8Array(n);
  const blocked = new Uint8Array(n);
  for (const index of byHeight) {
    if (blocked[index]) continue;
    kept[index] = 1;
    const from = Math.max(0, index - minDistance + 1);
    const to = Math.min(n - 1, index + minDistance - 1);
    for (let k = from; k <= to; k++) blocked[k] = 1;
  }
  return candidates.filter((index) => kept[index] === 1);
}

/** Negated copy, to find minima with findPeaks. */
export function negate(values: Float64Array): Float64Array {
  return values.map((v) => -v);
}
