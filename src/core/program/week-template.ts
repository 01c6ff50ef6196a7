import { DomainError } from "../errors.js";

/** Which days of a 7-day week (0 = the programme's first day) carry runs and strength. */
export interface WeekTemplate {
  runDays: number[];
  strengthDays: number[];
}

/**
 * Lays out one week from the days available. Runs go on alternate days, never two in a row
 * (seed-000), at most three a week so that at least four days are free of running (seed-002
 * asks for three); strength goes on non-running days (seed-000), up to three sessions a week
 * (khayambashi-2012, ferber-2015). With 7 days free, one stays a rest day.
 */
export function weekTemplate(daysPerWeek: number): WeekTemplate {
  if (!Number.isInteger(daysPerWeek) || daysPerWeek < 1 || daysPerWeek > 7)
    throw new DomainError(`days per week must be a whole number from 1 to 7, got ${daysPerWeek}`);
  const runs = Math.min(3, Math.floor(daysPerWeek / 2));
  const strength = Math.min(3, daysPerWeek - runs);
  const runDays = RUN_DAYS[runs] ?? [];
  const free = [0, 1, 2, 3, 4, 5, 6].filter((d) => !runDays.includes(d));
  return { runDays, strengthDays: spread(free, strength) };
}

/** Alternate-day run layouts for 0–3 runs a week. */
const RUN_DAYS: Record<number, number[]> = { 0: [], 1: [1], 2: [1, 4], 3: [0, 2, 4] };

/** Picks `count` of the days, as evenly spread as possible. */
function spread(days: readonly number[], count: number): number[] {
  if (count >= days.length) return [...days];
  const picked: number[] = [];
  for (let i = 0; i < count; i++) {
    const day = days[Math.floor((i * days.length) / count)];
    if (day !== undefined) picked.push(day);
  }
  return picked;
}
