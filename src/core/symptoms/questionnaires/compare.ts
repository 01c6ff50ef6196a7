import { DomainError } from "../../errors.js";
import type {
  ChangeJudgement,
  GeneralImportantReduction,
  Instrument,
  InvalidScore,
  QuestionnaireScore,
  ScoreComparison,
} from "./questionnaire.types.js";
import { INSTRUMENTS } from "./registry.js";
import { roundScore } from "./score.js";

/**
 * Scores carry at most one decimal, so a difference that should equal the threshold may
 * come out a hair below it in floating point (16.4 vs 16.399999…). Anything this close counts.
 */
const ROUNDING_TOLERANCE = 1e-9;

/** "70", "68.2" */
const formatScore = (value: number): string => String(roundScore(value));

/** "+12", "−3", "0" (a real minus sign, as printed). */
function formatSigned(value: number): string {
  const rounded = roundScore(value);
  if (rounded === 0) return "0";
  return rounded > 0 ? `+${rounded}` : `−${Math.abs(rounded)}`;
}

const pointWord = (value: number): string =>
  Math.abs(roundScore(value)) === 1 ? "point" : "points";

function judge(improvement: number, mcid: number): ChangeJudgement {
  if (improvement >= mcid - ROUNDING_TOLERANCE) return "improved";
  if (improvement <= -(mcid - ROUNDING_TOLERANCE)) return "worse";
  return "no meaningful change";
}

function verdictWords(judgement: ChangeJudgement, instrument: Instrument): string {
  const { points, population } = instrument.mcid;
  const mic = `the minimal important change of ${points} ${pointWord(points)} (${population})`;
  switch (judgement) {
    case "improved":
      return `improved, by at least ${mic}`;
    case "worse":
      return `worse, by at least ${mic}`;
    case "no meaningful change":
      return `no meaningful change, less than ${mic}`;
  }
}

/** Farrar's general mark: a fall of at least 2 points or at least 30 % of the starting pain. */
function generalReduction(
  threshold: GeneralImportantReduction,
  scores: { from: number; change: number; improvement: number },
): { met: boolean; percentChange: number | null; threshold: GeneralImportantReduction } {
  const { from, change, improvement } = scores;
  // Percent of the starting pain, signed as the numbers read: 6 → 3 is −50 %.
  const percentChange = from > 0 ? roundScore((change / from) * 100) : null;
  const met =
    improvement > 0 &&
    (improvement >= threshold.points - ROUNDING_TOLERANCE ||
      (percentChange !== null &&
        Math.abs(percentChange) >= threshold.percent - ROUNDING_TOLERANCE));
  return { met, percentChange, threshold };
}

function notScored(score: InvalidScore): DomainError {
  return new DomainError(
    `Cannot compare the ${score.shortName} of ${score.date}: it has no score (${score.note}).`,
  );
}

/**
 * The pain rating's second opinion. With whole-number ratings the 1.2-point mark means a fall
 * of 2 or more, so the two marks disagree only on a 1-point fall from a low start (3 → 2 is
 * 33 %): the clause then says so rather than hiding it.
 */
function generalClause(
  judgement: ChangeJudgement,
  general: { met: boolean; threshold: GeneralImportantReduction },
): string {
  const { points, percent, population } = general.threshold;
  const mark = `the general mark for an important reduction (${points} points or ${percent} %, ${population})`;
  if (!general.met) return `; nor does it meet ${mark}`;
  return judgement === "improved"
    ? `; it also meets ${mark}`
    : `; ${mark} would count it as important`;
}

/**
 * Compares two scores of one instrument, earlier first. `change` is later − earlier in the
 * instrument's points; `improvement` is signed so that positive is better; a change of at
 * least the MCID either way is "improved" or "worse" (sources: each instrument's mcid).
 * Throws a DomainError when the instruments differ, the dates are out of order, or a score is missing.
 */
export function compareScores(
  earlier: QuestionnaireScore,
  later: QuestionnaireScore,
): ScoreComparison {
  if (earlier.instrument !== later.instrument) {
    throw new DomainError(
      `Cannot compare scores from different questionnaires (${earlier.shortName} and ${later.shortName}).`,
    );
  }
  if (later.date < earlier.date) {
    throw new DomainError(
      `The ${earlier.shortName} scores are out of order: the earlier one is dated ${earlier.date}, after the later one (${later.date}).`,
    );
  }
  if (!earlier.valid) throw notScored(earlier);
  if (!later.valid) throw notScored(later);

  const instrument = INSTRUMENTS[earlier.instrument];
  const change = roundScore(later.score - earlier.score);
  const improvement = change === 0 ? 0 : instrument.higherIsBetter ? change : -change;
  const judgement = judge(improvement, instrument.mcid.points);
  const general =
    instrument.generalReduction === undefined
      ? undefined
      : generalReduction(instrument.generalReduction, {
          from: earlier.score,
          change,
          improvement,
        });

  const changeWords = [`${formatSigned(change)} ${pointWord(change)}`];
  if (general?.percentChange != null) changeWords.push(`${formatSigned(general.percentChange)} %`);
  let statement =
    `${instrument.shortName} ${formatScore(earlier.score)} → ${formatScore(later.score)} ` +
    `(${changeWords.join(", ")}) from ${earlier.date} to ${later.date}: ${verdictWords(judgement, instrument)}`;
  if (general !== undefined && improvement > 0) statement += generalClause(judgement, general);

  const comparison: ScoreComparison = {
    instrument: instrument.id,
    shortName: instrument.shortName,
    from: { date: earlier.date, score: earlier.score },
    to: { date: later.date, score: later.score },
    change,
    improvement,
    mcid: instrument.mcid,
    judgement,
    statement: `${statement}.`,
  };
  return general === undefined ? comparison : { ...comparison, generalReduction: general };
}
