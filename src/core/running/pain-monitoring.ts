import { mondayOf } from "../calendar-date.js";
import type { PainSettings } from "../settings.js";
import type { SourceId } from "../sources.js";
import { formatPain, plural, roundTo } from "./format.js";
import type { RunSessionLog, TrainingLogEntry } from "./logs.types.js";
import type { RunPlanSettings } from "./run-settings.js";

/** The pain-monitoring zones (silbernagel-2007): 0–3 safe, 4–5 acceptable, above 5 too much. */
export type PainZone = "safe" | "acceptable" | "too-much";

/** Zone of a pain score (0–10) under the clinic's thresholds (silbernagel-2007). */
export function painZone(pain: number, settings: PainSettings): PainZone {
  if (pain <= settings.safeMax) return "safe";
  if (pain <= settings.acceptableMax) return "acceptable";
  return "too-much";
}

/** The worst pain recorded for a session, 0–10: during, after, next morning, or any exercise. */
export function sessionPeakPain(entry: TrainingLogEntry): number {
  if (entry.type === "run") return runPeakPain(entry.run);
  return Math.max(0, ...entry.exercises.map((e) => e.pain));
}

/** The worst of a run's pain during, after and the next morning, 0–10. */
export function runPeakPain(run: RunSessionLog): number {
  return Math.max(run.painDuring, run.painAfter ?? 0, run.painNextMorning ?? 0);
}

export type PainDirection = "better" | "same" | "worse";

/** Pain over one Monday-to-Sunday week. Means are rounded to 0.1, as shown. */
export interface WeeklyPain {
  /** The Monday of the week. */
  weekStart: string;
  /** Logged sessions (runs and strength days) with pain recorded. */
  sessions: number;
  /** Mean of each session's worst pain, 0–10. */
  meanPeakPain: number;
  maxPeakPain: number;
  /** Mean next-morning pain after runs, when recorded. */
  meanNextMorningPain?: number;
  /** Change in meanPeakPain from the previous week with sessions, points. */
  change?: number;
  direction?: PainDirection;
}

/**
 * Weekly pain summary, oldest first: per Monday-to-Sunday week with sessions, the mean and
 * worst session pain (0–10) and the change on the previous such week; a change of at least
 * `painRiseMin` points is "worse" or "better" (silbernagel-2007: pain must not rise week to week).
 */
export function weeklyPainTrend(
  logs: readonly TrainingLogEntry[],
  settings: RunPlanSettings,
): WeeklyPain[] {
  const byWeek = new Map<string, TrainingLogEntry[]>();
  for (const entry of logs) {
    const week = mondayOf(entry.date);
    byWeek.set(week, [...(byWeek.get(week) ?? []), entry]);
  }
  const weeks = [...byWeek.keys()].sort();
  const result: WeeklyPain[] = [];
  for (const weekStart of weeks) {
    const entries = byWeek.get(weekStart) ?? [];
    const peaks = entries.map(sessionPeakPain);
    const mornings = entries.flatMap((e) =>
      e.type === "run" && e.run.painNextMorning !== undefined ? [e.run.painNextMorning] : [],
    );
    const meanPeakPain = roundTo(mean(peaks), 1);
    const week: WeeklyPain = {
      weekStart,
      sessions: entries.length,
      meanPeakPain,
      maxPeakPain: Math.max(...peaks),
    };
    if (mornings.length > 0) week.meanNextMorningPain = roundTo(mean(mornings), 1);
    const previous = result[result.length - 1];
    if (previous) {
      const change = roundTo(meanPeakPain - previous.meanPeakPain, 1);
      week.change = change;
      week.direction =
        change >= settings.run.painRiseMin
          ? "worse"
          : change <= -settings.run.painRiseMin
            ? "better"
            : "same";
    }
    result.push(week);
  }
  return result;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);
}

export interface PainTrendAssessment {
  /** Pain rose `worseningWeeks` weeks running, up to the latest week. */
  worsening: boolean;
  /** Mean pain above the safe maximum `persistentPainWeeks` weeks running, up to the latest. */
  persistent: boolean;
  /** With the weekly numbers; empty when neither. */
  reasons: string[];
  source: SourceId;
}

/**
 * Whether pain worsens week over week (silbernagel-2007) or persists above the safe zone
 * (seed-000: pain that persists or worsens needs a professional assessment), judged on the
 * trailing weeks of the trend.
 */
export function assessPainTrend(
  weeks: readonly WeeklyPain[],
  settings: RunPlanSettings,
): PainTrendAssessment {
  const { worseningWeeks, persistentPainWeeks } = settings.run;
  const { safeMax } = settings.pain;
  const rising = trailing(weeks, (w) => w.direction === "worse");
  const high = trailing(weeks, (w) => w.meanPeakPain > safeMax);
  const worsening = rising.length >= worseningWeeks;
  const persistent = high.length >= persistentPainWeeks;
  const reasons: string[] = [];
  if (worsening) {
    const from = weeks[weeks.length - rising.length - 1];
    const path = [from, ...rising]
      .flatMap((w) => (w ? [formatPain(w.meanPeakPain)] : []))
      .join(" → ");
    reasons.push(
      `Knee pain has got worse ${plural(rising.length, "week")} in a row (weekly mean ${path}).`,
    );
  }
  if (persistent) {
    reasons.push(
      `Knee pain has stayed above ${formatPain(safeMax)} for ${plural(high.length, "week")} (weekly mean ${high.map((w) => formatPain(w.meanPeakPain)).join(", ")}).`,
    );
  }
  return { worsening, persistent, reasons, source: worsening ? "silbernagel-2007" : "seed-000" };
}

/** The longest run of weeks at the end of the list that all satisfy `test`. */
function trailing(weeks: readonly WeeklyPain[], test: (week: WeeklyPain) => boolean): WeeklyPain[] {
  let start = weeks.length;
  while (start > 0 && test(weeks[start - 1] as WeeklyPain)) start--;
  return weeks.slice(start);
}
