import type { MovementEvidence } from "./evidence.js";
import { judgeMeasurements } from "./judge-movement.js";
import { squatMeasurements, stanceMeasurements } from "./measurements.js";
import { DEFAULT_MOVEMENT_THRESHOLDS, type MovementThresholds } from "./movement-thresholds.js";
import type { SingleLegSquatAnalysis } from "./single-leg-squat.js";
import type { SingleLegStanceAnalysis } from "./single-leg-stance.js";

/** A single-leg squat judged straight away: knee valgus, pelvic drop, trunk lean per standing leg. */
export function singleLegSquatEvidence(
  analysis: SingleLegSquatAnalysis,
  thresholds: MovementThresholds = DEFAULT_MOVEMENT_THRESHOLDS,
): MovementEvidence[] {
  return judgeMeasurements(squatMeasurements(analysis), thresholds).evidence;
}

/** A single-leg stance judged straight away: the lifted side's drop per hold (seed-004). */
export function singleLegStanceEvidence(
  analysis: SingleLegStanceAnalysis,
  thresholds: MovementThresholds = DEFAULT_MOVEMENT_THRESHOLDS,
): MovementEvidence[] {
  return judgeMeasurements(stanceMeasurements(analysis), thresholds).evidence;
}
