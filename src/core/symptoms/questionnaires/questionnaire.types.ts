import type { SourceId } from "../../sources.js";

/** Every instrument id, in the order reports list them. */
export const INSTRUMENT_IDS = ["akps", "lefs", "nprs", "koos-pf"] as const;

/** The outcome questionnaires hipcheck scores. A clinic can switch any of them off by id. */
export type InstrumentId = (typeof INSTRUMENT_IDS)[number];

/** One answer a person can tick, and the points it carries in the pinned version. */
export interface AnswerOption {
  score: number;
  label: string;
}

/** One question. `id` is the key answers are stored under ("1", "PF3", "pain"). */
export interface InstrumentItem {
  id: string;
  text: string;
  options: readonly AnswerOption[];
}

/**
 * How answers become a score, and how many may be missing.
 * - sum: total of the option scores; at least `minAnswered` items answered, no filling in.
 * - prorated-sum: total of the option scores; up to `maxMissing` items missing, then the
 *   total is scaled up to all items (sum ÷ answered × items).
 * - koos: 100 − mean item score × 25 over the answered items; at least `minAnswered`.
 */
export type ScoringRule =
  | { kind: "sum"; minAnswered: number }
  | { kind: "prorated-sum"; maxMissing: number }
  | { kind: "koos"; minAnswered: number };

/** The smallest change in score that patients notice as meaningful, with where the figure comes from. */
export interface MinimalImportantChange {
  /** In the instrument's own points. */
  points: number;
  source: SourceId;
  /** The population it was measured in, e.g. "patellofemoral pain". */
  population: string;
}

/** A second, general threshold for a clinically important reduction: points or percent, whichever is met. */
export interface GeneralImportantReduction {
  points: number;
  percent: number;
  source: SourceId;
  population: string;
}

/** A validated questionnaire, pinned to one published version. */
export interface Instrument {
  id: InstrumentId;
  /** Full name, e.g. "Anterior Knee Pain Scale (Kujala score)". */
  name: string;
  /** Short name for sentences and tables, e.g. "AKPS". */
  shortName: string;
  /** Which published version the items and option scores follow. */
  version: string;
  /** What the person is told before the items; empty when none is bundled. */
  instructions: string;
  items: readonly InstrumentItem[];
  /** Lowest and highest possible score. */
  range: readonly [number, number];
  higherIsBetter: boolean;
  mcid: MinimalImportantChange;
  /** Only the pain rating has one: Farrar's general 2-point / 30 % mark. */
  generalReduction?: GeneralImportantReduction;
  scoring: ScoringRule;
  /** The missing-item rule in words, for reports. */
  missingRule: string;
  /** The instrument's own citation. */
  source: SourceId;
  /** Terms of use, and any notice a printed form must carry. */
  licence: string;
  /** false when the item wording is not bundled and the clinic must supply it. */
  wordingBundled: boolean;
}

/** Answers keyed by item id: the option's score, or null when the item was left blank. */
export type Answers = Readonly<Record<string, number | null>>;

/** One completed questionnaire, as stored in an assessment file. */
export interface QuestionnaireResponse {
  instrument: InstrumentId;
  /** YYYY-MM-DD, the day it was filled in. */
  date: string;
  answers: Answers;
}

interface ScoreBase {
  instrument: InstrumentId;
  name: string;
  shortName: string;
  date: string;
  range: readonly [number, number];
  higherIsBetter: boolean;
  /** Items with an answer. */
  answered: number;
  /** Items in the instrument. */
  total: number;
  /** Ids of the items left blank. */
  missing: string[];
  source: SourceId;
}

/** A score that could be computed. `note` says when it was prorated. */
export interface ValidScore extends ScoreBase {
  valid: true;
  score: number;
  note?: string;
}

/** A response that could not be scored; `note` says why. No score is invented. */
export interface InvalidScore extends ScoreBase {
  valid: false;
  score: null;
  note: string;
}

export type QuestionnaireScore = ValidScore | InvalidScore;

export type ChangeJudgement = "improved" | "worse" | "no meaningful change";

/** One dated score, as it enters a comparison. */
export interface DatedScore {
  date: string;
  score: number;
}

/** How two scores of one instrument compare. */
export interface ScoreComparison {
  instrument: InstrumentId;
  shortName: string;
  from: DatedScore;
  to: DatedScore;
  /** later − earlier, in the instrument's points, as the numbers read (a pain fall is negative). */
  change: number;
  /** The change signed so that positive is better for the patient, whatever the scale's direction. */
  improvement: number;
  mcid: MinimalImportantChange;
  judgement: ChangeJudgement;
  /** Pain rating only: whether the fall also meets the general 2-point / 30 % mark. */
  generalReduction?: {
    met: boolean;
    percentChange: number | null;
    threshold: GeneralImportantReduction;
  };
  /** The comparison in one plain sentence with its numbers. */
  statement: string;
}
