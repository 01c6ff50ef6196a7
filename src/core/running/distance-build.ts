import { addDays, dayNumber } from "../calendar-date.js";
import { DomainError } from "../errors.js";
import { formatDistance, formatPercent } from "./format.js";
import { longestBefore, SPIKE_WINDOW_DAYS } from "./load.js";
import type { RunRecord } from "./load.types.js";
import type { RunPlanSettings } from "./run-settings.js";

/*
 * Rebuilding distance after the walk/run levels. Distances are planned in whole tenths of a
 * kilometre and always rounded down, so a planned run can never exceed a limit by rounding.
 */

const TENTHS_PER_KM = 10;
/** Absorbs float noise when a limit is exactly a whole number of tenths (e.g. 10 × 1.1). */
const FLOAT_SLACK = 1e-9;

/** Rounds a distance down to 0.1 km (float noise of exact tenths absorbed). */
export const floorToTenth = (km: number): number =>
  Math.floor(km * TENTHS_PER_KM + FLOAT_SLACK) / TENTHS_PER_KM;

/** Sum of distances of runs dated from `fromDay` to `toDay`, inclusive (day numbers). */
function kmBetween(
  runs: readonly { day: number; distanceKm: number }[],
  fromDay: number,
  toDay: number,
): number {
  let sum = 0;
  for (const run of runs) {
    if (run.day >= fromDay && run.day <= toDay) sum += run.distanceKm;
  }
  return sum;
}

/** The run days of a 7-day week, as offsets from its first day: evenly spaced. */
export function weekRunOffsets(settings: RunPlanSettings): number[] {
  const { runsPerWeek, minRestDaysBetweenRuns } = settings.run;
  const gap = Math.floor(7 / runsPerWeek);
  const wrapGap = 7 - gap * (runsPerWeek - 1);
  if (
    !Number.isInteger(runsPerWeek) ||
    runsPerWeek < 1 ||
    Math.min(gap, wrapGap) < minRestDaysBetweenRuns + 1
  ) {
    throw new DomainError(
      `${runsPerWeek} runs a week cannot keep ${minRestDaysBetweenRuns} rest day(s) between runs; choose fewer runs a week.`,
    );
  }
  return Array.from({ length: runsPerWeek }, (_, i) => i * gap);
}

export interface DistanceLimit {
  /** 1.1 × the longest run of the previous 30 days, km; absent with no such run. */
  singleRunMaxKm?: number;
  /** The most this week may hold, km. */
  weekMaxKm: number;
  /** Distance of the 7 days before the week, and of the 7 before those, km. */
  lastWeekKm: number;
  twoWeeksAgoKm: number;
  weekSoFarKm: number;
  runsThisWeek: number;
  /** Distance for the run, rounded down to 0.1 km; absent when none fits this week. */
  suggestedKm?: number;
  /** How the distance was reached, with the numbers. */
  reasons: string[];
}

/**
 * The distance allowed for a run on `date` while rebuilding: at most `singleRunSpikePercent`
 * longer than the longest run of the previous 30 days (frandsen-2025), weekly distance up at
 * most `weeklyIncreasePercent` on last week and `twoWeekIncreasePercent` on two weeks ago
 * (nielsen-2014), capped at the target, shared over the week's remaining runs. km.
 */
export function distanceRunLimit(options: {
  /** Earlier runs with a distance (km). */
  runs: readonly RunRecord[];
  date: string;
  /** First day of the 7-day week that holds `date`. */
  weekStart: string;
  targetWeeklyKm: number;
  settings: RunPlanSettings;
}): DistanceLimit {
  const { runs, date, weekStart, targetWeeklyKm, settings } = options;
  const { load, run } = settings;
  const day = dayNumber(date);
  const start = dayNumber(weekStart);
  if (day < start || day > start + 6) {
    throw new DomainError(`${date} is not in the week that starts on ${weekStart}.`);
  }
  const earlier = runs.filter((r) => dayNumber(r.date) < day);
  const dated = earlier.map((r) => ({ day: dayNumber(r.date), distanceKm: r.distanceKm }));
  const lastWeekKm = kmBetween(dated, start - 7, start - 1);
  const twoWeeksAgoKm = kmBetween(dated, start - 14, start - 8);
  const weekSoFarKm = kmBetween(dated, start, day - 1);
  const runsThisWeek = dated.filter((r) => r.day >= start).length;
  const reasons: string[] = [];

  let weekMaxKm = floorToTenth(targetWeeklyKm);
  reasons.push(`Target ${formatDistance(weekMaxKm, load.distanceUnit)} a week.`);
  if (lastWeekKm > 0) {
    const cap = floorToTenth(lastWeekKm * (1 + run.weeklyIncreasePercent / 100));
    reasons.push(
      `Last week ${formatDistance(lastWeekKm, load.distanceUnit)}: this week at most ${formatDistance(cap, load.distanceUnit)} (+${formatPercent(run.weeklyIncreasePercent)}).`,
    );
    weekMaxKm = Math.min(weekMaxKm, cap);
  }
  if (twoWeeksAgoKm > 0) {
    const cap = floorToTenth(twoWeeksAgoKm * (1 + load.twoWeekIncreasePercent / 100));
    reasons.push(
      `Two weeks ago ${formatDistance(twoWeeksAgoKm, load.distanceUnit)}: this week at most ${formatDistance(cap, load.distanceUnit)} (+${formatPercent(load.twoWeekIncreasePercent)}).`,
    );
    weekMaxKm = Math.min(weekMaxKm, cap);
  }
  const longest = longestBefore(earlier, day);
  const singleRunMaxKm =
    longest === undefined
      ? undefined
      : floorToTenth(longest * (1 + load.singleRunSpikePercent / 100));
  if (longest !== undefined && singleRunMaxKm !== undefined) {
    reasons.push(
      `Longest run of the previous ${SPIKE_WINDOW_DAYS} days ${formatDistance(longest, load.distanceUnit)}: this run at most ${formatDistance(singleRunMaxKm, load.distanceUnit)} (+${formatPercent(load.singleRunSpikePercent)}).`,
    );
  }
  const base = { weekMaxKm, lastWeekKm, twoWeeksAgoKm, weekSoFarKm, runsThisWeek, reasons };
  const withSingle = singleRunMaxKm === undefined ? base : { ...base, singleRunMaxKm };

  const runsLeft = run.runsPerWeek - runsThisWeek;
  const budget = weekMaxKm - weekSoFarKm;
  if (singleRunMaxKm === undefined) {
    reasons.push(
      `No run with a distance in the previous ${SPIKE_WINDOW_DAYS} days: run 30 min and record the distance.`,
    );
    return withSingle;
  }
  if (runsLeft < 1 || budget < 1 / TENTHS_PER_KM - FLOAT_SLACK) {
    reasons.push(
      `This week's ${formatDistance(weekMaxKm, load.distanceUnit)} is used up (${runsThisWeek} runs, ${formatDistance(weekSoFarKm, load.distanceUnit)}): next run next week.`,
    );
    return withSingle;
  }
  const share = floorToTenth(budget / runsLeft);
  const suggestedKm = Math.min(share, singleRunMaxKm);
  if (suggestedKm < 1 / TENTHS_PER_KM - FLOAT_SLACK) return withSingle;
  return { ...withSingle, suggestedKm };
}

export interface PlannedWeek {
  /** 0 for the first week of the rebuild. */
  week: number;
  startDate: string;
  runs: RunRecord[];
  totalKm: number;
}

export interface DistanceBuildPlan {
  targetWeeklyKm: number;
  weeks: PlannedWeek[];
  /** true when the last planned week reaches the target (to 0.1 km). */
  reachedTarget: boolean;
}

/**
 * Forward plan of the distance rebuild when every run goes well: `runsPerWeek` runs a week,
 * each at distanceRunLimit, from `startDate` until a week reaches the target or
 * `maxBuildWeeks` pass. Needs a run with a distance in the 30 days before `startDate`.
 */
export function planDistanceBuild(options: {
  startDate: string;
  /** Runs before `startDate` (the last walk/run sessions), with distances in km. */
  recentRuns: readonly RunRecord[];
  targetWeeklyKm: number;
  settings: RunPlanSettings;
}): DistanceBuildPlan {
  const { startDate, targetWeeklyKm, settings } = options;
  const startDay = dayNumber(startDate);
  const history = options.recentRuns.filter((r) => dayNumber(r.date) < startDay);
  if (longestBefore(history, startDay) === undefined) {
    throw new DomainError(
      `Planning the distance rebuild needs at least one run with a recorded distance in the ${SPIKE_WINDOW_DAYS} days before ${startDate}.`,
    );
  }
  const offsets = weekRunOffsets(settings);
  const spacing = settings.run.minRestDaysBetweenRuns + 1;
  const target = floorToTenth(targetWeeklyKm);
  const all: RunRecord[] = [...history];
  let lastDay = Math.max(...history.map((r) => dayNumber(r.date)));
  const weeks: PlannedWeek[] = [];
  for (let week = 0; week < settings.run.maxBuildWeeks; week++) {
    const weekStart = addDays(startDate, week * 7);
    const planned: RunRecord[] = [];
    for (const offset of offsets) {
      const date = addDays(weekStart, offset);
      if (dayNumber(date) - lastDay < spacing) continue; // keep the rest day after the last run
      const limit = distanceRunLimit({ runs: all, date, weekStart, targetWeeklyKm, settings });
      if (limit.suggestedKm === undefined) continue;
      const run = { date, distanceKm: limit.suggestedKm };
      planned.push(run);
      all.push(run);
      lastDay = dayNumber(date);
    }
    const totalKm =
      Math.round(planned.reduce((sum, r) => sum + r.distanceKm, 0) * TENTHS_PER_KM) / TENTHS_PER_KM;
    weeks.push({ week, startDate: weekStart, runs: planned, totalKm });
    if (totalKm >= target - FLOAT_SLACK) return { targetWeeklyKm, weeks, reachedTarget: true };
  }
  return { targetWeeklyKm, weeks, reachedTarget: false };
}
