import { DomainError } from "./errors.js";

/**
 * Calendar dates as 'YYYY-MM-DD' strings, the runner's local calendar. Arithmetic runs on
 * whole days counted from 1970-01-01 in UTC, so that no time zone or clock can shift a date.
 */

const MS_PER_DAY = 86_400_000;

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
  return !Number.isNaN(parseDay(value)) && value >= EARLIEST_DATE && value <= LATEST_DATE;
}

/** Whole days from 1970-01-01 to `date` ('YYYY-MM-DD'); throws DomainError for a non-date. */
export function dayNumber(date: string): number {
  const day = parseDay(date);
  if (Number.isNaN(day) || date < EARLIEST_DATE || date > LATEST_DATE) {
    throw new DomainError(`"${date}" is not a calendar date written YYYY-MM-DD ${DATE_RANGE_TEXT}`);
  }
  return day;
}

/** The 'YYYY-MM-DD' date of a day number (inverse of dayNumber). */
export function dateOfDay(day: number): string {
  // Civil from days (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"), in integers:
  // the plans and trends call this thousands of times a request, where a Date costs more.
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999) return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

/** The day number of 'YYYY-MM-DD' when it is a real calendar date, else NaN (no range check). */
function parseDay(value: string): number {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45)
    return Number.NaN;
  const y = digits(value, 0, 4);
  const m = digits(value, 5, 7);
  const d = digits(value, 8, 10);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return Number.NaN;
  // Days from civil (Hinnant, as above): March-based years put the leap day last.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The number written by the decimal digits value[from..to), or NaN if one is not a digit. */
function digits(value: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    n = n * 10 + digit;
  }
  return n;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
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
