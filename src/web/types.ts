import type { AssessmentResult } from "../core/assessment/assess.js";
import type { Programme } from "../core/program/programme.types.js";
import type { AssessmentComparison } from "../core/retest/compare-assessments.js";

/** The rows the API returns, as the web app reads them. */

export interface AssessmentRow {
  id: string;
  runnerId: string;
  kind: "initial" | "retest";
  assessedOn: string | null;
  input: Record<string, unknown>;
  result: AssessmentResult | null;
  rulesVersion: string | null;
  referral: boolean | null;
  stale: boolean;
  createdAt: string;
}

export interface ProgrammeRow {
  id: string;
  runnerId: string;
  assessmentId: string;
  programme: Programme;
  startsOn: string;
  endsOn: string;
  active: boolean;
}

export interface LogRow {
  id: string;
  loggedOn: string;
  kind: "run" | "strength";
  entry: Record<string, unknown>;
  painMax: number;
}

export interface RunnerSummary {
  id: string;
  userId: string | null;
  clinicId: string | null;
  displayName: string;
  selfGuided: boolean;
  shares: { clinicId: string; clinicName: string; grantedAt: string }[];
  activeProgramme: { id: string; startsOn: string; endsOn: string } | null;
}

/** GET /api/runners/:id/comparison: the core's comparison, or why there is none. */
export interface ComparisonAnswer {
  comparison: AssessmentComparison | null;
  reason: string | null;
}

/** A date column as YYYY-MM-DD, whether the server sent a day or a timestamp. */
export function day(value: string | null | undefined): string {
  return value ? String(value).slice(0, 10) : "";
}
