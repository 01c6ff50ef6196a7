import type { AsymmetryFormula } from "../settings.js";
import type { Laterality, Side } from "../side.js";

/**
 * Each asymmetry formula written out. Vendors differ, so every report states the one used
 * (lsi-convention; docs/clinical-sources.md, "Strength").
 */
export const ASYMMETRY_FORMULA_TEXT: Readonly<Record<AsymmetryFormula, string>> = {
  "lsi-deficit": "100 − involved ÷ uninvolved × 100 (how far the involved side falls short)",
  "difference-over-max":
    "(right − left) ÷ the stronger side × 100 (signed: positive when the right is stronger)",
  "difference-over-mean": "|left − right| ÷ mean of both sides × 100 (unsigned)",
};

/**
 * Limb symmetry index, % = involved ÷ uninvolved × 100 (lsi-convention). Both values in
 * the same unit (N or Nm) and > 0; 100 is perfect symmetry.
 */
export function limbSymmetryIndex(involved: number, uninvolved: number): number {
  return (involved / uninvolved) * 100;
}

/** Left and right values (both > 0, same unit) and which side is involved. */
export interface SidePair {
  left: number;
  right: number;
  /** Needed by "lsi-deficit"; when absent, the sides are equal and the deficit is 0. */
  involved?: Side;
}

/**
 * Side-to-side asymmetry in percent by the clinic's chosen formula (settings.asymmetryFormula;
 * see ASYMMETRY_FORMULA_TEXT). Values > 0 in N or Nm (lsi-convention).
 */
export function asymmetryPercent(formula: AsymmetryFormula, pair: SidePair): number {
  const { left, right } = pair;
  switch (formula) {
    case "lsi-deficit": {
      if (pair.involved === undefined) return 0;
      const [involved, uninvolved] = pair.involved === "left" ? [left, right] : [right, left];
      return 100 - limbSymmetryIndex(involved, uninvolved);
    }
    case "difference-over-max":
      return ((right - left) / Math.max(left, right)) * 100;
    case "difference-over-mean":
      return (Math.abs(left - right) / ((left + right) / 2)) * 100;
  }
}

/** The side with the lower value, or undefined when both are equal. */
export function weakerSideOf(pair: { left: number; right: number }): Side | undefined {
  if (pair.left === pair.right) return undefined;
  return pair.left < pair.right ? "left" : "right";
}

/** Which side counts as involved, and the rule that chose it, in words. */
export interface InvolvedSideChoice {
  side?: Side;
  reason: string;
}

/**
 * The involved side for the LSI (lsi-convention): the painful knee when exactly one hurts;
 * otherwise the weaker side in this test. Values are the test's left and right (N or Nm).
 */
export function chooseInvolvedSide(
  pair: { left: number; right: number },
  painSide: Laterality | undefined,
): InvolvedSideChoice {
  if (painSide === "left" || painSide === "right") {
    return {
      side: painSide,
      reason: `The ${painSide} knee hurts, so the ${painSide} side is involved.`,
    };
  }
  const weaker = weakerSideOf(pair);
  const why = painSide === "both" ? "Both knees hurt" : "No knee pain recorded";
  if (weaker === undefined) {
    return { reason: `${why} and both sides read the same, so neither side is taken as involved.` };
  }
  return {
    side: weaker,
    reason: `${why}, so the weaker side in this test (${weaker}) is involved.`,
  };
}
