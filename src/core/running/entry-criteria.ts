import type { SourceId } from "../sources.js";
import { plural } from "./format.js";
import type { EntryCriteriaSettings } from "./run-settings.js";

/** What the runner can do today, on the painful leg. Leave a field out when it was not tried. */
export interface EntryAnswers {
  /** Longest brisk walk without pain or limp, minutes. */
  painFreeBriskWalkMin?: number;
  /** Single-leg squats in a row without pain. */
  painFreeSingleLegSquats?: number;
  /** Seconds of single-leg hopping without pain. */
  painFreeHopSec?: number;
}

/** One entry criterion and how the runner did against it. */
export interface EntryCriterionResult {
  criterion: "brisk-walk" | "single-leg-squats" | "hopping";
  met: boolean;
  /** e.g. "Brisk walk: 20 min without pain or limp; 30 min needed." */
  reason: string;
}

export interface EntryCheck {
  met: boolean;
  criteria: EntryCriterionResult[];
  /** The reasons of unmet criteria (all reasons when every criterion is met). */
  reasons: string[];
  source: SourceId;
}

function judge(options: {
  criterion: EntryCriterionResult["criterion"];
  name: string;
  value: number | undefined;
  needed: number;
  unit: (n: number) => string;
}): EntryCriterionResult {
  const { criterion, name, value, needed, unit } = options;
  if (value === undefined) {
    return { criterion, met: false, reason: `${name}: not tried yet; ${unit(needed)} needed.` };
  }
  const met = value >= needed;
  return {
    criterion,
    met,
    reason: `${name}: ${unit(value)} without pain${criterion === "brisk-walk" ? " or limp" : ""}; ${unit(needed)} needed.`,
  };
}

/**
 * Checks the clinic's start criteria for running (clinic-return-criteria, configurable):
 * brisk walk (min), single-leg squats (count) and hopping (s), all without pain.
 * Any criterion not met or not tried → not met: the plan begins with a walking block.
 */
export function checkEntryCriteria(
  answers: EntryAnswers,
  criteria: EntryCriteriaSettings,
): EntryCheck {
  const results = [
    judge({
      criterion: "brisk-walk",
      name: "Brisk walk",
      value: answers.painFreeBriskWalkMin,
      needed: criteria.briskWalkMin,
      unit: (n) => `${n} min`,
    }),
    judge({
      criterion: "single-leg-squats",
      name: "Single-leg squats",
      value: answers.painFreeSingleLegSquats,
      needed: criteria.singleLegSquatReps,
      unit: (n) => plural(n, "squat"),
    }),
    judge({
      criterion: "hopping",
      name: "Single-leg hopping",
      value: answers.painFreeHopSec,
      needed: criteria.hopSec,
      unit: (n) => `${n} s`,
    }),
  ];
  const met = results.every((r) => r.met);
  return {
    met,
    criteria: results,
    reasons: results.filter((r) => met || !r.met).map((r) => r.reason),
    source: "clinic-return-criteria",
  };
}
