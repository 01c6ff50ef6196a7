import type { SourceId } from "../sources.js";

/** One run, dated in the runner's local calendar. */
export interface RunRecord {
  /** YYYY-MM-DD */
  date: string;
  distanceKm: number;
  durationMin?: number;
  /** Average steps a minute, from a watch. */
  cadenceSpm?: number;
  /** Average heart rate, beats a minute, from a watch or chest strap. */
  heartRateBpm?: number;
}

/**
 * Recent running, as entered at intake (distances already converted to km).
 * Quick form: weekly totals plus the longest and latest run. Full form: dated runs.
 */
export interface TrainingHistory {
  /** Weekly distance, oldest first; the last entry is the most recent week. Up to 8 weeks. */
  weeklyDistanceKm: number[];
  /** Longest run in the 30 days before the latest run. */
  longestRecentRunKm?: number;
  /** The latest run. */
  latestRunKm?: number;
  /** Dated runs; when present they take precedence for the single-run rule. */
  runs?: RunRecord[];
  /** A break from running: its length, and how long ago running resumed (0 = not yet). */
  breakFromRunning?: { weeks: number; resumedWeeksAgo: number };
}

export type LoadRule = "two-week-increase" | "single-run-spike" | "return-after-break";

/** The outcome of one load rule, with the numbers it was judged on. */
export interface LoadCheck {
  rule: LoadRule;
  /** false when the history lacks the data this rule needs (then `detail` says what is missing). */
  evaluated: boolean;
  triggered: boolean;
  /** Plain statement of what was found, e.g. "Weekly distance rose 45 % in two weeks (20 → 29 km)". */
  detail: string;
  value: string;
  threshold: string;
  source: SourceId;
}
