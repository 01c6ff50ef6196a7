import type { Confidence } from "../movement/evidence.js";
import type { Side } from "../side.js";
import type { SourceId } from "../sources.js";

/** The findings hipcheck can reach. Exercises and plan items link to these ids. */
export type FindingId =
  | "hip-driven-knee-pain" // weak or asymmetric hip, normal knee, movement signs (seed 000)
  | "load-error" // too much too soon, or return after a break (seeds 002, 003)
  | "hip-flexor-tightness" // sitting, short stride, anterior tilt (seeds 001, 002, 004)
  | "overstriding" // foot far ahead of the body, low cadence (seed 001; souza-2016)
  | "knee-strength-deficit" // the knee's own muscles are weak: not only a hip story
  | "not-enough-data"; // a decisive test is missing

/** How strongly the evidence supports a finding. */
export type FindingStatus = "likely" | "possible" | "unlikely" | "undetermined";

/** One piece of evidence behind a finding: the value, the threshold it was judged against, its source. */
export interface FindingEvidence {
  /** Plain statement, e.g. "Right hip abduction LSI 72 %". */
  statement: string;
  /** true when it points towards the finding, false when against. */
  supports: boolean;
  value?: string;
  /** The line the value was judged against, e.g. "deficit below 90 %". */
  threshold?: string;
  /** What the value is compared with, in a full phrase of its own (a movement's reference). */
  reference?: string;
  source: SourceId;
}

export interface Finding {
  id: FindingId;
  title: string;
  status: FindingStatus;
  side?: Side;
  /**
   * How sure, from independent signs weighted by how they were obtained (docs/decisions/0006):
   * `agreeing` signs point towards the finding and `against` away, of `considered` looked at;
   * `signs` lists every group with its state (present, absent, not tested) and quality.
   */
  confidence: {
    level: Confidence;
    agreeing: number;
    considered: number;
    against: number;
    signs: {
      name: string;
      state: "present" | "absent" | "not-tested";
      quality?: "self-report" | "clinician-observation" | "measured";
    }[];
  };
  /** How likely, how sure and why, in one plain line for each reader. */
  label: { runner: string; clinician: string };
  /** Wording for the runner. */
  plain: string;
  /** Wording for the clinician. */
  clinical: string;
  evidence: FindingEvidence[];
  /** What to do next: tests that would decide, or treatment directions. */
  next: string[];
}
