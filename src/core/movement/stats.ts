/** Mean, spread and count of a measure over steps or repetitions. */
export interface MetricSummary {
  mean: number;
  /** Sample standard deviation (n − 1); 0 for a single value. */
  sd: number;
  n: number;
  min: number;
  max: number;
}

/** Summary of the finite values in a list, or undefined when there are none. Values in any unit. */
export function summarize(values: readonly number[]): MetricSummary | undefined {
  const finite = values.filter(Number.isFinite);
  const n = finite.length;
  if (n === 0) return undefined;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of finite) {
    sum += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const mean = sum / n;
  let squares = 0;
  for (const v of finite) squares += (v - mean) ** 2;
  return { mean, sd: n > 1 ? Math.sqrt(squares / (n - 1)) : 0, n, min, max };
}

/** Rounds for display and storage: `places` decimals. */
export function round(value: number, places = 1): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}

/** A summary with every figure rounded to `places` decimals. */
export function roundSummary(summary: MetricSummary, places = 1): MetricSummary {
  return {
    mean: round(summary.mean, places),
    sd: round(summary.sd, places),
    n: summary.n,
    min: round(summary.min, places),
    max: round(summary.max, places),
  };
}
