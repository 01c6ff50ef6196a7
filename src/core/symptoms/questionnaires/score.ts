import { checkAnswers } from "./answers.js";
import type {
  Instrument,
  InvalidScore,
  QuestionnaireResponse,
  QuestionnaireScore,
  ValidScore,
} from "./questionnaire.types.js";
import { INSTRUMENTS } from "./registry.js";

/** Prorated and KOOS scores are kept to one decimal, so that what is shown is what is judged. */
const DECIMALS = 1;

/** Rounds to one decimal: 68.1818 → 68.2. */
export function roundScore(value: number): number {
  const factor = 10 ** DECIMALS;
  return Math.round(value * factor) / factor;
}

/** "item 9", "items 4 and 9" */
function itemsWord(ids: readonly string[]): string {
  return `${ids.length === 1 ? "item" : "items"} ${listIds(ids)}`;
}

function listIds(ids: readonly string[]): string {
  return ids.length <= 1
    ? ids.join("")
    : `${ids.slice(0, -1).join(", ")} and ${ids[ids.length - 1]}`;
}

/**
 * Scores one response with its instrument's pinned option scores and missing-item rule:
 * AKPS sum 0–100, all 13 needed (kujala-1993); LEFS sum 0–80, prorated with ≤ 4 blanks
 * (binkley-1999); NPRS 0–10 (piva-2009); KOOS-PF 100 − mean × 25, ≥ 6 of 11 (crossley-2018).
 * A response that breaks a rule comes back `valid: false` with the reason and no score.
 */
export function scoreQuestionnaire(response: QuestionnaireResponse): QuestionnaireScore {
  const instrument = INSTRUMENTS[response.instrument];
  const answered: number[] = [];
  const missing: string[] = [];
  for (const item of instrument.items) {
    const value = response.answers[item.id];
    if (typeof value === "number") answered.push(value);
    else missing.push(item.id);
  }
  const base = {
    instrument: instrument.id,
    name: instrument.name,
    shortName: instrument.shortName,
    date: response.date,
    range: instrument.range,
    higherIsBetter: instrument.higherIsBetter,
    answered: answered.length,
    total: instrument.items.length,
    missing,
    source: instrument.source,
  };
  const invalid = (note: string): InvalidScore => ({ ...base, valid: false, score: null, note });
  const valid = (score: number, note?: string): ValidScore =>
    note === undefined ? { ...base, valid: true, score } : { ...base, valid: true, score, note };

  const problems = checkAnswers(instrument, response.answers);
  if (problems.length > 0) {
    return invalid(`not scored: ${problems.map((problem) => problem.message).join("; ")}`);
  }

  const total = instrument.items.length;
  const sum = answered.reduce((acc, value) => acc + value, 0);
  const rule = instrument.scoring;
  switch (rule.kind) {
    case "sum": {
      if (answered.length < rule.minAnswered) {
        return invalid(notEnoughAnswered(instrument, missing, rule.minAnswered));
      }
      return valid(sum);
    }
    case "prorated-sum": {
      if (missing.length > rule.maxMissing) {
        return invalid(
          `not scored: ${missing.length} of ${total} items blank (${itemsWord(missing)}); the ${instrument.shortName} is prorated only with up to ${rule.maxMissing} blank`,
        );
      }
      if (missing.length === 0) return valid(sum);
      // Scale the answered items up to the full form (hipcheck's LEFS rule, see instruments/lefs.ts).
      const prorated = roundScore((sum / answered.length) * total);
      return valid(
        prorated,
        `prorated from ${answered.length} of ${total} answered items (${sum} ÷ ${answered.length} × ${total}); blank: ${itemsWord(missing)}`,
      );
    }
    case "koos": {
      if (answered.length < rule.minAnswered) {
        return invalid(
          `not scored: only ${answered.length} of ${total} items answered; the ${instrument.shortName} needs at least ${rule.minAnswered}`,
        );
      }
      // 0 = no problems on every item gives 100; 4 = extreme problems on every item gives 0.
      const score = roundScore(100 - (sum / answered.length) * 25);
      return missing.length === 0
        ? valid(score)
        : valid(
            score,
            `scored from ${answered.length} of ${total} answered items; blank: ${itemsWord(missing)}`,
          );
    }
  }
}

function notEnoughAnswered(
  instrument: Instrument,
  missing: readonly string[],
  minAnswered: number,
): string {
  if (instrument.items.length === 1) return `not scored: no ${instrument.shortName} rating given`;
  const total = instrument.items.length;
  const needed = minAnswered === total ? `all ${total}` : `at least ${minAnswered}`;
  return `not scored: ${missing.length} of ${total} items blank (${itemsWord(missing)}); the ${instrument.shortName} needs ${needed} answered`;
}
