import { describe, expect, it } from "vitest";
import { InputError, type InputIssue } from "../../errors.js";
import {
  parseQuestionnaires,
  questionnaireResponseSchema,
  questionnairesSchema,
} from "./questionnaire.schema.js";
import { bestAnswers } from "./questionnaire.test-factory.js";

/** The issues parseQuestionnaires reports for `data`, or [] when it parses. */
function issuesOf(
  data: unknown,
  enabled?: Parameters<typeof parseQuestionnaires>[1],
): InputIssue[] {
  try {
    parseQuestionnaires(data, enabled);
    return [];
  } catch (error) {
    if (error instanceof InputError) return [...error.issues];
    throw error;
  }
}

describe("questionnaireResponseSchema: accepted input", () => {
  it("reads an AKPS response keyed by item number", () => {
    const input = { instrument: "akps", date: "2026-11-20", answers: bestAnswers("akps") };
    expect(questionnaireResponseSchema.parse(input)).toEqual(input);
  });

  it("reads the pain rating in its one-item form", () => {
    expect(
      questionnaireResponseSchema.parse({
        instrument: "nprs",
        date: "2026-11-20",
        answers: { pain: 6 },
      }),
    ).toEqual({ instrument: "nprs", date: "2026-11-20", answers: { pain: 6 } });
  });

  it("takes null or a left-out key as a blank item, for scoring to judge", () => {
    const parsed = questionnaireResponseSchema.parse({
      instrument: "koos-pf",
      date: "2026-11-20",
      answers: { PF1: 2, PF2: null },
    });
    expect(parsed.answers).toEqual({ PF1: 2, PF2: null });
  });

  it("reads a list of responses", () => {
    const list = [
      { instrument: "lefs", date: "2026-11-20", answers: { "1": 3 } },
      { instrument: "nprs", date: "2026-11-21", answers: { pain: 0 } },
    ];
    expect(questionnairesSchema.parse(list)).toHaveLength(2);
  });
});

describe("parseQuestionnaires: messages a clinician can act on", () => {
  const entry = (fields: Record<string, unknown>) => [
    { instrument: "akps", date: "2026-11-20", answers: {}, ...fields },
  ];

  it.each([
    {
      case: "an option score the item does not have",
      data: entry({ answers: { "3": 4 } }),
      issues: [{ path: "[0].answers.3", message: "AKPS item 3 takes 0, 2, 3 or 5 — got 4" }],
    },
    {
      case: "an item the instrument does not have",
      data: entry({ answers: { "14": 5 } }),
      issues: [{ path: "[0].answers.14", message: 'AKPS has no item "14"; its items are 1 to 13' }],
    },
    {
      case: "a LEFS answer written as a word",
      data: entry({ instrument: "lefs", answers: { "6": "two" } }),
      issues: [{ path: "[0].answers.6", message: 'LEFS item 6 takes 0, 1, 2, 3 or 4 — got "two"' }],
    },
    {
      case: "a LEFS answer with a fraction",
      data: entry({ instrument: "lefs", answers: { "6": 2.5 } }),
      issues: [{ path: "[0].answers.6", message: "LEFS item 6 takes 0, 1, 2, 3 or 4 — got 2.5" }],
    },
    {
      case: "a pain rating above 10",
      data: entry({ instrument: "nprs", answers: { pain: 11 } }),
      issues: [
        {
          path: "[0].answers.pain",
          message: "NPRS pain rating takes a whole number from 0 to 10 — got 11",
        },
      ],
    },
    {
      case: "a KOOS-PF item given by number instead of its PF id",
      data: entry({ instrument: "koos-pf", answers: { "1": 2 } }),
      issues: [
        { path: "[0].answers.1", message: 'KOOS-PF has no item "1"; its items are PF1 to PF11' },
      ],
    },
    {
      case: "a date that does not exist",
      data: entry({ date: "2026-02-29" }),
      issues: [
        {
          path: "[0].date",
          message:
            'must be a calendar date written YYYY-MM-DD between 1900-01-01 and 2099-12-31, e.g. 2026-11-20 — got "2026-02-29"',
        },
      ],
    },
    {
      case: "a date in another format",
      data: entry({ date: "20/11/2026" }),
      issues: [
        {
          path: "[0].date",
          message:
            'must be a calendar date written YYYY-MM-DD between 1900-01-01 and 2099-12-31, e.g. 2026-11-20 — got "20/11/2026"',
        },
      ],
    },
    {
      case: "an unknown instrument",
      data: entry({ instrument: "kujala" }),
      issues: [
        {
          path: "[0].instrument",
          message: 'must be one of "akps", "lefs", "nprs", "koos-pf" — got "kujala"',
        },
      ],
    },
    {
      case: "an unknown field",
      data: entry({ notes: "felt good" }),
      issues: [{ path: "[0]", message: 'unknown field "notes"' }],
    },
    {
      case: "answers given as a list",
      data: entry({ answers: [5, 5, 5] }),
      issues: [
        {
          path: "[0].answers",
          message: 'must be an object mapping AKPS item ids to answers, e.g. { "1": 3 }',
        },
      ],
    },
    {
      case: "a missing date",
      data: [{ instrument: "nprs", answers: { pain: 3 } }],
      issues: [{ path: "[0].date", message: "is required (expected string)" }],
    },
  ])("$case", ({ data, issues }) => {
    expect(issuesOf(data)).toEqual(issues);
  });

  it("reports every problem in one go: a bad date and two bad answers", () => {
    const data = entry({ date: "2026-13-01", answers: { "1": 4, "2": 5, "3": 1 } });
    expect(issuesOf(data)).toEqual([
      {
        path: "[0].date",
        message:
          'must be a calendar date written YYYY-MM-DD between 1900-01-01 and 2099-12-31, e.g. 2026-11-20 — got "2026-13-01"',
      },
      { path: "[0].answers.1", message: "AKPS item 1 takes 0, 3 or 5 — got 4" },
      { path: "[0].answers.3", message: "AKPS item 3 takes 0, 2, 3 or 5 — got 1" },
    ]);
  });

  it("names the entry in a longer list", () => {
    const data = [
      { instrument: "nprs", date: "2026-11-20", answers: { pain: 4 } },
      { instrument: "nprs", date: "2026-12-18", answers: { pain: -1 } },
    ];
    expect(issuesOf(data)).toEqual([
      {
        path: "[1].answers.pain",
        message: "NPRS pain rating takes a whole number from 0 to 10 — got -1",
      },
    ]);
  });

  it("refuses an instrument the clinic has switched off", () => {
    const data = [{ instrument: "koos-pf", date: "2026-11-20", answers: { PF1: 1 } }];
    expect(issuesOf(data, { enabled: ["akps", "nprs"] })).toEqual([
      {
        path: "[0].instrument",
        message:
          "the KOOS-PF is switched off in this clinic's settings; leave this response out or switch the instrument on",
      },
    ]);
    expect(issuesOf(data)).toEqual([]);
  });

  it("throws an InputError whose message lists the field and the problem", () => {
    expect(() => parseQuestionnaires(entry({ answers: { "3": 4 } }))).toThrow(
      "The questionnaires has a problem:\n  - [0].answers.3: AKPS item 3 takes 0, 2, 3 or 5 — got 4",
    );
  });
});
