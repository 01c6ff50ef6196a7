import { DomainError } from "../errors.js";
import { formatNumber } from "../format.js";
import { as, type Milliseconds, type Newtons } from "../units.js";
import type { ForceTrace, ForceTraceResult } from "./strength.types.js";

/** The first 50 ms of a trace are taken as rest: their mean force is the baseline. */
export const BASELINE_WINDOW_MS = 50;
/** Onset: the first sample above baseline + 2.5 % of the rise from baseline to peak. */
export const ONSET_FRACTION_OF_PEAK = 0.025;
/** Windows for the rate of force development, ms from onset (VALD DynaMo reports RFD too). */
export const RFD_WINDOWS_MS = [50, 100, 200] as const;

const ONSET_METHOD = `Onset is the first moment force rises above the baseline (mean of the first ${BASELINE_WINDOW_MS} ms) by ${ONSET_FRACTION_OF_PEAK * 100} % of the rise to peak, interpolated between samples.`;

/**
 * Peak force (N), time to peak (ms from onset) and rate of force development (N/s) over
 * 0–50, 0–100 and 0–200 ms from onset, from a force–time trace sampled at `rateHz` > 0.
 * Throws a DomainError when the rate is not positive or the trace ends < 200 ms after onset.
 */
export function analyseForceTrace(trace: ForceTrace): ForceTraceResult {
  const { rateHz, samplesN: samples } = trace;
  if (!(rateHz > 0) || !Number.isFinite(rateHz)) {
    throw new DomainError(`The force trace's sampling rate must be above 0 Hz, got ${rateHz}.`);
  }
  if (samples.length < 2) {
    throw new DomainError(
      `The force trace has ${samples.length} sample${samples.length === 1 ? "" : "s"}; it needs a rise from rest to peak.`,
    );
  }
  const dtMs = 1000 / rateHz;
  const baselineCount = Math.max(1, Math.floor(BASELINE_WINDOW_MS / dtMs));
  const baseline = mean(samples.slice(0, baselineCount));

  let peakIndex = 0;
  samples.forEach((value, i) => {
    if (value > (samples[peakIndex] ?? value)) peakIndex = i;
  });
  const peak = samples[peakIndex] ?? baseline;
  if (!(peak > baseline)) {
    throw new DomainError(
      "The force trace never rises above its resting level, so it shows no contraction.",
    );
  }

  const threshold = baseline + ONSET_FRACTION_OF_PEAK * (peak - baseline);
  const onsetMs = onsetTime(samples, threshold, dtMs);
  const endMs = (samples.length - 1) * dtMs;
  const longestWindow = RFD_WINDOWS_MS[RFD_WINDOWS_MS.length - 1] ?? 200;
  if (endMs - onsetMs < longestWindow) {
    throw new DomainError(
      `The force trace ends ${formatNumber(endMs - onsetMs, 0)} ms after the contraction starts; it must run at least ${longestWindow} ms past onset to give the rate of force development.`,
    );
  }

  const forceAtOnset = forceAt(samples, onsetMs, dtMs);
  return {
    rateHz,
    baselineN: as<Newtons>(baseline),
    peakN: as<Newtons>(peak),
    onsetMs: as<Milliseconds>(onsetMs),
    timeToPeakMs: as<Milliseconds>(peakIndex * dtMs - onsetMs),
    rateOfForceDevelopment: RFD_WINDOWS_MS.map((windowMs) => ({
      windowMs,
      newtonsPerSecond:
        (forceAt(samples, onsetMs + windowMs, dtMs) - forceAtOnset) / (windowMs / 1000),
    })),
    onsetMethod: ONSET_METHOD,
  };
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Time (ms) at which the trace first exceeds `threshold`, by linear interpolation. */
function onsetTime(samples: readonly number[], threshold: number, dtMs: number): number {
  const index = samples.findIndex((value) => value > threshold);
  const current = samples[index];
  const previous = samples[index - 1];
  if (current === undefined || previous === undefined) return Math.max(0, index) * dtMs;
  return (index - 1 + (threshold - previous) / (current - previous)) * dtMs;
}

/** Force at any time (ms) within the trace, by linear interpolation between samples. */
function forceAt(samples: readonly number[], timeMs: number, dtMs: number): number {
  const position = timeMs / dtMs;
  const index = Math.floor(position);
  const before = samples[index];
  const after = samples[index + 1];
  if (before === undefined) return samples[samples.length - 1] ?? 0;
  if (after === undefined) return before;
  return before + (after - before) * (position - index);
}
