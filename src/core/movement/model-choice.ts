/**
 * When the fast pose model's keypoints are not good enough: the quality signals of a running
 * analysis that a more accurate model can mend (an unclear rhythm, contacts off the beat, unsure
 * or mixed-up legs), as opposed to what no model can (slow motion, a clip too short).
 */
import type { RunningAnalysis } from "./running-analysis.js";
import { LOW_SCORE, RHYTHM_AGREEMENT_PCT_FOR_MODEL } from "./running-warnings.js";

/** Warnings a better pose model may clear. */
const MENDABLE = new Set([
  "no-clear-rhythm",
  "rhythm-disagrees",
  "implausible-value",
  "sides-confused",
]);

/**
 * Why the keypoints of this analysis are too poor to keep, in a few words, or undefined when they
 * are good enough. Used to measure a clip again with the accurate model.
 */
export function keypointsTooPoor(analysis: RunningAnalysis): string | undefined {
  const mendable = analysis.warnings.find((w) => MENDABLE.has(w.code));
  if (mendable) return mendable.code.replaceAll("-", " ");
  if (analysis.quality.meanScore < LOW_SCORE)
    return `mean keypoint score ${analysis.quality.meanScore.toFixed(2)}`;
  const agreement = analysis.rhythm?.agreementPct;
  if (agreement !== undefined && agreement > RHYTHM_AGREEMENT_PCT_FOR_MODEL)
    return `contacts ${agreement.toFixed(1)} % off the rhythm`;
  return undefined;
}
