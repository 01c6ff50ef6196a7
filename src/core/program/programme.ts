import type { AssessmentResult } from "../assessment/assess.js";
import { addDays, DATE_RANGE_TEXT, isCalendarDate, weekdayName } from "../calendar-date.js";
import { DomainError, ReferralError } from "../errors.js";
import { DAILY_STRETCH_MINUTES } from "../exercises/dose.js";
import { type ExercisePhase, PHASES } from "../exercises/exercise.types.js";
import { EXERCISES } from "../exercises/library.js";
import type { FindingId } from "../findings/finding.types.js";
import { formatNumber } from "../format.js";
import { RULES_VERSION } from "../rules-version.js";
import { checkEntryCriteria } from "../running/entry-criteria.js";
import type { PrescribedExercise } from "../running/progression.js";
import {
  buildReturnToRunPlan,
  type IntervalSessionSlot,
  listIntervalSessions,
} from "../running/return-to-run.js";
import { type RunPlanSettings, resolveRunPlanSettings } from "../running/run-settings.js";
import type { SourceId } from "../sources.js";
import { URGENCY_ACTION } from "../symptoms/red-flags.js";
import type { StepsPerMinute } from "../units.js";
import {
  activeFindings,
  candidatesFor,
  equipmentAvailable,
  fitToMinutes,
  type HipDosing,
  prescribe,
} from "./exercise-selection.js";
import type {
  Availability,
  PlannedRun,
  PlannedSession,
  Prescription,
  Programme,
  ProgrammePhase,
} from "./programme.types.js";
import { findingReasons, type TreatmentBasis, treatmentBasis } from "./treatment-basis.js";
import { weekTemplate } from "./week-template.js";

export interface ProgrammeRequest {
  assessment: AssessmentResult;
  availability: Availability;
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Length in weeks, 4–16; default 8 (hip programmes of 6–8 weeks: khayambashi-2012, ferber-2015). */
  weeks?: number;
  runSettings?: RunPlanSettings;
}

export const DEFAULT_WEEKS = 8;

/**
 * Builds a dated, phased programme from an assessment and the runner's availability:
 * strength and mobility, then activation and harder variations, then running integration
 * (seed-001); strength on non-running days (seed-000); runs on alternate days with at least
 * three running-free days a week (seed-002); daily stretching (seed-001); extra work on the
 * weaker hip. Deterministic. Refuses when a red flag asks for a professional first.
 */
export function generateProgramme(request: ProgrammeRequest): Programme {
  const { assessment, availability, start } = request;
  checkRequest(request);
  const weeks = request.weeks ?? DEFAULT_WEEKS;
  const settings = request.runSettings ?? resolveRunPlanSettings(assessment.settings);
  const findings = activeFindings(assessment.findings);
  const basis = treatmentBasis(assessment);
  const reasons = findingReasons(assessment.findings, basis);
  const dosing = { emphasis: basis.emphasis, maintenance: basis.maintenance };
  const extraVolume = extraVolumeOf(basis);
  const entry = checkEntryCriteria(assessment.readiness ?? {}, settings.run.entry);
  const runPlan = buildReturnToRunPlan({
    entry,
    cadenceCue: findings.includes("overstriding"),
    ...cadenceOf(assessment),
    ...(assessment.usualWeeklyKm ? { targetWeeklyKm: assessment.usualWeeklyKm } : {}),
    settings,
  });
  const slots = listIntervalSessions(runPlan, settings);
  const template = weekTemplate(availability.daysPerWeek);
  const phases = phaseWeeks(weeks);
  const content = new Map(
    phases.map((p) => [
      p.phase,
      phaseContent({ phase: p.phase, findings, availability, dosing, reasons }),
    ]),
  );

  const sessions: PlannedSession[] = [];
  let runIndex = 0;
  for (let day = 0; day < weeks * 7; day++) {
    const week = Math.floor(day / 7) + 1;
    const phase = phases.find((p) => week >= p.weeks[0] && week <= p.weeks[1])?.phase ?? 3;
    const c = content.get(phase);
    if (!c) continue;
    const date = addDays(start, day);
    const dow = day % 7;
    const kind = template.runDays.includes(dow)
      ? "run"
      : template.strengthDays.includes(dow)
        ? "strength"
        : "rest";
    const base = { date, week, weekday: weekdayName(date), phase, kind } as const;
    if (kind === "run") {
      const run = plannedRun(slots[runIndex++]);
      const left = Math.max(0, availability.minutesPerSession - run.minutes - sum(c.aroundRun));
      const stretching = fitToMinutes(
        c.stretching,
        Math.min(DAILY_STRETCH_MINUTES[1], left),
      ).filter(() => left > 0);
      const activation = [...c.dailyActivation, ...c.runActivation];
      sessions.push({
        ...base,
        run,
        strength: [],
        stretching,
        aroundRun: c.aroundRun,
        activation,
        minutes: run.minutes + sum(c.aroundRun) + sum(stretching),
      });
    } else {
      const stretching = fitToMinutes(c.stretching, DAILY_STRETCH_MINUTES[1]);
      const strength =
        kind === "strength"
          ? fitToMinutes(c.strength, availability.minutesPerSession - sum(stretching))
          : [];
      const activation = c.dailyActivation;
      sessions.push({
        ...base,
        strength,
        stretching,
        aroundRun: [],
        activation,
        minutes: round1(sum(strength) + sum(stretching)),
      });
    }
  }

  const exercises = [
    ...new Set(
      sessions.flatMap((s) =>
        [...s.strength, ...s.stretching, ...s.aroundRun, ...s.activation].map((p) => p.exercise),
      ),
    ),
  ];
  return {
    rulesVersion: RULES_VERSION,
    start,
    end: addDays(start, weeks * 7 - 1),
    weeks,
    availability,
    ...(extraVolume ? { extraVolume } : {}),
    basis,
    phases,
    runPlan,
    runSettings: settings,
    sessions,
    exercises,
    notes: programmeNotes({
      assessment,
      availability,
      sessions,
      findings,
      entryMet: entry.met,
      entryReasons: entry.reasons,
    }),
    sources: programmeSources(sessions, runPlan.sources),
  };
}

function checkRequest({ assessment, availability, start, weeks }: ProgrammeRequest): void {
  const { urgency } = assessment.redFlags;
  if (!assessment.programmeAllowed && urgency) {
    const flags = assessment.redFlags.hits.map((h) => h.flag.title).join(", ");
    throw new ReferralError(
      `No programme: a red flag needs a professional first (${flags}). ${URGENCY_ACTION[urgency]} (urgency: ${urgency}). See the assessment report.`,
      urgency,
    );
  }
  if (!isCalendarDate(start))
    throw new DomainError(
      `start must be a date written YYYY-MM-DD ${DATE_RANGE_TEXT}, got "${start}"`,
    );
  if (
    !Number.isFinite(availability.minutesPerSession) ||
    availability.minutesPerSession < 15 ||
    availability.minutesPerSession > 180
  )
    throw new DomainError(
      `minutes per session must be between 15 and 180, got ${availability.minutesPerSession}`,
    );
  if (weeks !== undefined && (!Number.isInteger(weeks) || weeks < 4 || weeks > 16))
    throw new DomainError(`a programme lasts 4 to 16 weeks, got ${weeks}`);
  weekTemplate(availability.daysPerWeek); // throws with a clear message on a bad day count
}

/** Phase lengths in the proportions 3 : 3 : 2 (8 weeks → 3, 3, 2; 6 weeks → 2, 2, 2). */
export function phaseWeeks(weeks: number): ProgrammePhase[] {
  const first = Math.max(1, Math.round((weeks * 3) / 8));
  const second = Math.max(1, Math.round((weeks * 3) / 8));
  const bounds: [ExercisePhase, number, number][] = [
    [1, 1, first],
    [2, first + 1, first + second],
    [3, first + second + 1, weeks],
  ];
  return bounds.map(([phase, from, to]) => ({
    phase,
    name: PHASES[phase].name,
    aim: PHASES[phase].aim,
    weeks: [from, to],
  }));
}

interface PhaseContent {
  strength: Prescription[];
  stretching: Prescription[];
  aroundRun: Prescription[];
  /** Glute squeezes in daily life, every day. */
  dailyActivation: Prescription[];
  /** Glute squeezes while running, on run days. */
  runActivation: Prescription[];
}

interface PhaseRequest {
  phase: ExercisePhase;
  findings: FindingId[];
  availability: Availability;
  dosing: HipDosing;
  reasons: Partial<Record<FindingId, string>>;
}

function phaseContent(request: PhaseRequest): PhaseContent {
  const { phase, findings, availability, dosing, reasons } = request;
  const pick = (timing: Parameters<typeof candidatesFor>[0]["timing"]) =>
    candidatesFor({ phase, timing, findings, equipment: availability.equipment }).map((exercise) =>
      prescribe({ exercise, findings, hip: dosing, reasons }),
    );
  // Phase 3 adds running integration; strength work carries on at its phase-2 level.
  const strength = pick("strength-day");
  return {
    strength:
      strength.length > 0 || phase === 1
        ? strength
        : phaseContent({ ...request, phase: (phase - 1) as ExercisePhase }).strength,
    stretching: pick("daily"),
    aroundRun: pick("before-and-after-run"),
    // Activation starts once the basics are in place, in running only in phase 3 (seed-001).
    dailyActivation: phase === 1 ? [] : pick("during-daily-life"),
    runActivation: phase === 3 ? pick("during-run") : [],
  };
}

/** The emphasis in the programme's summary: one side, or both. */
function extraVolumeOf(basis: TreatmentBasis): Programme["extraVolume"] {
  const [first, second] = basis.emphasis;
  if (!first) return undefined;
  return { side: second ? "both" : first, reason: basis.note };
}

function cadenceOf(assessment: AssessmentResult): { currentCadenceSpm?: StepsPerMinute } {
  const measured = assessment.movement.find(
    (m) => m.sign === "low-cadence" && m.measured?.unit === "steps/min",
  )?.measured;
  return measured ? { currentCadenceSpm: measured.value as StepsPerMinute } : {};
}

function plannedRun(slot: IntervalSessionSlot | undefined): PlannedRun {
  if (!slot)
    return {
      kind: "distance",
      label:
        "Continuous run, building distance: no run more than 10 % longer than your longest of the last 30 days",
      minutes: 30,
    };
  return {
    kind: "interval",
    label: slot.level.label,
    level: slot.level,
    repeat: slot.repeat,
    minutes: slot.level.totalMin,
  };
}

function programmeNotes(options: {
  assessment: AssessmentResult;
  availability: Availability;
  sessions: readonly PlannedSession[];
  findings: readonly FindingId[];
  entryMet: boolean;
  entryReasons: readonly string[];
}): string[] {
  const { assessment, availability, sessions, findings } = options;
  const notes: string[] = [];
  const unanswered = assessment.redFlags.unanswered.length;
  if (unanswered > 0)
    notes.push(
      `${unanswered} safety question${unanswered === 1 ? " is" : "s are"} still unanswered: answer them (see the assessment) before starting.`,
    );
  if (!options.entryMet)
    notes.push(
      `Running starts with brisk walking until the start criteria are met: ${options.entryReasons.join(" ")}`,
    );
  const longestRun = Math.max(0, ...sessions.map((s) => s.minutes));
  if (longestRun > availability.minutesPerSession)
    notes.push(
      `Some sessions take up to ${formatNumber(longestRun, 0)} min, more than the ${availability.minutesPerSession} min available: the run itself cannot be shortened.`,
    );
  const missing = EXERCISES.filter(
    (e) =>
      e.helpsWith.some((f) => findings.includes(f)) &&
      e.timing === "strength-day" &&
      !equipmentAvailable(e, availability.equipment),
  );
  const needed = [
    ...new Set(
      missing.flatMap((e) =>
        e.equipment.filter(
          (q) => !equipmentAvailable({ ...e, equipment: [q] }, availability.equipment),
        ),
      ),
    ),
  ];
  if (needed.length > 0)
    notes.push(
      `Left out for want of equipment (${needed.join(", ")}): ${missing.map((e) => e.name).join(", ")}.`,
    );
  notes.push(
    "If knee pain persists or gets worse, stop and have it assessed by a physiotherapist or doctor (seed-000, seed-004).",
  );
  return notes;
}

function programmeSources(
  sessions: readonly PlannedSession[],
  runSources: readonly SourceId[],
): SourceId[] {
  const ids = new Set<SourceId>([
    "seed-000",
    "seed-001",
    "seed-002",
    "khayambashi-2012",
    "ferber-2015",
    ...runSources,
  ]);
  for (const s of sessions)
    for (const p of [...s.strength, ...s.stretching, ...s.aroundRun, ...s.activation])
      ids.add(p.doseSource);
  return [...ids];
}

const sum = (items: readonly Prescription[]): number =>
  items.reduce((total, p) => total + p.minutes, 0);
const round1 = (n: number): number => Math.round(n * 10) / 10;

/** What each exercise was prescribed, for the progression decisions: its first prescription in the programme. */
export function prescribedExercises(programme: Programme): PrescribedExercise[] {
  const seen = new Map<string, PrescribedExercise>();
  for (const s of programme.sessions)
    for (const p of [...s.strength, ...s.stretching, ...s.aroundRun]) {
      if (seen.has(p.exercise)) continue;
      seen.set(p.exercise, {
        exercise: p.exercise,
        sets: p.sets,
        ...(p.reps ? { reps: p.reps[1] } : {}),
        ...(p.seconds ? { durationSec: p.seconds[1] } : {}),
      });
    }
  return [...seen.values()];
}
