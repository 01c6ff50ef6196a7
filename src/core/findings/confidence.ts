import type { Confidence } from "../movement/evidence.js";
import type { Finding } from "./finding.types.js";

/**
 * Confidence from independent signs: high when three or more agree and at most one
 * disagrees, moderate when two agree, low otherwise. Counting signs rather than weighting
 * them keeps the reasoning visible to the person reading it.
 */
export function confidenceOf(agreeing: number, considered: number): Finding["confidence"] {
  const against = considered - agreeing;
  let level: Confidence = "low";
  if (agreeing >= 3 && against <= 1) level = "high";
  else if (agreeing >= 2) level = "moderate";
  return { level, agreeing, considered };
}

/** A group of related evidence counted as one independent sign. */
export interface SignGroup {
  name: string;
  /** true: points towards the finding; false: looked at and points away; undefined: no data. */
  supports: boolean | undefined;
}

export function countSigns(groups: readonly SignGroup[]): { agreeing: number; considered: number } {
  const looked = groups.filter((g) => g.supports !== undefined);
  return { agreeing: looked.filter((g) => g.supports).length, considered: looked.length };
}
