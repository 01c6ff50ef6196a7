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

/** What the runner says about a run the watch recorded: the pain it cannot measure, and the plan level. */
export interface RunReport {
  /** 0–10 during the run. */
  painDuring: number;
  /** 0–10 after the run. */
  painAfter?: number;
  /** The return-to-run level run; absent for a run while rebuilding distance. */
  level?: number;
}

/**
 * A run as a training-log entry (the format of `hipcheck progress` and POST /api/runners/:id/logs),
 * in km; cadence and heart rate, which the log has no field for, go into its notes.
 */
export function runLogEntry(run: WatchRun, report: RunReport): Record<string, unknown> {
  const measured = [
    run.cadenceSpm === undefined ? "" : `${run.cadenceSpm} steps/min`,
    run.heartRateBpm === undefined ? "" : `${run.heartRateBpm} bpm`,
  ].filter(Boolean);
  return {
    date: run.date,
    type: "run",
    run: {
      ...(report.level === undefined ? {} : { level: report.level }),
      durationMin: run.durationMin,
      distance: run.distanceKm,
      distanceUnit: "km",
      painDuring: report.painDuring,
      ...(report.painAfter === undefined ? {} : { painAfter: report.painAfter }),
      notes: `From the watch file ${run.file}${measured.length ? `: ${measured.join(", ")}` : ""}.`,
    },
  };
}
