/**
 * Ottawa knee rules (stiell-1996): after an acute knee injury, an X-ray is needed when any
 * one of five findings is present. Derived in the original work for injuries up to 7 days old.
 */
import type { Trauma } from "./trauma.schema.js";

/** The rules were derived and validated for injuries seen within 7 days (stiell-1996). */
export const OTTAWA_MAX_DAYS_SINCE_INJURY = 7;
/** Age at or above which an X-ray is advised after knee injury (stiell-1996). */
export const OTTAWA_AGE = 55;

export type OttawaCriterionId =
  | "age-55-or-over"
  | "isolated-kneecap-tenderness"
  | "fibular-head-tenderness"
  | "cannot-bend-to-90"
  | "cannot-walk-four-steps";

export interface OttawaCriterion {
  id: OttawaCriterionId;
  /** The finding in plain words, e.g. "cannot bend the knee to 90°". */
  text: string;
  /** true = present, false = absent, null = not answered. */
  met: boolean | null;
}

export type OttawaStatus =
  | "not-applicable" // no injury, or more than 7 days ago
  | "xray-advised" // at least one criterion present
  | "xray-not-needed" // every criterion answered and absent
  | "incomplete"; // none present so far, but some not answered

export interface OttawaResult {
  status: OttawaStatus;
  /** Empty when not applicable. */
  criteria: OttawaCriterion[];
}

/** Negates an answer, keeping "not answered" as null. */
const not = (answer: boolean | undefined): boolean | null =>
  answer === undefined ? null : !answer;

/**
 * Applies the Ottawa knee rules to a recent injury (age in years or unknown; injury 0–7 days ago).
 * Any criterion present → X-ray advised; all absent → not needed (stiell-1996).
 */
export function ottawaKneeRule(options: {
  /** Years; undefined when not known (the age criterion is then unanswered). */
  age?: number | undefined;
  trauma: Trauma | undefined;
}): OttawaResult {
  const { age, trauma } = options;
  if (trauma === undefined || !trauma.recent || trauma.daysAgo > OTTAWA_MAX_DAYS_SINCE_INJURY) {
    return { status: "not-applicable", criteria: [] };
  }
  // Unable to bear weight for four steps counts only when true both straight after the
  // injury and now; a single "could walk" answer rules the criterion out.
  const walkedThen = trauma.couldWalkFourStepsImmediately;
  const walksNow = trauma.canWalkFourStepsNow;
  const cannotWalk =
    walkedThen === true || walksNow === true
      ? false
      : walkedThen === false && walksNow === false
        ? true
        : null;

  const criteria: OttawaCriterion[] = [
    {
      id: "age-55-or-over",
      text: `aged ${OTTAWA_AGE} or over`,
      met: age === undefined ? null : age >= OTTAWA_AGE,
    },
    {
      id: "isolated-kneecap-tenderness",
      text: "tenderness of the kneecap only",
      met: trauma.isolatedKneecapTenderness ?? null,
    },
    {
      id: "fibular-head-tenderness",
      text: "tenderness of the fibular head",
      met: trauma.fibularHeadTenderness ?? null,
    },
    {
      id: "cannot-bend-to-90",
      text: "cannot bend the knee to 90°",
      met: not(trauma.canBendTo90Degrees),
    },
    {
      id: "cannot-walk-four-steps",
      text: "could not take four steps straight after the injury and cannot now",
      met: cannotWalk,
    },
  ];

  const status: OttawaStatus = criteria.some((c) => c.met === true)
    ? "xray-advised"
    : criteria.some((c) => c.met === null)
      ? "incomplete"
      : "xray-not-needed";
  return { status, criteria };
}
