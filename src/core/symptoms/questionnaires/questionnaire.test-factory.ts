/** Small builders for questionnaire tests. */
import type {
  Answers,
  Instrument,
  InstrumentId,
  InstrumentItem,
  QuestionnaireResponse,
  ValidScore,
} from "./questionnaire.types.js";
import { INSTRUMENTS } from "./registry.js";

/** Option scores of an item, ordered from worst to best for the patient. */
export function scoresWorstToBest(instrument: Instrument, item: InstrumentItem): number[] {
  const ascending = item.options.map((option) => option.score).sort((a, b) => a - b);
  // KOOS items count problems (0 = none), and a pain rating counts pain: low is good.
  const lowIsGood = instrument.scoring.kind === "koos" || !instrument.higherIsBetter;
  return lowIsGood ? ascending.reverse() : ascending;
}

/** Answers built item by item; `pick` returns an option score or null for a blank. */
export function answersFor(
  id: InstrumentId,
  pick: (item: InstrumentItem, index: number) => number | null,
): Answers {
  return Object.fromEntries(
    INSTRUMENTS[id].items.map((item, index) => [item.id, pick(item, index)]),
  );
}

/** Every item answered with its best option. */
export const bestAnswers = (id: InstrumentId): Answers =>
  answersFor(id, (item) => scoresWorstToBest(INSTRUMENTS[id], item).at(-1) ?? null);

/** Every item answered with its worst option. */
export const worstAnswers = (id: InstrumentId): Answers =>
  answersFor(id, (item) => scoresWorstToBest(INSTRUMENTS[id], item)[0] ?? null);

/** Answers from a list of option scores in item order. */
export const answersInOrder = (id: InstrumentId, values: readonly (number | null)[]): Answers =>
  answersFor(id, (_item, index) => values[index] ?? null);

export const response = (
  instrument: InstrumentId,
  date: string,
  answers: Answers,
): QuestionnaireResponse => ({ instrument, date, answers });

/** A scored result with a given score, for comparison tests that need exact numbers. */
export function validScore(instrument: InstrumentId, date: string, score: number): ValidScore {
  const definition = INSTRUMENTS[instrument];
  return {
    instrument,
    name: definition.name,
    shortName: definition.shortName,
    date,
    range: definition.range,
    higherIsBetter: definition.higherIsBetter,
    answered: definition.items.length,
    total: definition.items.length,
    missing: [],
    source: definition.source,
    valid: true,
    score,
  };
}
