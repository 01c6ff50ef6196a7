/**
 * Notices for dates that are valid but probably typed wrong: a plan starting years before the
 * assessment, a training log dated far from its plan. They do not stop the command.
 */
import { daysBetween } from "../core/calendar-date.js";

/** Days an assessment may age before the plan starts without a notice (findings change). */
const ASSESSMENT_FRESH_DAYS = 90;
/** Days around a plan within which logged sessions are expected. */
const LOG_MARGIN_DAYS = 28;

/** "3 years", "5 months", "12 days". */
export function describeDays(days: number): string {
  const n = Math.abs(days);
  const unit = (value: number, word: string) => `${value} ${word}${value === 1 ? "" : "s"}`;
  if (n >= 730) return unit(Math.floor(n / 365.25), "year");
  if (n >= 60) return unit(Math.floor(n / 30.44), "month");
  return unit(n, "day");
}

/** A notice when the plan starts before the assessment or long after it. */
export function planStartNotice(start: string, assessedOn: string): string | undefined {
  const gap = daysBetween(assessedOn, start);
  if (gap < 0)
    return `--start ${start} is ${describeDays(gap)} before the assessment (${assessedOn}): check the date.`;
  if (gap > ASSESSMENT_FRESH_DAYS)
    return `--start ${start} is ${describeDays(gap)} after the assessment (${assessedOn}): the findings may have changed; assess again before starting.`;
  return undefined;
}

/** A notice for logged sessions dated well before the plan starts or after it ends. */
export function logDatesNotice(
  dates: readonly string[],
  plan: { start: string; end: string },
): string | undefined {
  const before = dates.filter((d) => daysBetween(d, plan.start) > LOG_MARGIN_DAYS);
  const after = dates.filter((d) => daysBetween(plan.end, d) > LOG_MARGIN_DAYS);
  const parts: string[] = [];
  const first = before[0];
  const last = after[after.length - 1];
  if (first)
    parts.push(
      `${before.length} dated before the plan starts (the earliest, ${first}, ${describeDays(daysBetween(first, plan.start))} before ${plan.start})`,
    );
  if (last)
    parts.push(
      `${after.length} dated after the plan ends (the latest, ${last}, ${describeDays(daysBetween(plan.end, last))} after ${plan.end})`,
    );
  if (parts.length === 0) return undefined;
  return `of the logged sessions, ${parts.join(" and ")}: check the dates, or use the plan these sessions belong to.`;
}
