import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError, type InputIssue, parseWith } from "../errors.js";
import type { TrainingHistory } from "../running/load.types.js";
import { KG_PER_LB, KM_PER_MILE } from "../units.js";
import { personSchema, symptomsSchema, type Training, trainingSchema } from "./intake.schema.js";

/** The issues an InputError carries, or a failure when parsing succeeds. */
function issuesOf(schema: Parameters<typeof parseWith>[0], data: unknown): InputIssue[] {
  try {
    parseWith(schema, data);
  } catch (error) {
    if (error instanceof InputError) return [...error.issues];
    throw error;
  }
  throw new Error("expected the input to be rejected");
}

/** An expected issue; a pattern where the message quotes the rejected value. */
const issue = (path: string, message: string | RegExp) => ({
  path,
  message: typeof message === "string" ? message : expect.stringMatching(message),
});

const person = (overrides: Record<string, unknown> = {}) => ({
  age: 34,
  sex: "female",
  heightCm: 168,
  bodyMass: 61,
  ...overrides,
});

const pain = (overrides: Record<string, unknown> = {}) => ({
  locations: [{ area: "lateral", side: "right" }],
  atRest: 0,
  duringRun: 6,
  afterRun: 4,
  ...overrides,
});

describe("person", () => {
  it("keeps kilograms as entered and defaults the unit to kg", () => {
    expect(parseWith(personSchema, person())).toEqual({
      age: 34,
      sex: "female",
      heightCm: 168,
      bodyMassKg: 61,
    });
  });

  it("keeps an optional name as written, trimmed, and refuses an empty one", () => {
    expect(parseWith(personSchema, person({ name: "  Zoë Lefèvre " })).name).toBe("Zoë Lefèvre");
    expect(parseWith(personSchema, person())).not.toHaveProperty("name");
    expect(issuesOf(personSchema, person({ name: " " }))).toEqual([
      issue("name", "name cannot be empty; leave it out instead"),
    ]);
  });

  it("converts pounds to kilograms", () => {
    const parsed = parseWith(personSchema, person({ bodyMass: 150, bodyMassUnit: "lb" }));
    expect(parsed.bodyMassKg).toBeCloseTo(68.039, 3);
  });

  it.each([
    [0, "kg", 'body mass must be between 20 and 300 kg, or "unknown"'],
    [700, "kg", 'body mass must be between 20 and 300 kg, or "unknown"'],
    [19.9, "kg", 'body mass must be between 20 and 300 kg, or "unknown"'],
    [
      700,
      "lb",
      'body mass must be between 20 and 300 kg (44.1–661.3 lb), or "unknown"; 700 lb is 317.5 kg',
    ],
    [
      40,
      "lb",
      'body mass must be between 20 and 300 kg (44.1–661.3 lb), or "unknown"; 40 lb is 18.1 kg',
    ],
  ])("rejects a body mass of %s %s", (bodyMass, bodyMassUnit, message) => {
    expect(issuesOf(personSchema, person({ bodyMass, bodyMassUnit }))).toEqual([
      { path: "bodyMass", message },
    ]);
  });

  it.each([20, 300])("accepts the limit %s kg", (bodyMass) => {
    expect(parseWith(personSchema, person({ bodyMass })).bodyMassKg).toBe(bodyMass);
  });

  it.each([
    [{ age: 9 }, "age", 'age must be a whole number of years between 10 and 100, or "unknown"'],
    [{ age: 101 }, "age", 'age must be a whole number of years between 10 and 100, or "unknown"'],
    [{ age: 34.5 }, "age", 'age must be a whole number of years between 10 and 100, or "unknown"'],
    [{ heightCm: 99 }, "heightCm", 'height must be between 100 and 230 cm, or "unknown"'],
    [{ heightCm: 231 }, "heightCm", 'height must be between 100 and 230 cm, or "unknown"'],
    [{ sex: "f" }, "sex", /^sex must be female, male, other or "unknown"/],
    [{ bodyMassUnit: "st" }, "bodyMassUnit", /^expected one of "kg", "lb"/],
    [{ weight: 61 }, "", 'unknown field "weight"'],
  ])("rejects %j", (overrides, path, message) => {
    expect(issuesOf(personSchema, person(overrides))).toEqual([issue(path, message)]);
  });

  it("reports every problem at once, the body mass included", () => {
    const issues = issuesOf(personSchema, person({ age: 5, bodyMass: 0 }));
    expect(issues.map((issue) => issue.path)).toEqual(["age", "bodyMass"]);
  });

  it("converts any plausible mass in pounds exactly", () => {
    fc.assert(
      fc.property(fc.double({ min: 44.1, max: 661.3, noNaN: true }), (lb) => {
        const parsed = parseWith(personSchema, person({ bodyMass: lb, bodyMassUnit: "lb" }));
        expect(parsed.bodyMassKg).toBeCloseTo(lb * KG_PER_LB, 9);
      }),
    );
  });
});

describe("symptoms", () => {
  it("parses the example intake, with defaults for what was left out", () => {
    const parsed = parseWith(symptomsSchema, {
      pain: pain({ onset: { afterMinutes: 10 }, trend: "worsening", durationWeeks: 10 }),
      aggravators: { hills: true, stairs: false, squats: true, prolongedSitting: false },
      sittingHoursPerDay: 8,
      trauma: { recent: false },
    });
    expect(parsed).toEqual({
      pain: {
        locations: [{ area: "lateral", side: "right" }],
        onset: { kind: "time", minutes: 10 },
        atRest: 0,
        duringRun: 6,
        afterRun: 4,
        trend: "worsening",
        durationWeeks: 10,
      },
      aggravators: { hills: true, stairs: false, squats: true, prolongedSitting: false },
      sittingHoursPerDay: 8,
      trauma: { recent: false },
    });
  });

  it("leaves the injury unanswered when trauma is left out, and aggravators empty", () => {
    const parsed = parseWith(symptomsSchema, { pain: pain() });
    expect(parsed.trauma).toBeUndefined();
    expect(parsed.aggravators).toEqual({});
  });

  it.each([
    [{ duringRun: 14 }, "pain.duringRun"],
    [{ atRest: -1 }, "pain.atRest"],
    [{ afterRun: 10.5 }, "pain.afterRun"],
  ])("rejects pain outside 0–10: %j", (overrides, path) => {
    expect(issuesOf(symptomsSchema, { pain: pain(overrides) })).toEqual([
      {
        path,
        message: 'pain is rated 0–10, where 0 is no pain and 10 the worst imaginable, or "unknown"',
      },
    ]);
  });

  it.each([
    [
      { locations: [{ area: "front", side: "right" }] },
      "pain.locations[0].area",
      /^expected one of "lateral", "anterior", "medial", "posterior"/,
    ],
    [
      { locations: [{ area: "medial", side: "up" }] },
      "pain.locations[0].side",
      /^expected one of "left", "right", "both"/,
    ],
    [{ locations: [] }, "pain.locations", "list at least one place where the knee hurts"],
    [{ trend: "better" }, "pain.trend", /^expected one of "improving", "same", "worsening"/],
    [
      { durationWeeks: -2 },
      "pain.durationWeeks",
      "how long it has hurt must be between 0 and 520 weeks",
    ],
    [
      { atRest: undefined },
      "pain.atRest",
      'is required: pain is rated 0–10, where 0 is no pain and 10 the worst imaginable, or "unknown"',
    ],
  ])("rejects %j", (overrides, path, message) => {
    expect(issuesOf(symptomsSchema, { pain: pain(overrides) })).toEqual([issue(path, message)]);
  });

  it.each([
    [{ afterMinutes: 10 }, { kind: "time", minutes: 10 }],
    [{ afterDistance: 2 }, { kind: "distance", km: 2 }],
    [
      { afterDistance: 1, unit: "mi" },
      { kind: "distance", km: KM_PER_MILE },
    ],
    [
      { afterDistance: 3, unit: "km" },
      { kind: "distance", km: 3 },
    ],
  ])("reads the pain onset %j", (onset, expected) => {
    expect(parseWith(symptomsSchema, { pain: pain({ onset }) }).pain.onset).toEqual(expected);
  });

  it.each([
    [
      { afterMinutes: 10, afterDistance: 2 },
      "",
      "give either afterMinutes or afterDistance, not both",
    ],
    [
      {},
      "",
      "say when in a run the pain starts: afterMinutes, or afterDistance with unit km or mi",
    ],
    [{ afterMinutes: 10, unit: "mi" }, "unit", "unit goes with afterDistance, not afterMinutes"],
    [
      { afterDistance: -1, unit: "mi" },
      "afterDistance",
      "pain onset distance must be between 0 and 200 (km or mi)",
    ],
  ])("rejects the onset %j", (onset, subPath, message) => {
    const path = subPath === "" ? "pain.onset" : `pain.onset.${subPath}`;
    expect(issuesOf(symptomsSchema, { pain: pain({ onset }) })).toEqual([{ path, message }]);
  });

  it("rejects an unknown aggravator and impossible sitting hours together", () => {
    expect(
      issuesOf(symptomsSchema, {
        pain: pain(),
        aggravators: { running: true },
        sittingHoursPerDay: 25,
      }),
    ).toEqual([
      { path: "aggravators", message: 'unknown field "running"' },
      { path: "sittingHoursPerDay", message: "sitting hours per day must be between 0 and 24" },
    ]);
  });

  it("keeps the Ottawa answers of a recent injury", () => {
    const trauma = {
      recent: true,
      description: "twisted it on a trail",
      daysAgo: 3,
      swellingWithinTwoHours: false,
      couldWalkFourStepsImmediately: true,
      canWalkFourStepsNow: true,
      canBendTo90Degrees: true,
    };
    expect(parseWith(symptomsSchema, { pain: pain(), trauma }).trauma).toEqual(trauma);
  });

  it.each([
    [{ recent: true }, "trauma.daysAgo", "say how many days ago the injury happened (0–365)"],
    [
      { recent: true, daysAgo: 1.5 },
      "trauma.daysAgo",
      "days since the injury must be a whole number between 0 and 365",
    ],
    [
      { recent: false, daysAgo: 3 },
      "trauma.daysAgo",
      "injury details belong only with recent: true",
    ],
    [{ recent: "yes" }, "trauma.recent", /expected boolean/],
    [{ recent: true, daysAgo: 2, mri: true }, "trauma", 'unknown field "mri"'],
  ])("rejects the injury %j", (trauma, path, message) => {
    expect(issuesOf(symptomsSchema, { pain: pain(), trauma })).toEqual([issue(path, message)]);
  });
});

describe("training", () => {
  const example = {
    distanceUnit: "km",
    weeklyDistance: [20, 22, 21, 24, 25, 26, 34, 38],
    longestRecentRun: 12,
    latestRun: 14,
    runs: [{ date: "2026-11-14", distance: 14, durationMin: 80 }],
    breakFromRunning: { weeks: 130, resumedWeeksAgo: 3 },
  };

  it("keeps a watch's cadence and heart rate on a run, within plausible ranges", () => {
    const run = {
      date: "2026-11-14",
      distance: 5.28,
      durationMin: 40,
      cadenceSpm: 154,
      heartRateBpm: 143,
    };
    expect(parseWith(trainingSchema, { runs: [run] }).runs).toEqual([
      { date: "2026-11-14", distanceKm: 5.28, durationMin: 40, cadenceSpm: 154, heartRateBpm: 143 },
    ]);
    expect(
      issuesOf(trainingSchema, { runs: [{ ...run, cadenceSpm: 15, heartRateBpm: 400 }] }),
    ).toEqual([
      issue("runs[0].cadenceSpm", "average cadence must be between 60 and 260 steps a minute"),
      issue("runs[0].heartRateBpm", "average heart rate must be between 30 and 240 beats a minute"),
    ]);
  });

  it("keeps kilometres and fits the load rules' TrainingHistory", () => {
    const parsed: Training = parseWith(trainingSchema, example);
    const history: TrainingHistory = parsed;
    expect(history).toEqual({
      distanceUnit: "km",
      weeklyDistanceKm: [20, 22, 21, 24, 25, 26, 34, 38],
      longestRecentRunKm: 12,
      latestRunKm: 14,
      runs: [{ date: "2026-11-14", distanceKm: 14, durationMin: 80 }],
      breakFromRunning: { weeks: 130, resumedWeeksAgo: 3 },
    });
  });

  it("converts miles to kilometres everywhere", () => {
    const parsed = parseWith(trainingSchema, {
      distanceUnit: "mi",
      weeklyDistance: [10, 20],
      longestRecentRun: 5,
      latestRun: 6,
      runs: [{ date: "2026-11-14", distance: 6 }],
    });
    expect(parsed.weeklyDistanceKm).toEqual([16.09344, 32.18688]);
    expect(parsed.longestRecentRunKm).toBeCloseTo(8.04672, 9);
    expect(parsed.latestRunKm).toBeCloseTo(9.656064, 9);
    expect(parsed.runs).toEqual([{ date: "2026-11-14", distanceKm: 6 * KM_PER_MILE }]);
  });

  it("defaults to km and to no weekly distances", () => {
    expect(parseWith(trainingSchema, {})).toEqual({ distanceUnit: "km", weeklyDistanceKm: [] });
  });

  it.each([
    [{ weeklyDistance: [20, 22, -21] }, "weeklyDistance[2]", "weekly distance cannot be negative"],
    [{ longestRecentRun: -12 }, "longestRecentRun", "longest recent run cannot be negative"],
    [{ latestRun: -1 }, "latestRun", "latest run cannot be negative"],
    [
      { runs: [{ date: "2026-11-14", distance: -14 }] },
      "runs[0].distance",
      "run distance cannot be negative",
    ],
    [
      { weeklyDistance: [600] },
      "weeklyDistance[0]",
      "weekly distance above 500 is not plausible: check the number and distanceUnit",
    ],
    [
      { weeklyDistance: [1, 2, 3, 4, 5, 6, 7, 8, 9] },
      "weeklyDistance",
      "give up to 8 weeks of weekly distance, oldest first",
    ],
    [
      { runs: [{ date: "2026-02-30", distance: 5 }] },
      "runs[0].date",
      "date must be a calendar date written YYYY-MM-DD between 1900-01-01 and 2099-12-31, e.g. 2026-11-14",
    ],
    [
      { runs: [{ date: "2026-11-14", distance: 5, durationMin: 0 }] },
      "runs[0].durationMin",
      "run duration must be between 1 and 1440 minutes",
    ],
    [
      { breakFromRunning: { weeks: 0, resumedWeeksAgo: 0 } },
      "breakFromRunning.weeks",
      "a break from running must last between 1 and 2600 weeks",
    ],
    [{ distanceUnit: "miles" }, "distanceUnit", /^expected one of "km", "mi"/],
  ])("rejects %j", (training, path, message) => {
    expect(issuesOf(trainingSchema, training)).toEqual([issue(path, message)]);
  });

  it("converts any list of weekly miles to km, order kept", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 500, noNaN: true }), { maxLength: 8 }),
        (miles) => {
          const parsed = parseWith(trainingSchema, { distanceUnit: "mi", weeklyDistance: miles });
          expect(parsed.weeklyDistanceKm).toHaveLength(miles.length);
          parsed.weeklyDistanceKm.forEach((km, i) => {
            expect(km).toBeCloseTo((miles[i] ?? Number.NaN) * KM_PER_MILE, 9);
          });
        },
      ),
    );
  });
});
