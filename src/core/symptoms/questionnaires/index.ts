/**
 * Outcome questionnaires: AKPS, LEFS, NPRS and KOOS-PF. Definitions pinned to one published
 * version each, input schemas, scoring with each instrument's missing-item rule, and change
 * judged against each instrument's minimal important change.
 */
export { type AnswerIssue, checkAnswers, describeOptions, itemLabel } from "./answers.js";
export { compareScores } from "./compare.js";
export { AKPS } from "./instruments/akps.js";
export { KOOS_PF } from "./instruments/koos-pf.js";
export { LEFS } from "./instruments/lefs.js";
export { NPRS } from "./instruments/nprs.js";
export {
  parseQuestionnaires,
  questionnaireResponseSchema,
  questionnaireResponseSchemaFor,
  questionnairesSchema,
} from "./questionnaire.schema.js";
export * from "./questionnaire.types.js";
export {
  DEFAULT_QUESTIONNAIRE_SETTINGS,
  INSTRUMENTS,
  isInstrumentId,
  type QuestionnaireSettings,
} from "./registry.js";
export { roundScore, scoreQuestionnaire } from "./score.js";
export {
  type QuestionnaireReport,
  type QuestionnaireSummary,
  scoreAll,
  summariseQuestionnaires,
} from "./score-all.js";
