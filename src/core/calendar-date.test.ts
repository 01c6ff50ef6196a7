import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  dateOfDay,
  dayNumber,
  daysBetween,
  EARLIEST_DATE,
  isCalendarDate,
  LATEST_DATE,
  mondayOf,
  weekdayName,
} from "./calendar-date.js";

describe("isCalendarDate", () => {
  it.each([
    ["2026-11-14", true],
    ["2024-02-29", true], // leap year
    ["2000-02-29", true], // divisible by 400
    ["1900-02-29", false], // divisible by 100, not 400
    ["2026-02-29", false],
    ["2026-04-31", false],
    ["2026-13-01", false],
    ["2026-00-10", false],
    ["2026-11-00", false],
    ["2026-1-14", false],
    ["14/11/2026", false],
    ["2026-11-20T10:00", false],
  ])("%s → %s", (text, valid) => {
    expect(isCalendarDate(text)).toBe(valid);
  });
});

describe("day arithmetic", () => {
  it.each([
    ["2026-12-01", 28, "2026-12-29"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2026-03-01", -1, "2026-02-28"],
  ])("%s + %i days = %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it("finds the Monday of a week", () => {
    expect(mondayOf("2026-12-03")).toBe("2026-11-30");
    expect(mondayOf("2026-11-30")).toBe("2026-11-30");
    expect(weekdayName("2026-12-01")).toBe("Tuesday");
    expect(weekdayName("2027-01-03")).toBe("Sunday");
  });

  it("dayNumber and dateOfDay are inverse; adding days moves daysBetween by as much", () => {
    fc.assert(
      fc.property(
        // Days of the accepted range (1900–2099), far enough inside for the shift.
        fc.integer({ min: dayNumber(EARLIEST_DATE) + 400, max: dayNumber(LATEST_DATE) - 400 }),
        fc.integer({ min: -400, max: 400 }),
        (day, shift) => {
          const date = dateOfDay(day);
          return dayNumber(date) === day && daysBetween(date, addDays(date, shift)) === shift;
        },
      ),
    );
  });
});

describe("the accepted range of dates", () => {
  it.each([
    ["1900-01-01", true],
    ["2099-12-31", true],
    ["1899-12-31", false],
    ["0001-01-01", false],
    ["2100-01-01", false],
    ["9999-12-01", false],
  ])("%s is accepted: %s", (date, accepted) => {
    expect(isCalendarDate(date)).toBe(accepted);
  });

  it("names the range when a date is outside it", () => {
    expect(() => dayNumber("9999-12-01")).toThrow(
      '"9999-12-01" is not a calendar date written YYYY-MM-DD between 1900-01-01 and 2099-12-31',
    );
  });
});

describe("day arithmetic against JavaScript's own calendar", () => {
  it("agrees with Date on every day from 1899 to 2100 and refuses every day that does not exist", () => {
    const first = Date.UTC(1899, 0, 1) / 86_400_000;
    const last = Date.UTC(2100, 11, 31) / 86_400_000;
    const disagreements: string[] = [];
    for (let day = first; day <= last; day++) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      const inRange = iso >= EARLIEST_DATE && iso <= LATEST_DATE;
      if (dateOfDay(day) !== iso) disagreements.push(`dateOfDay(${day}) = ${dateOfDay(day)}`);
      if (isCalendarDate(iso) !== inRange) disagreements.push(`isCalendarDate(${iso})`);
      if (inRange && dayNumber(iso) !== day) disagreements.push(`dayNumber(${iso})`);
    }
    expect(last - first + 1).toBe(73_779);
    expect(disagreements).toEqual([]);
    const missing = ["2026-02-29", "1900-02-29", "2100-02-29", "2026-04-31", "2026-13-01"];
    const malformed = [
      "2026-00-10",
      "2026-01-00",
      "2026-1-01",
      "2026/01/01",
      "2026-01-0a",
      " 2026-01-01",
    ];
    expect([...missing, ...malformed].filter(isCalendarDate)).toEqual([]);
    expect(["2000-02-29", "2024-02-29"].filter(isCalendarDate)).toHaveLength(2);
  });
});
