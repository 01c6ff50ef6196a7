/**
 * Cadence from a run of contacts: per foot, over the whole clip, and on the clip's own beat.
 * All in steps/min.
 */
import type { Side } from "../side.js";
import { type GaitStep, median } from "./gait-events.js";
import { type MetricSummary, summarize } from "./stats.js";

/** Cadence from one side's successive contacts: 2 steps per stride, steps/min. */
export function sideCadences(steps: readonly GaitStep[], side: Side): number[] {
  const own = steps.filter((s) => s.side === side);
  const strides: number[] = [];
  for (let i = 1; i < own.length; i++) {
    strides.push((own[i]?.contact ?? 0) - (own[i - 1]?.contact ?? 0));
  }
  if (strides.length === 0) return [];
  const typical = median(strides);
  return strides.filter((s) => s > 0.6 * typical && s < 1.5 * typical).map((s) => 120 / s);
}

/** Steps/min from every interval between successive contacts, skipping gaps where steps were missed. */
export function overallCadence(steps: readonly GaitStep[]): number[] {
  const intervals: number[] = [];
  for (let i = 1; i < steps.length; i++) {
    intervals.push((steps[i]?.contact ?? 0) - (steps[i - 1]?.contact ?? 0));
  }
  if (intervals.length === 0) return [];
  const typical = median(intervals);
  return intervals.filter((s) => s > 0.6 * typical && s < 1.5 * typical).map((s) => 60 / s);
}

/**
 * Summary of per-interval cadences whose mean is steps ÷ time (the harmonic mean), which
 * frame-to-frame jitter in contact times does not inflate.
 */
export function cadenceSummary(cadences: readonly number[]): MetricSummary | undefined {
  const summary = summarize(cadences);
  if (!summary) return undefined;
  const totalMinutes = cadences.reduce((sum, c) => sum + 1 / c, 0);
  return { ...summary, mean: cadences.length / totalMinutes };
}

/**
 * Cadence from the contacts kept on the clip's beat: each contact gets its beat number (the
 * rhythm says how many steps fall in each interval, one or more where a step was missed), and
 * the step time is the slope of contact time against beat number, fitted over every contact, so
 * the jitter of single contacts, including the first and the last, averages out.
 */
export function onTheBeat(steps: readonly GaitStep[], period: number): MetricSummary | undefined {
  if (steps.length < 2) return undefined;
  const cadences: number[] = [];
  const beats: number[] = [0];
  for (let i = 1; i < steps.length; i++) {
    const interval = (steps[i]?.contact ?? 0) - (steps[i - 1]?.contact ?? 0);
    const count = Math.max(1, Math.round(interval / period));
    beats.push((beats[i - 1] ?? 0) + count);
    cadences.push((60 * count) / interval);
  }
  const n = steps.length;
  const meanBeat = beats.reduce((a, b) => a + b, 0) / n;
  const meanTime = steps.reduce((a, s) => a + s.contact, 0) / n;
  let sxy = 0;
  let sxx = 0;
  steps.forEach((s, i) => {
    const dx = (beats[i] ?? 0) - meanBeat;
    sxy += dx * (s.contact - meanTime);
    sxx += dx * dx;
  });
  const summary = summarize(cadences);
  return summary && sxx > 0 && sxy > 0 ? { ...summary, mean: (60 * sxx) / sxy } : undefined;
}
