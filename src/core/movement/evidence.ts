import type { Side } from "../side.js";
import type { SourceId } from "../sources.js";

/** What a movement sign is seen in. */
export type MovementTask =
  | "single-leg-stance"
  | "sit-to-stand"
  | "squat"
  | "lunge"
  | "single-leg-squat"
  | "running";

/**
 * A sign of poor hip control or running technique. Self-tests, a clinician's eye and
 * video analysis all report in these terms, so findings treat them alike.
 */
export type MovementSign =
  | "pelvic-drop" // pelvis drops on the unsupported side (Trendelenburg; seed-004, bramah-2018)
  | "knee-valgus" // knee caves inward (dynamic valgus)
  | "trunk-lean" // trunk leans sideways over the stance leg
  | "knee-tension" // tension felt in the knees while rising
  | "thigh-dominant" // effort felt all in the front of the thighs
  | "weight-on-toes" // weight shifts onto the toes, knees travel far forward
  | "poor-single-leg-squat" // Crossley rating fair or poor
  | "overstride" // foot lands far ahead of the body
  | "short-stride" // short steps or striding behind the body (seed 001)
  | "low-cadence" // steps per minute low for the runner
  | "lateral-movement" // side-to-side movement while running
  | "crossover"; // feet land on or across the midline

/** How a sign was observed; "watch" is a running watch's own measurement (cadence). */
export type EvidenceMethod = "self-test" | "clinician-observation" | "video" | "watch";
export type Confidence = "low" | "moderate" | "high";

/** A measured quantity behind a sign, with its unit and, where known, its reference. */
export interface Measurement {
  value: number;
  unit: string;
  /** e.g. "healthy women 8.4 ± 5.1°" */
  reference?: string;
}

/** One observation of a movement sign, present or absent. */
export interface MovementEvidence {
  task: MovementTask;
  sign: MovementSign;
  /** true when the sign was seen; false when it was looked for and not seen. */
  present: boolean;
  /** The stance or tested side; absent for a bilateral task. */
  side?: Side;
  measured?: Measurement;
  confidence: Confidence;
  method: EvidenceMethod;
  /** What was observed, in plain words. */
  observation: string;
  source: SourceId;
}
