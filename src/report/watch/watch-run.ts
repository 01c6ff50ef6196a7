/** A run as a watch recorded it, and the training entries and cadence evidence made from runs. */

import type { MovementEvidence } from "../../core/movement/evidence.js";
import { DEFAULT_MOVEMENT_THRESHOLDS } from "../../core/movement/movement-thresholds.js";

export interface WatchRun {
  /** The file it came from, for messages. */
  file: string;
  /** Start, ISO 8601 (UTC). */
  startTime: string;
  /** Calendar day of the start in the watch's local time when the file says it, else UTC. */
  date: string;
  durationMin: number;
  distanceKm: number;
  /** Minutes per km. */
  paceMinPerKm: number;
  /** Steps a minute (both feet). */
  cadenceSpm?: number;
  heartRateBpm?: number;
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/** Builds a WatchRun from its totals; pace follows from distance and time. */
export function watchRun(fields: Omit<WatchRun, "paceMinPerKm">): WatchRun {
  return {
    ...fields,
    durationMin: round(fields.durationMin, 2),
    distanceKm: round(fields.distanceKm, 3),
    paceMinPerKm: round(fields.durationMin / fields.distanceKm, 2),
    ...(fields.cadenceSpm === undefined ? {} : { cadenceSpm: round(fields.cadenceSpm, 1) }),
    ...(fields.heartRateBpm === undefined ? {} : { heartRateBpm: Math.round(fields.heartRateBpm) }),
  };
}

/** The assessment's `training.runs` entries (km), oldest first. */
export function trainingRuns(runs: readonly WatchRun[]): Record<string, number | string>[] {
  return [...runs]
    .sort((a, b) => a.startTime.localeCompare(b.startTime))
    .map((r) => ({
      date: r.date,
      distance: r.distanceKm,
      durationMin: r.durationMin,
      ...(r.cadenceSpm === undefined ? {} : { cadenceSpm: r.cadenceSpm }),
      ...(r.heartRateBpm === undefined ? {} : { heartRateBpm: r.heartRateBpm }),
    }));
}

/**
 * The watch's cadence as movement evidence: the time-weighted mean over the runs that have one,
 * judged against the clinic default for low cadence (163 steps/min; heiderscheit-2011).
 * A watch counts steps well, so confidence is moderate; it says nothing about form.
 */
export function watchCadenceEvidence(
  runs: readonly WatchRun[],
  lowCadence = DEFAULT_MOVEMENT_THRESHOLDS.lowCadence,
): MovementEvidence[] {
  const withCadence = runs.filter((r) => r.cadenceSpm !== undefined);
  if (withCadence.length === 0) return [];
  const minutes = withCadence.reduce((sum, r) => sum + r.durationMin, 0);
  const mean =
    withCadence.reduce((sum, r) => sum + (r.cadenceSpm ?? 0) * r.durationMin, 0) / minutes;
  const present = mean < lowCadence;
  return [
    {
      task: "running",
      sign: "low-cadence",
      present,
      measured: {
        value: round(mean, 1),
        unit: "steps/min",
        reference: `below ${lowCadence} steps/min (clinic default; recreational runners about 171 ± 8)`,
      },
      confidence: "moderate",
      method: "watch",
      observation: `Watch cadence ${Math.round(mean)} steps/min, averaged over ${withCadence.length} run${withCadence.length === 1 ? "" : "s"} (${Math.round(minutes)} min)${present ? `: raising it by 5–10 % (to about ${Math.round(mean * 1.05)}–${Math.round(mean * 1.1)}) would lower the load on the knee` : ""}.`,
      source: "heiderscheit-2011",
    },
  ];
}
