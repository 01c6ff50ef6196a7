import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { InputError } from "../errors.js";
import { parseLogs } from "./logs.schema.js";

const library = new Set(["clamshell", "single-leg-glute-bridge", "lateral-band-walk"]);
const options = { isKnownExercise: (id: string) => library.has(id) };

const run = (fields: Record<string, unknown>) => ({
  date: "2026-12-02",
  type: "run",
  run: { level: 3, durationMin: 30, painDuring: 2, ...fields },
});

function problems(data: unknown): { path: string; message: string }[] {
  try {
    parseLogs(data, options);
  } catch (error) {
    if (error instanceof InputError) return [...error.issues];
    throw error;
  }
  throw new Error("expected the log to be refused");
}

describe("parseLogs", () => {
  it("reads the documented YAML example, converting to km", () => {
    const yaml = `
logs:
  - date: 2026-12-02
    type: run
    run: { level: 3, durationMin: 24, distance: 3.1, distanceUnit: km, painDuring: 2, painAfter: 2, painNextMorning: 1, swelling: false, limp: false }
  - date: 2026-12-03
    type: strength
    exercises: [ { exercise: clamshell, side: right, sets: 3, reps: 15, load: "light band", effort: 4, pain: 0 } ]
  - date: 2026-12-04
    type: run
    run: { distance: 2, distanceUnit: mi, painDuring: 1 }
`;
    expect(parseLogs(parseYaml(yaml), options)).toEqual([
      {
        date: "2026-12-02",
        type: "run",
        run: {
          level: 3,
          durationMin: 24,
          distanceKm: 3.1,
          painDuring: 2,
          painAfter: 2,
          painNextMorning: 1,
          swelling: false,
          limp: false,
          stiffness: false,
        },
      },
      {
        date: "2026-12-03",
        type: "strength",
        exercises: [
          {
            exercise: "clamshell",
            side: "right",
            sets: 3,
            reps: 15,
            load: "light band",
            effort: 4,
            pain: 0,
          },
        ],
      },
      {
        date: "2026-12-04",
        type: "run",
        run: {
          distanceKm: 3.218688,
          painDuring: 1,
          swelling: false,
          limp: false,
          stiffness: false,
        },
      },
    ]);
  });

  it("accepts a date a YAML 1.1 parser turned into a Date", () => {
    const [entry] = parseLogs(
      { logs: [{ ...run({}), date: new Date("2026-12-02T00:00:00Z") }] },
      options,
    );
    expect(entry?.date).toBe("2026-12-02");
  });

  it.each([
    {
      what: "pain 14/10",
      entry: run({ painDuring: 14 }),
      path: "logs[0].run.painDuring",
      message: "pain during the run must be between 0 and 10 (10 = worst imaginable); got 14",
    },
    {
      what: "negative pain",
      entry: run({ painNextMorning: -1 }),
      path: "logs[0].run.painNextMorning",
      message: "pain the next morning must be between 0 and 10 (0 = no pain); got -1",
    },
    {
      what: "a run of −3 km",
      entry: run({ distance: -3 }),
      path: "logs[0].run.distance",
      message: "run distance must be more than 0 (up to 100 km); got -3",
    },
    {
      what: "a run of 80 miles",
      entry: run({ distance: 80, distanceUnit: "mi" }),
      path: "logs[0].run.distance",
      message: "run distance must be at most 100 km (62 mi); got 80 mi",
    },
    {
      what: "a level that is not whole",
      entry: run({ level: 2.5 }),
      path: "logs[0].run.level",
      message:
        "level must be a whole number: 0 for the walking block, 1 and up for walk/run levels",
    },
    {
      what: "an unknown field",
      entry: run({ heartRate: 150 }),
      path: "logs[0].run",
      message: 'unknown field "heartRate"',
    },
    {
      what: "an unknown type",
      entry: { date: "2026-12-02", type: "swim" },
      path: "logs[0].type",
      message: 'type must be "run" or "strength"',
    },
    {
      what: "an impossible date",
      entry: { ...run({}), date: "2026-02-30" },
      path: "logs[0].date",
      message:
        'date must be a calendar date written YYYY-MM-DD between 1900-01-01 and 2099-12-31 (e.g. 2026-12-02); got "2026-02-30"',
    },
    {
      what: "an unknown exercise",
      entry: {
        date: "2026-12-03",
        type: "strength",
        exercises: [{ exercise: "clamshel", sets: 3, reps: 15, effort: 4, pain: 0 }],
      },
      path: "logs[0].exercises[0].exercise",
      message: 'unknown exercise "clamshel": use an id from the exercise library',
    },
    {
      what: "an exercise with neither reps nor time",
      entry: {
        date: "2026-12-03",
        type: "strength",
        exercises: [{ exercise: "clamshell", sets: 3, effort: 4, pain: 0 }],
      },
      path: "logs[0].exercises[0].reps",
      message: "give reps (repetitions per set) or durationSec (seconds per set)",
    },
    {
      what: "effort above 10",
      entry: {
        date: "2026-12-03",
        type: "strength",
        exercises: [
          { exercise: "lateral-band-walk", sets: 3, durationSec: 60, effort: 11, pain: 0 },
        ],
      },
      path: "logs[0].exercises[0].effort",
      message: "effort (RPE) must be between 0 (rest) and 10 (maximal); got 11",
    },
  ])("refuses $what, naming the field", ({ entry, path, message }) => {
    expect(problems({ logs: [entry] })).toEqual([{ path, message }]);
  });

  it("says which entries are out of date order, along with every other problem", () => {
    const issues = problems({
      logs: [
        { ...run({}), date: "2026-12-05" },
        { ...run({ painDuring: 14 }), date: "2026-12-06" },
        { ...run({}), date: "2026-12-03" },
      ],
    });
    expect(issues).toEqual([
      {
        path: "logs[1].run.painDuring",
        message: "pain during the run must be between 0 and 10 (10 = worst imaginable); got 14",
      },
      {
        path: "logs[2].date",
        message:
          "entries must be in date order: logs[2] is dated 2026-12-03, before logs[1] (2026-12-06) above it",
      },
    ]);
  });

  it("the error message lists each problem on its own line", () => {
    expect(() => parseLogs({ logs: [run({ painDuring: 14 })], extra: 1 }, options)).toThrow(
      'The training log has 2 problems:\n  - logs[0].run.painDuring: pain during the run must be between 0 and 10 (10 = worst imaginable); got 14\n  - (whole file): unknown field "extra"',
    );
  });
});
