import type { MovementEvidence } from "./evidence.js";
import { judgeMeasurements } from "./judge-movement.js";
import { runningMeasurements } from "./measurements.js";
import { DEFAULT_MOVEMENT_THRESHOLDS, type MovementThresholds } from "./movement-thresholds.js";
import type { RunningAnalysis } from "./running-analysis.js";

export { videoConfidence } from "./measurements.js";

/**
 * A running analysis judged straight away (the `analyze` command's preview): its measurements
 * against the thresholds given. `assess` judges stored measurements again with the clinic's own.
 */
export function runningEvidence(
  analysis: RunningAnalysis,
  thresholds: MovementThresholds = DEFAULT_MOVEMENT_THRESHOLDS,
): MovementEvidence[] {
  return judgeMeasurements(runningMeasurements(analysis), thresholds).evidence;
}
