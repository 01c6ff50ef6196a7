import { z } from "zod";
import { DATE_RANGE_TEXT, isCalendarDate } from "../../calendar-date.js";
import { parseWith } from "../../errors.js";
import { checkAnswers } from "./answers.js";
import type { Answers, InstrumentId, QuestionnaireResponse } from "./questionnaire.types.js";
import { INSTRUMENT_IDS } from "./questionnaire.types.js";
import {
  DEFAULT_QUESTIONNAIRE_SETTINGS,
  INSTRUMENTS,
  isInstrumentId,
  type QuestionnaireSettings,
} from "./registry.js";

const dateSchema = z.string().refine(isCalendarDate, {
  error: (issue) =>
    `must be a calendar date written YYYY-MM-DD ${DATE_RANGE_TEXT}, e.g. 2026-11-20 — got ${JSON.stringify(issue.input)}`,
});

// A refinement rather than z.enum, so that the message shows what was typed whatever parse
// options the caller uses (zod leaves the rejected value out of enum issues by default).
const instrumentSchema = z.string().refine(isInstrumentId, {
  error: (issue) =>
    `must be one of ${INSTRUMENT_IDS.map((id) => `"${id}"`).join(", ")} — got ${JSON.stringify(issue.input)}`,
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Copies checked answers into their typed form: numbers stay, blanks become null. */
function toAnswers(raw: Readonly<Record<string, unknown>>): Answers {
  const answers: Record<string, number | null> = {};
  for (const [itemId, value] of Object.entries(raw)) {
    answers[itemId] = typeof value === "number" ? value : null;
  }
  return answers;
}

/**
 * Schema of one questionnaire response, `{ instrument, date, answers }`, for a clinic that
 * uses the `enabled` instruments. Answers are option scores keyed by item id; null is a blank.
 * Every wrong answer is reported with its item and the scores that item accepts.
 */
export function questionnaireResponseSchemaFor(enabled: readonly InstrumentId[]) {
  return z
    .object({
      instrument: instrumentSchema,
      date: dateSchema,
      answers: z.unknown(),
    })
    .strict()
    .superRefine(
      (value, ctx) => {
        const instrument = INSTRUMENTS[value.instrument];
        if (!enabled.includes(value.instrument)) {
          ctx.addIssue({
            code: "custom",
            path: ["instrument"],
            message: `the ${instrument.shortName} is switched off in this clinic's settings; leave this response out or switch the instrument on`,
          });
          return;
        }
        if (!isRecord(value.answers)) {
          ctx.addIssue({
            code: "custom",
            path: ["answers"],
            message: `must be an object mapping ${instrument.shortName} item ids to answers, e.g. { "${instrument.items[0]?.id ?? "1"}": 3 }`,
          });
          return;
        }
        for (const issue of checkAnswers(instrument, value.answers)) {
          ctx.addIssue({ code: "custom", path: ["answers", issue.itemId], message: issue.message });
        }
      },
      // Check the answers even when the date is wrong, so that all problems show at once.
      { when: (payload) => isRecord(payload.value) && isInstrumentId(payload.value.instrument) },
    )
    .transform(
      (value): QuestionnaireResponse => ({
        instrument: value.instrument,
        date: value.date,
        answers: isRecord(value.answers) ? toAnswers(value.answers) : {},
      }),
    );
}

/** One questionnaire response with every instrument switched on. */
export const questionnaireResponseSchema = questionnaireResponseSchemaFor(
  DEFAULT_QUESTIONNAIRE_SETTINGS.enabled,
);

/** The `questionnaires` list of an assessment file. */
export const questionnairesSchema = z.array(questionnaireResponseSchema);

/**
 * Parses a list of responses for a clinic's settings; throws an InputError naming each bad
 * field (e.g. `[0].answers.3`) and what it accepts.
 */
export function parseQuestionnaires(
  data: unknown,
  settings: QuestionnaireSettings = DEFAULT_QUESTIONNAIRE_SETTINGS,
): QuestionnaireResponse[] {
  return parseWith(
    z.array(questionnaireResponseSchemaFor(settings.enabled)),
    data,
    "questionnaires",
  );
}
