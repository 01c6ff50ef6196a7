import type {
  Equipment,
  ExerciseId,
  ExerciseKind,
  ExercisePhase,
  Range,
} from "../exercises/exercise.types.js";
import type { FindingId } from "../findings/finding.types.js";
import type { ReturnToRunPlan, RunLevel } from "../running/return-to-run.js";
import type { RunPlanSettings } from "../running/run-settings.js";
import type { Side } from "../side.js";
import type { SourceId } from "../sources.js";
import type { TreatmentBasis } from "./treatment-basis.js";

/** What the runner can give the programme. */
export interface Availability {
  /** Days a week free for a training session (runs and strength), 1–7. */
  daysPerWeek: number;
  /** Minutes free for one session, 15–180. */
  minutesPerSession: number;
  /** Equipment at hand; exercises needing anything else are replaced or left out. */
  equipment: readonly Equipment[];
}

/** One exercise as prescribed: its dose, when, and why it is in this programme. */
export interface Prescription {
  exercise: ExerciseId;
  name: string;
  kind: ExerciseKind;
  /** Sets per side (or per session when not per side). */
  sets: number;
  /** Sets per side when one side gets extra volume. */
  setsBySide?: Record<Side, number>;
  reps?: Range;
  seconds?: Range;
  metres?: Range;
  perSide: boolean;
  note?: string;
  minutes: number;
  /** Why it is in the programme, in plain words with the finding it answers. */
  why: string;
  forFindings: FindingId[];
  /** The finding behind each of `forFindings`, in words: why this exercise is here. */
  chosenBy: string[];
  doseSource: SourceId;
}

export type SessionKind = "run" | "strength" | "rest";

/** A run on the plan: a walk/run level, or a distance-rebuild run once the levels are done. */
export interface PlannedRun {
  kind: "interval" | "distance";
  label: string;
  level?: RunLevel;
  /** Which time at this level (1…minSessions). */
  repeat?: number;
  minutes: number;
}

/** One dated day of the programme. */
export interface PlannedSession {
  /** YYYY-MM-DD */
  date: string;
  /** 1-based week of the programme. */
  week: number;
  weekday: string;
  phase: ExercisePhase;
  kind: SessionKind;
  run?: PlannedRun;
  /** Strength work (strength days only). */
  strength: Prescription[];
  /** Stretches and mobility, every day (5–10 min, seed-001). */
  stretching: Prescription[];
  /** Groin and quadriceps stretches before and after a run (seed-002). */
  aroundRun: Prescription[];
  /** Glute activation to practise that day (seed-001). */
  activation: Prescription[];
  minutes: number;
}

export interface ProgrammePhase {
  phase: ExercisePhase;
  name: string;
  aim: string;
  /** First and last week, inclusive. */
  weeks: [number, number];
}

export interface Programme {
  rulesVersion: string;
  start: string;
  end: string;
  weeks: number;
  availability: Availability;
  /** Extra hip work on this side (or both), because it is under the LSI line or below reference values. */
  extraVolume?: { side: Side | "both"; reason: string };
  /** Which finding tailors the hip work, and how; a general programme says so and names the test. */
  basis: TreatmentBasis;
  phases: ProgrammePhase[];
  runPlan: ReturnToRunPlan;
  /** The thresholds the run plan and the progression decisions use. */
  runSettings: RunPlanSettings;
  sessions: PlannedSession[];
  /** Every exercise the programme uses, in order of first appearance. */
  exercises: ExerciseId[];
  /** Things the runner or clinician must know: substitutions, unanswered safety questions. */
  notes: string[];
  sources: SourceId[];
}
