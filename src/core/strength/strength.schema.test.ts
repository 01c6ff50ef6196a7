import { describe, expect, it } from "vitest";
import { z } from "zod";
import { InputError, type InputIssue, parseWith } from "../errors.js";
import { strengthSchema } from "./strength.schema.js";

const entry = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  test: "hip-abduction",
  side: "right",
  position: "side-lying",
  method: "make",
  leverArmCm: 45,
  unit: "N",
  trials: [182, 190, 186],
  ...overrides,
});

function issuesOf(data: unknown, schema: z.ZodType = strengthSchema): InputIssue[] {
  try {
    parseWith(schema, data, "assessment");
  } catch (error) {
    if (error instanceof InputError) return [...error.issues];
    throw error;
  }
  return [];
}

describe("strengthSchema: valid input", () => {
  it("converts readings to newtons and the lever arm to metres", () => {
    const parsed = parseWith(strengthSchema, { tests: [entry()] });
    expect(parsed.tests).toEqual([
      {
        test: "hip-abduction",
        side: "right",
        position: "side-lying",
        method: "make",
        leverArmM: 0.45,
        trialsN: [182, 190, 186],
        enteredUnit: "N",
      },
    ]);
  });

  it.each([
    { unit: "kgf", trial: 20, newtons: 196.133 },
    { unit: "lbf", trial: 45, newtons: 200.17 },
  ])("reads $trial $unit as $newtons N, tester limit and trace too", ({ unit, trial, newtons }) => {
    const [test] = parseWith(strengthSchema, {
      tests: [
        entry({
          unit,
          trials: [trial],
          testerLimit: trial,
          trace: { rateHz: 225, samples: [0, trial] },
        }),
      ],
    }).tests;
    expect(test?.trialsN[0]).toBeCloseTo(newtons, 2);
    expect(test?.testerLimitN).toBeCloseTo(newtons, 2);
    expect(test?.trace?.samplesN[1]).toBeCloseTo(newtons, 2);
    expect(test?.enteredUnit).toBe(unit);
  });

  it("leaves out the lever arm when it is not given", () => {
    const [test] = parseWith(strengthSchema, { tests: [entry({ leverArmCm: undefined })] }).tests;
    expect(test && "leverArmM" in test).toBe(false);
  });
});

describe("strengthSchema: bad input names the field and the valid range", () => {
  it.each([
    {
      what: "a negative force",
      data: entry({ trials: [182, -182, 186] }),
      issues: [
        { path: "tests[0].trials[1]", message: "trial 2 must be a force above 0, got -182" },
      ],
    },
    {
      what: "7 trials",
      data: entry({ trials: [180, 181, 182, 183, 184, 185, 186] }),
      issues: [
        {
          path: "tests[0].trials",
          message: "enter 1 to 6 trials for each side (2–4 are recommended), got 7",
        },
      ],
    },
    {
      what: "no trials",
      data: entry({ trials: [] }),
      issues: [
        {
          path: "tests[0].trials",
          message: "enter 1 to 6 trials for each side (2–4 are recommended), got 0",
        },
      ],
    },
    {
      what: "no side",
      data: entry({ side: undefined }),
      issues: [
        { path: "tests[0].side", message: "is required: say which side was tested, left or right" },
      ],
    },
    {
      what: "a lever arm of 0",
      data: entry({ leverArmCm: 0 }),
      issues: [
        {
          path: "tests[0].leverArmCm",
          message:
            "lever arm must be between 5 and 100 cm (joint centre to the dynamometer pad), got 0 cm",
        },
      ],
    },
    {
      what: "a lever arm of 120 cm",
      data: entry({ leverArmCm: 120 }),
      issues: [
        {
          path: "tests[0].leverArmCm",
          message:
            "lever arm must be between 5 and 100 cm (joint centre to the dynamometer pad), got 120 cm",
        },
      ],
    },
    {
      what: "an unknown field",
      data: entry({ force: 3 }),
      issues: [{ path: "tests[0]", message: 'unknown field "force"' }],
    },
    {
      what: "an implausible reading",
      data: entry({ trials: [182, 2500] }),
      issues: [
        {
          path: "tests[0].trials[1]",
          message:
            "trial 2: 2500 N is not a plausible hand-held reading: it must be below 2000 N (2000 N). Check the number and the unit.",
        },
      ],
    },
    {
      what: "newtons typed as pounds-force",
      data: entry({ unit: "lbf", trials: [600] }),
      issues: [
        {
          path: "tests[0].trials[0]",
          message:
            "trial 1: 600 lbf is not a plausible hand-held reading: it must be below 449.6 lbf (2000 N). Check the number and the unit.",
        },
      ],
    },
    {
      what: "a tester limit of 0",
      data: entry({ testerLimit: 0 }),
      issues: [
        { path: "tests[0].testerLimit", message: "tester limit must be a force above 0, got 0" },
      ],
    },
    {
      what: "a trace with a sampling rate of 0",
      data: entry({ trace: { rateHz: 0, samples: [0, 10, 20] } }),
      issues: [
        { path: "tests[0].trace.rateHz", message: "sampling rate must be above 0 Hz, got 0" },
      ],
    },
  ])("$what", ({ data, issues }) => {
    expect(issuesOf({ tests: [data] })).toEqual(issues);
  });

  // parseWith (../errors.ts) words these; the end of the message ("got …") is its business.
  it.each([
    {
      what: "an unknown test lists the valid ones",
      data: entry({ test: "hip-abductoin" }),
      path: "tests[0].test",
      start:
        'name the test, one of hip-abduction, hip-extension, hip-external-rotation, hip-internal-rotation, hip-adduction, hip-flexion, knee-extension, knee-flexion; got "hip-abductoin"',
    },
    {
      what: "a side that is not left or right",
      data: entry({ side: "both" }),
      path: "tests[0].side",
      start: 'say which side was tested, left or right; got "both"',
    },
  ])("$what", ({ data, path, start }) => {
    const issues = issuesOf({ tests: [data] });
    expect(issues.map((issue) => issue.path)).toEqual([path]);
    expect(issues[0]?.message).toContain(start);
  });

  it("reports every missing choice together with other problems", () => {
    expect(issuesOf({ tests: [{ trials: [-5] }] })).toEqual([
      {
        path: "tests[0].test",
        message:
          "is required: name the test, one of hip-abduction, hip-extension, hip-external-rotation, hip-internal-rotation, hip-adduction, hip-flexion, knee-extension, knee-flexion",
      },
      { path: "tests[0].side", message: "is required: say which side was tested, left or right" },
      {
        path: "tests[0].position",
        message:
          "is required: the body position during the test, one of supine, side-lying, prone, seated, standing, unknown",
      },
      {
        path: "tests[0].method",
        message:
          "is required: make (the patient pushes against the held dynamometer) or break (the tester overcomes the patient)",
      },
      { path: "tests[0].unit", message: "is required: the unit of the readings, N, kgf or lbf" },
      { path: "tests[0].trials[0]", message: "trial 1 must be a force above 0, got -5" },
    ]);
  });

  it("refuses the same side of a test entered twice", () => {
    expect(
      issuesOf({ tests: [entry(), entry({ side: "left" }), entry({ trials: [200] })] }),
    ).toEqual([
      {
        path: "tests[2]",
        message:
          "right hip-abduction (side-lying) is already entered at tests[0]: put all trials of one side in one entry",
      },
    ]);
  });

  it("refuses an empty list of tests", () => {
    expect(issuesOf({ tests: [] })).toEqual([
      { path: "tests", message: "list at least one test, or leave the strength section out" },
    ]);
  });

  it("gives the full path inside an assessment file", () => {
    const assessment = z.object({ strength: strengthSchema }).strict();
    expect(issuesOf({ strength: { tests: [entry({ side: undefined })] } }, assessment)).toEqual([
      {
        path: "strength.tests[0].side",
        message: "is required: say which side was tested, left or right",
      },
    ]);
  });
});
