import { DomainError } from "./errors.js";

/**
 * Calendar dates as 'YYYY-MM-DD' strings, the runner's local calendar. Arithmetic runs on
 * whole days counted from 1970-01-01 in UTC, so that no time zone or clock can shift a date.
 */

const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The dates hipcheck takes: wide enough for any runner's records and plans, narrow enough that
 * a plan or a calendar never runs past year 9999 (a typo such as 0226 or 9999 is refused).
 */
export const EARLIEST_DATE = "1900-01-01";
export const LATEST_DATE = "2099-12-31";
/** For messages: "between 1900-01-01 and 2099-12-31". */
export const DATE_RANGE_TEXT = `between ${EARLIEST_DATE} and ${LATEST_DATE}`;

/** True for a real calendar date written 'YYYY-MM-DD' (2026-02-30 is not one) in the accepted range. */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match || value < EARLIEST_DATE || value > LATEST_DATE) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const back = new Date(Date.UTC(y, m - 1, d));
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d;
}

/** Whole days from 1970-01-01 to `date` ('YYYY-MM-DD'); throws DomainError for a non-date. */
export function dayNumber(date: string): number {
  if (!isCalendarDate(date)) {
    throw new DomainError(`"${date}" is not a calendar date written YYYY-MM-DD ${DATE_RANGE_TEXT}`);
  }
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

/** The 'YYYY-MM-DD' date of a day number (inverse of dayNumber). */
export function dateOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `date` moved by a whole number of days (negative goes back). */
export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** Days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The Monday that starts the (Monday-to-Sunday) week holding `date`. */
export function mondayOf(date: string): string {
  return dateOfDay(dayNumber(date) - weekdayIndex(date));
}

const WEEKDAYS = [
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
] as const;

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(date: string): number {
  // 1970-01-01 was a Thursday: day 0 → weekday index 3 with Monday = 0.
  return (((dayNumber(date) + 3) % 7) + 7) % 7;
}

/** "Monday" … "Sunday". */
export function weekdayName(date: string): string {
  return WEEKDAYS[weekdayIndex(date)] ?? "Monday";
}
