/**
 * Parsers for option values. Each throws commander's InvalidArgumentError, which commander
 * reports with the option and the value it got; the CLI then exits with the usage code (2).
 */
import { InvalidArgumentError } from "commander";
import { DATE_RANGE_TEXT, isCalendarDate } from "../core/calendar-date.js";

/** A whole number in [min, max]. */
export function wholeNumber(what: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = value.trim() === "" ? Number.NaN : Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`${what} must be a whole number from ${min} to ${max}.`);
    return n;
  };
}

/** A number (decimals allowed) in [min, max]. */
export function numberBetween(what: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = value.trim() === "" ? Number.NaN : Number(value);
    if (!Number.isFinite(n) || n < min || n > max)
      throw new InvalidArgumentError(`${what} must be a number from ${min} to ${max}.`);
    return n;
  };
}

/** One of a fixed list of words. */
export function oneOf<T extends string>(values: readonly T[]): (value: string) => T {
  return (value) => {
    if ((values as readonly string[]).includes(value)) return value as T;
    throw new InvalidArgumentError(`Use one of: ${values.join(", ")}.`);
  };
}

/** A real calendar date written YYYY-MM-DD in the accepted range. */
export function calendarDate(value: string): string {
  if (!isCalendarDate(value))
    throw new InvalidArgumentError(`Expected a real date written YYYY-MM-DD, ${DATE_RANGE_TEXT}.`);
  return value;
}
