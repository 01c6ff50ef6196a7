import { dayNumber } from "../calendar-date.js";
import type { LoadSettings } from "../settings.js";
import { formatDistance, formatPercent, plural, roundTo } from "./format.js";
import type { LoadCheck, RunRecord, TrainingHistory } from "./load.types.js";

/*
 * Load rules used to explain knee pain and to check a runner's history.
 *
 * Deliberately NOT used as gates:
 * - the acute:chronic workload ratio: its apparent link with injury is a statistical
 *   artefact of ratio coupling (impellizzeri-2020);
 * - the "10 % a week" rule: novices on a 10 %-a-week plan were injured as often as on a
 *   faster plan (buist-2008).
 */

/** Window of the single-run rule: the longest run of the 30 days before a run (frandsen-2025). */
export const SPIKE_WINDOW_DAYS = 30;
/** A return after a break counts when running resumed at most this many weeks ago (seed-003: pain starts soon after restarting). */
export const RECENT_RETURN_WEEKS = 8;
/** Percentages are compared at this many decimals, so float noise (11 ÷ 10 = 1.1000000000000001) never trips a rule. */
const PERCENT_DECIMALS = 6;

/** Percent by which `value` exceeds `base` (base > 0): 11 vs 10 → 10. */
export function percentIncrease(value: number, base: number): number {
  return roundTo(((value - base) / base) * 100, PERCENT_DECIMALS);
}

/**
 * Applies the three load rules to a training history: two-week weekly-distance increase
 * (nielsen-2014), single-run spike (frandsen-2025) and return after a break (seed-003).
 * Distances in km. Always returns the three checks, in that order.
 */
export function checkLoad(history: TrainingHistory, settings: LoadSettings): LoadCheck[] {
  return [
    checkTwoWeekIncrease(history.weeklyDistanceKm, settings),
    checkSingleRunSpike(history, settings),
    checkReturnAfterBreak(history, settings),
  ];
}

function weekName(weeksBeforeLatest: number): string {
  if (weeksBeforeLatest === 0) return "the latest week";
  if (weeksBeforeLatest === 1) return "the week before";
  return `${weeksBeforeLatest} weeks before the latest`;
}

/**
 * Two-week rule (nielsen-2014): each week's distance against the week two weeks before it,
 * i.e. the growth accumulated over two weeks of progression. Every such pair in the history
 * (up to 8 weeks, oldest first) is checked and the largest increase is reported.
 */
export function checkTwoWeekIncrease(
  weeklyKm: readonly number[],
  settings: LoadSettings,
): LoadCheck {
  const limit = settings.twoWeekIncreasePercent;
  const base = {
    rule: "two-week-increase" as const,
    threshold: `more than ${formatPercent(limit)} over two weeks`,
    source: "nielsen-2014" as const,
  };
  let worst: { percent: number; from: number; to: number; index: number } | undefined;
  for (let index = 2; index < weeklyKm.length; index++) {
    const from = weeklyKm[index - 2] ?? 0;
    const to = weeklyKm[index] ?? 0;
    // A week of 0 km is a break, judged by the return-after-a-break rule; it is not a base here.
    if (from <= 0) continue;
    const percent = percentIncrease(to, from);
    if (!worst || percent > worst.percent) worst = { percent, from, to, index };
  }
  if (!worst) {
    return {
      ...base,
      evaluated: false,
      triggered: false,
      detail:
        weeklyKm.length < 3
          ? `The two-week rule needs at least 3 weeks of weekly distance; ${weeklyKm.length} given.`
          : "The two-week rule found no week with running two weeks before another week to compare with.",
      value: "not enough data",
    };
  }
  const triggered = worst.percent > limit;
  const lastIndex = weeklyKm.length - 1;
  const span = `${formatDistance(worst.from, settings.distanceUnit)} → ${formatDistance(worst.to, settings.distanceUnit)}, ${weekName(lastIndex - worst.index + 2)} to ${weekName(lastIndex - worst.index)}`;
  const signed = `${worst.percent >= 0 ? "+" : "−"}${formatPercent(Math.abs(worst.percent))}`;
  const breakNote = weeklyKm.some((km) => km <= 0)
    ? " Weeks without running are judged by the return-after-a-break rule."
    : "";
  return {
    ...base,
    evaluated: true,
    triggered,
    detail: triggered
      ? `Weekly distance rose ${formatPercent(worst.percent)} over two weeks (${span}), more than ${formatPercent(limit)}.${breakNote}`
      : `The largest two-week change between running weeks was ${signed} (${span}), within ${formatPercent(limit)}.${breakNote}`,
    value: signed,
  };
}

/** The longest run in the `SPIKE_WINDOW_DAYS` days before `day` (same-day runs excluded), or undefined. */
export function longestBefore(runs: readonly RunRecord[], day: number): number | undefined {
  let longest: number | undefined;
  for (const run of runs) {
    const gap = day - dayNumber(run.date);
    if (
      gap >= 1 &&
      gap <= SPIKE_WINDOW_DAYS &&
      (longest === undefined || run.distanceKm > longest)
    ) {
      longest = run.distanceKm;
    }
  }
  return longest;
}

/**
 * Single-run rule (frandsen-2025): a run more than `singleRunSpikePercent` longer than the
 * longest run of the 30 days before it. With dated runs every run is checked against its
 * own window and the worst is reported; otherwise the latest run against the longest recent one.
 */
export function checkSingleRunSpike(history: TrainingHistory, settings: LoadSettings): LoadCheck {
  const limit = settings.singleRunSpikePercent;
  const base = {
    rule: "single-run-spike" as const,
    threshold: `more than ${formatPercent(limit)} longer than the longest run of the previous ${SPIKE_WINDOW_DAYS} days`,
    source: "frandsen-2025" as const,
  };
  const runs = history.runs ?? [];
  let worst: { percent: number; run: number; longest: number; date?: string } | undefined;
  if (runs.length > 0) {
    for (const run of runs) {
      const longest = longestBefore(runs, dayNumber(run.date));
      if (longest === undefined || longest <= 0) continue;
      const percent = percentIncrease(run.distanceKm, longest);
      if (!worst || percent > worst.percent) {
        worst = { percent, run: run.distanceKm, longest, date: run.date };
      }
    }
    if (!worst) {
      return {
        ...base,
        evaluated: false,
        triggered: false,
        detail: `The single-run rule found no run with an earlier run in the ${SPIKE_WINDOW_DAYS} days before it to compare with.`,
        value: "not enough data",
      };
    }
  } else {
    const { latestRunKm, longestRecentRunKm } = history;
    if (latestRunKm === undefined || longestRecentRunKm === undefined || longestRecentRunKm <= 0) {
      return {
        ...base,
        evaluated: false,
        triggered: false,
        detail: `The single-run rule needs the latest run and the longest run of the ${SPIKE_WINDOW_DAYS} days before it (or dated runs).`,
        value: "not enough data",
      };
    }
    worst = {
      percent: percentIncrease(latestRunKm, longestRecentRunKm),
      run: latestRunKm,
      longest: longestRecentRunKm,
    };
  }
  const triggered = worst.percent > limit;
  const which = worst.date ? `The run on ${worst.date}` : "The latest run";
  const numbers = `${formatDistance(worst.run, settings.distanceUnit)} against ${formatDistance(worst.longest, settings.distanceUnit)}`;
  return {
    ...base,
    evaluated: true,
    triggered,
    detail: triggered
      ? `${which} was ${formatPercent(worst.percent)} longer than the longest run of the ${SPIKE_WINDOW_DAYS} days before it (${numbers}), more than ${formatPercent(limit)}.`
      : `No run was more than ${formatPercent(limit)} longer than the longest of the ${SPIKE_WINDOW_DAYS} days before it (largest step: ${which.toLowerCase()}, ${numbers}).`,
    value: `${worst.percent >= 0 ? "+" : "−"}${formatPercent(Math.abs(worst.percent))}`,
  };
}

/** A break seen in the weekly distances: weeks with no running between weeks with running. */
export interface WeeklyBreak {
  /** Whole weeks at 0 km. */
  weeks: number;
  /** Distance of the last week before the break, km. */
  beforeKm: number;
  /** Distance of the first week back, km. */
  returnKm: number;
  /** Weeks since running resumed: 1 when the first week back is the latest week. */
  resumedWeeksAgo: number;
}

/**
 * The latest break in a weekly history (oldest first): a stretch of 0 km weeks with running
 * before and after it. Zero weeks are real data, never skipped (mujika-2000: conditioning is
 * lost within weeks of stopping). Undefined when there is none.
 */
export function latestWeeklyBreak(weeklyKm: readonly number[]): WeeklyBreak | undefined {
  let found: WeeklyBreak | undefined;
  let lastRunIndex: number | undefined;
  weeklyKm.forEach((km, index) => {
    if (km <= 0) return;
    const zeroWeeks = lastRunIndex === undefined ? 0 : index - lastRunIndex - 1;
    if (lastRunIndex !== undefined && zeroWeeks >= 1)
      found = {
        weeks: zeroWeeks,
        beforeKm: weeklyKm[lastRunIndex] ?? 0,
        returnKm: km,
        resumedWeeksAgo: weeklyKm.length - index,
      };
    lastRunIndex = index;
  });
  return found;
}

/**
 * Return-after-a-break rule (seed-003: pain often starts when running resumes; mujika-2000:
 * conditioning is lost within weeks of stopping): a break of at least `breakWeeks` weeks —
 * recorded as `breakFromRunning` or seen as 0 km weeks in the weekly history — with running
 * resumed 1–8 weeks ago. A short break counts as much as a long one.
 */
export function checkReturnAfterBreak(history: TrainingHistory, settings: LoadSettings): LoadCheck {
  const base = {
    rule: "return-after-break" as const,
    threshold: `a break of ${plural(settings.breakWeeks, "week")} or more, running resumed within the last ${RECENT_RETURN_WEEKS} weeks`,
    source: "seed-003" as const,
  };
  const weekly = latestWeeklyBreak(history.weeklyDistanceKm);
  const recorded = history.breakFromRunning;
  const weeklyCounts =
    weekly !== undefined &&
    weekly.weeks >= settings.breakWeeks &&
    (recorded === undefined || !recordedBreakTriggers(recorded, settings));
  if (weeklyCounts && weekly) {
    const unit = settings.distanceUnit;
    const change = percentIncrease(weekly.returnKm, weekly.beforeKm);
    const back =
      weekly.resumedWeeksAgo === 1 ? "in the latest week" : `${weekly.resumedWeeksAgo} weeks ago`;
    const comparison =
      change > 0
        ? `${formatPercent(change)} more than the ${formatDistance(weekly.beforeKm, unit)} of the week before the break`
        : change === 0
          ? `as much as the week before the break`
          : `${formatPercent(-change)} less than the ${formatDistance(weekly.beforeKm, unit)} of the week before the break`;
    return {
      ...base,
      evaluated: true,
      triggered: true,
      source: "mujika-2000",
      detail: `${plural(weekly.weeks, "week")} without running, then ${formatDistance(weekly.returnKm, unit)} ${back}, ${comparison}: even a short break costs conditioning, so the first weeks back should stay below the load before the break.`,
      value: `break ${plural(weekly.weeks, "week")} (weekly distances), back at ${formatDistance(weekly.returnKm, unit)}`,
    };
  }
  if (!recorded) {
    return {
      ...base,
      evaluated: weekly !== undefined || history.weeklyDistanceKm.length > 0,
      triggered: false,
      detail:
        weekly !== undefined
          ? `The ${weekly.weeks}-week break in the weekly distances is shorter than the ${plural(settings.breakWeeks, "week")} set as a break.`
          : history.weeklyDistanceKm.length > 0
            ? "No break from running: no week without running between running weeks, and none recorded."
            : "No break from running was recorded and no weekly distances were given, so the return-after-a-break rule was not applied.",
      value: "no break",
    };
  }
  return recordedBreakCheck(recorded, settings, base);
}

function recordedBreakTriggers(
  pause: { weeks: number; resumedWeeksAgo: number },
  settings: LoadSettings,
): boolean {
  return (
    pause.weeks >= settings.breakWeeks &&
    pause.resumedWeeksAgo >= 1 &&
    pause.resumedWeeksAgo <= RECENT_RETURN_WEEKS
  );
}

function recordedBreakCheck(
  pause: { weeks: number; resumedWeeksAgo: number },
  settings: LoadSettings,
  base: Pick<LoadCheck, "rule" | "threshold" | "source">,
): LoadCheck {
  const longBreak = pause.weeks >= settings.breakWeeks;
  const resumed = pause.resumedWeeksAgo >= 1;
  const triggered = recordedBreakTriggers(pause, settings);
  const value = `break ${pause.weeks} weeks, resumed ${resumed ? `${pause.resumedWeeksAgo} weeks ago` : "not yet"}`;
  let detail: string;
  if (triggered) {
    detail = `Running resumed ${pause.resumedWeeksAgo} weeks ago after a ${pause.weeks}-week break: the tissues have not yet adapted to running again.`;
  } else if (!longBreak) {
    detail = `A ${pause.weeks}-week break is shorter than the ${plural(settings.breakWeeks, "week")} set as a break.`;
  } else if (!resumed) {
    detail = `After a ${pause.weeks}-week break running has not resumed yet: start with the walk/run levels of the return-to-run plan.`;
  } else {
    detail = `Running resumed ${pause.resumedWeeksAgo} weeks ago after a ${pause.weeks}-week break, longer ago than the ${RECENT_RETURN_WEEKS} weeks in which a return explains new pain.`;
  }
  return { ...base, evaluated: true, triggered, detail, value };
}
