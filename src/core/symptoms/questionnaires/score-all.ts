import { RULES_VERSION } from "../../rules-version.js";
import { compareScores } from "./compare.js";
import type {
  InstrumentId,
  QuestionnaireResponse,
  QuestionnaireScore,
  ScoreComparison,
  ValidScore,
} from "./questionnaire.types.js";
import { INSTRUMENT_IDS } from "./questionnaire.types.js";
import {
  DEFAULT_QUESTIONNAIRE_SETTINGS,
  INSTRUMENTS,
  type QuestionnaireSettings,
} from "./registry.js";
import { scoreQuestionnaire } from "./score.js";

/** Every response to one instrument, scored, with the latest score and how it has changed. */
export interface QuestionnaireSummary {
  instrument: InstrumentId;
  name: string;
  shortName: string;
  /** All responses, oldest first (same-day responses keep their input order); unscorable ones included. */
  scores: QuestionnaireScore[];
  /** The most recent response that could be scored. */
  latest: ValidScore | null;
  /** First scored response → latest: the change over the whole episode. Null with fewer than two. */
  fromFirst: ScoreComparison | null;
  /** Second-latest scored response → latest: the change since last time. Null with fewer than two. */
  fromPrevious: ScoreComparison | null;
}

/** Everything scoreAll found, with the rules version it was computed under. */
export interface QuestionnaireReport {
  rulesVersion: string;
  /** One entry per instrument that has responses, in INSTRUMENT_IDS order. */
  instruments: QuestionnaireSummary[];
  /** Instruments that had responses but are switched off for the clinic: not scored. */
  switchedOff: InstrumentId[];
}

const byDate = (a: { date: string }, b: { date: string }): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : 0;

/**
 * Scores every response and, per instrument, gives the latest score and its change from the
 * first and from the previous scored response, judged against each instrument's MCID.
 * Responses to instruments switched off in `settings` are left out and listed in `switchedOff`.
 */
export function scoreAll(
  responses: readonly QuestionnaireResponse[],
  settings: QuestionnaireSettings = DEFAULT_QUESTIONNAIRE_SETTINGS,
): QuestionnaireReport {
  const instruments: QuestionnaireSummary[] = [];
  const switchedOff: InstrumentId[] = [];
  for (const id of INSTRUMENT_IDS) {
    const own = responses.filter((response) => response.instrument === id);
    if (own.length === 0) continue;
    if (!settings.enabled.includes(id)) {
      switchedOff.push(id);
      continue;
    }
    const scores = [...own].sort(byDate).map(scoreQuestionnaire);
    const scored = scores.filter((score): score is ValidScore => score.valid);
    const latest = scored[scored.length - 1] ?? null;
    const first = scored[0];
    const previous = scored[scored.length - 2];
    instruments.push({
      instrument: id,
      name: INSTRUMENTS[id].name,
      shortName: INSTRUMENTS[id].shortName,
      scores,
      latest,
      fromFirst:
        latest !== null && first !== undefined && scored.length >= 2
          ? compareScores(first, latest)
          : null,
      fromPrevious:
        latest !== null && previous !== undefined ? compareScores(previous, latest) : null,
    });
  }
  return { rulesVersion: RULES_VERSION, instruments, switchedOff };
}

/**
 * The per-instrument list of scoreAll, for callers that record the rules version themselves.
 * Switched-off instruments are left out (parseQuestionnaires already refuses them on input).
 */
export function summariseQuestionnaires(
  responses: readonly QuestionnaireResponse[],
  settings: QuestionnaireSettings = DEFAULT_QUESTIONNAIRE_SETTINGS,
): QuestionnaireSummary[] {
  return scoreAll(responses, settings).instruments;
}
