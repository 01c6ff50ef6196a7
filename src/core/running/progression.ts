import { DomainError } from "../errors.js";
import { RULES_VERSION } from "../rules-version.js";
import type { Laterality } from "../side.js";
import type { SourceId } from "../sources.js";
import { formatPain, plural } from "./format.js";
import type { ExerciseLog, RunLogEntry, TrainingLogEntry } from "./logs.types.js";
import {
  assessPainTrend,
  type PainTrendAssessment,
  painZone,
  type WeeklyPain,
  weeklyPainTrend,
} from "./pain-monitoring.js";
import type { ReturnToRunPlan, RunLevel } from "./return-to-run.js";
import type { RunPlanSettings } from "./run-settings.js";

export type NextStep = "progress" | "repeat" | "step-back" | "stop-see-professional";

/** What to do at the next session of a run level or an exercise, and why, with the numbers. */
export interface Decision {
  kind: "run" | "exercise";
  /** "Level 3: Walk 7 min, run 3 min, × 3 (30 min)", "Distance rebuild", "clamshell (right)". */
  subject: string;
  decision: NextStep;
  reasons: string[];
  /** The source of the rule that decided. */
  source: SourceId;
  /** Date of the session judged. */
  date: string;
  /** Run level judged; absent while rebuilding distance. */
  level?: number;
  exercise?: string;
  side?: Laterality;
}

/** The dose an exercise was prescribed, from the programme. */
export interface PrescribedExercise {
  exercise: string;
  sets: number;
  reps?: number;
  durationSec?: number;
}

/** The parts of a programme decisions are made against. */
export interface ProgressionPlan {
  run?: ReturnToRunPlan;
  exercises?: readonly PrescribedExercise[];
}

export interface ProgressReport {
  decisions: Decision[];
  painTrend: WeeklyPain[];
  trend: PainTrendAssessment;
  /** Present when the runner must stop and see a professional: say it first and plainly. */
  alert?: string;
  rulesVersion: string;
}

interface Reason {
  text: string;
  source: SourceId;
}

const STOP_ADVICE =
  "Stop running and book an assessment with a physiotherapist or doctor before you run again.";

/**
 * Decides the next step for the run level and for each exercise from the logs (pain
 * monitoring, silbernagel-2007; repeats, trials-2023; exercise progression, seed-001), and
 * summarises pain by week. Pure: same plan, logs and settings give the same report.
 */
export function decideNext(
  plan: ProgressionPlan,
  logs: readonly TrainingLogEntry[],
  settings: RunPlanSettings,
): ProgressReport {
  const painTrend = weeklyPainTrend(logs, settings);
  const trend = assessPainTrend(painTrend, settings);
  const runs = logs.filter((entry): entry is RunLogEntry => entry.type === "run");
  const runDecision =
    runs.length > 0 ? decideRun({ plan: plan.run, runs, trend, settings }) : undefined;
  const decisions = [
    ...(runDecision ? [runDecision] : []),
    ...decideExercises(plan.exercises ?? [], logs, settings),
  ];
  const stopped = runDecision?.decision === "stop-see-professional";
  const stopReasons = stopped ? runDecision.reasons : trend.reasons;
  const alert = stopReasons.length > 0 ? `${STOP_ADVICE} ${stopReasons.join(" ")}` : undefined;
  return {
    decisions,
    painTrend,
    trend,
    ...(alert ? { alert } : {}),
    rulesVersion: RULES_VERSION,
  };
}

function levelOf(plan: ReturnToRunPlan | undefined, level: number): RunLevel | undefined {
  if (!plan) return undefined;
  const found = plan.levels.find((l) => l.level === level);
  if (!found) {
    throw new DomainError(
      `A run was logged at level ${level}, but the plan has levels 0 to ${plan.levels.length - 1}.`,
    );
  }
  return found;
}

/** A session that counts towards moving up: pain safe and settled, nothing else wrong, done in full. */
function wentWell(
  entry: RunLogEntry,
  level: RunLevel | undefined,
  settings: RunPlanSettings,
): boolean {
  const { run } = entry;
  const { pain } = settings;
  return (
    painZone(run.painDuring, pain) === "safe" &&
    painZone(run.painAfter ?? 0, pain) === "safe" &&
    run.painNextMorning !== undefined &&
    run.painNextMorning <= pain.nextMorningMax &&
    !run.swelling &&
    !run.limp &&
    !run.stiffness &&
    !(level && run.durationMin !== undefined && run.durationMin < level.totalMin)
  );
}

function decideRun(options: {
  plan: ReturnToRunPlan | undefined;
  runs: readonly RunLogEntry[];
  trend: PainTrendAssessment;
  settings: RunPlanSettings;
}): Decision {
  const { plan, runs, trend, settings } = options;
  const { pain } = settings;
  const latest = runs[runs.length - 1] as RunLogEntry;
  const previous = runs[runs.length - 2];
  const { run } = latest;
  const activity = run.level === 0 ? "walk" : "run";
  const level = run.level === undefined ? undefined : levelOf(plan, run.level);
  const base = {
    kind: "run" as const,
    subject:
      run.level === undefined
        ? "Distance rebuild"
        : `Level ${run.level}${level ? `: ${level.label}` : ""}`,
    date: latest.date,
    ...(run.level === undefined ? {} : { level: run.level }),
  };
  const decide = (decision: NextStep, reasons: readonly Reason[]): Decision => ({
    ...base,
    decision,
    reasons: reasons.map((r) => r.text),
    source: reasons[0]?.source ?? "silbernagel-2007",
  });

  // 1. Stop and see a professional (seed-000, seed-004; silbernagel-2007 for week-on-week).
  const stop: Reason[] = [];
  if (
    previous &&
    run.painDuring > pain.acceptableMax &&
    previous.run.painDuring > pain.acceptableMax
  ) {
    stop.push({
      text: `Pain during the ${activity} was above ${formatPain(pain.acceptableMax)} in two sessions in a row (${formatPain(previous.run.painDuring)} on ${previous.date}, ${formatPain(run.painDuring)} on ${latest.date}).`,
      source: "seed-000",
    });
  }
  for (const text of trend.reasons) stop.push({ text, source: trend.source });
  if (stop.length > 0) return decide("stop-see-professional", stop);

  // 2. Step back: too much pain, not settled, swelling or limp (silbernagel-2007; trials-2023).
  const back: Reason[] = [];
  if (painZone(run.painDuring, pain) === "too-much") {
    back.push({
      text: `Pain during the ${activity} ${formatPain(run.painDuring)}, above the acceptable ${formatPain(pain.acceptableMax)}.`,
      source: "silbernagel-2007",
    });
  }
  if (run.painAfter !== undefined && painZone(run.painAfter, pain) === "too-much") {
    back.push({
      text: `Pain after the ${activity} ${formatPain(run.painAfter)}, above the acceptable ${formatPain(pain.acceptableMax)}.`,
      source: "silbernagel-2007",
    });
  }
  if (run.painNextMorning !== undefined && run.painNextMorning > pain.nextMorningMax) {
    back.push({
      text: `Pain the next morning ${formatPain(run.painNextMorning)} had not settled (above ${formatPain(pain.nextMorningMax)}).`,
      source: "silbernagel-2007",
    });
  }
  if (run.swelling)
    back.push({ text: `The knee swelled after the ${activity}.`, source: "trials-2023" });
  if (run.limp)
    back.push({ text: `Limping during or after the ${activity}.`, source: "trials-2023" });
  if (back.length > 0) {
    const where =
      run.level === undefined
        ? "Run a shorter distance next time."
        : run.level === 0
          ? "Keep to shorter, easier walks until walking is comfortable."
          : `${run.level === 1 ? "Go back to the walking block next time." : `Go back to level ${run.level - 1} next time.`}`;
    return decide("step-back", [...back, { text: where, source: "silbernagel-2007" }]);
  }

  // 3. Repeat: acceptable pain, not settled yet, stiffness, not completed, not enough sessions.
  const stay: Reason[] = [];
  if (painZone(run.painDuring, pain) === "acceptable") {
    stay.push({
      text: `Pain during the ${activity} ${formatPain(run.painDuring)}: acceptable (up to ${formatPain(pain.acceptableMax)}), but move up only at ${formatPain(pain.safeMax)} or less.`,
      source: "silbernagel-2007",
    });
  }
  if (run.painAfter !== undefined && painZone(run.painAfter, pain) === "acceptable") {
    stay.push({
      text: `Pain after the ${activity} ${formatPain(run.painAfter)}: acceptable, but move up only at ${formatPain(pain.safeMax)} or less.`,
      source: "silbernagel-2007",
    });
  }
  if (run.painNextMorning === undefined) {
    stay.push({
      text: "Pain the next morning is not recorded yet: record it before moving up.",
      source: "silbernagel-2007",
    });
  } else if (
    previous?.run.painNextMorning !== undefined &&
    run.painNextMorning > previous.run.painNextMorning
  ) {
    stay.push({
      text: `Pain the next morning ${formatPain(run.painNextMorning)}, higher than after the previous ${activity} (${formatPain(previous.run.painNextMorning)}).`,
      source: "silbernagel-2007",
    });
  }
  if (run.stiffness)
    stay.push({
      text: `The knee was stiff after the ${activity}: no progression yet.`,
      source: "trials-2023",
    });
  if (level && run.durationMin !== undefined && run.durationMin < level.totalMin) {
    stay.push({
      text: `The session lasted ${run.durationMin} min of the level's ${level.totalMin} min.`,
      source: "blake-return-to-run",
    });
  }
  const needed = level?.minSessions ?? settings.run.repeatsPerLevel;
  const stayAtLevel = trailingSameLevel(runs);
  const good = stayAtLevel.filter((entry) => wentWell(entry, level, settings)).length;
  if (run.level !== undefined && good < needed) {
    stay.push({
      text: `Level ${run.level} went well ${plural(good, "time")} so far; ${needed} needed before moving up.`,
      source: "trials-2023",
    });
  }
  if (stay.length > 0) return decide("repeat", stay);

  // 4. Progress.
  const settled = `settled by the next morning (${formatPain(run.painNextMorning ?? 0)})`;
  return decide("progress", [
    {
      text:
        run.level === undefined
          ? `Pain during the ${activity} ${formatPain(run.painDuring)} (safe up to ${formatPain(pain.safeMax)}), ${settled}: the next run may be longer within the load rules.`
          : `Level ${run.level} went well ${plural(good, "time")} (${needed} needed), pain during ${formatPain(run.painDuring)} (safe up to ${formatPain(pain.safeMax)}), ${settled}.${run.level === 0 ? " Retest single-leg squats and hopping before the first run." : ""}`,
      source: "silbernagel-2007",
    },
  ]);
}

/** The latest runs at the same level as the last one (the current stay at that level). */
function trailingSameLevel(runs: readonly RunLogEntry[]): RunLogEntry[] {
  const last = runs[runs.length - 1];
  if (!last) return [];
  let start = runs.length - 1;
  while (start > 0 && runs[start - 1]?.run.level === last.run.level) start--;
  return runs.slice(start);
}

/**
 * Exercise decisions (seed-001: progress when easy with good form; silbernagel-2007 for pain):
 * the latest log of each exercise and side. Pain above the safe maximum → step back; dose
 * not completed, effort above `exerciseEffortMax` or any pain → repeat; otherwise progress.
 */
function decideExercises(
  prescribed: readonly PrescribedExercise[],
  logs: readonly TrainingLogEntry[],
  settings: RunPlanSettings,
): Decision[] {
  const latest = new Map<string, { date: string; log: ExerciseLog }>();
  for (const entry of logs) {
    if (entry.type !== "strength") continue;
    for (const log of entry.exercises) {
      latest.set(`${log.exercise}|${log.side ?? ""}`, { date: entry.date, log });
    }
  }
  return [...latest.values()].map(({ date, log }) =>
    decideExercise({
      date,
      log,
      dose: prescribed.find((p) => p.exercise === log.exercise),
      settings,
    }),
  );
}

function doseText(dose: { sets: number; reps?: number; durationSec?: number }): string {
  const per = dose.reps !== undefined ? `${dose.reps}` : `${dose.durationSec ?? 0} s`;
  return `${dose.sets} × ${per}`;
}

function decideExercise(options: {
  date: string;
  log: ExerciseLog;
  dose: PrescribedExercise | undefined;
  settings: RunPlanSettings;
}): Decision {
  const { date, log, dose, settings } = options;
  const { pain } = settings;
  const base = {
    kind: "exercise" as const,
    subject: `${log.exercise}${log.side ? ` (${log.side})` : ""}`,
    date,
    exercise: log.exercise,
    ...(log.side ? { side: log.side } : {}),
  };
  if (log.pain > pain.safeMax) {
    return {
      ...base,
      decision: "step-back",
      reasons: [
        `Pain during the exercise ${formatPain(log.pain)}, above the safe ${formatPain(pain.safeMax)}: use less resistance, fewer sets or an easier variation.`,
      ],
      source: "silbernagel-2007",
    };
  }
  const stay: string[] = [];
  if (dose) {
    const short =
      log.sets < dose.sets ||
      (dose.reps !== undefined && (log.reps ?? 0) < dose.reps) ||
      (dose.durationSec !== undefined && (log.durationSec ?? 0) < dose.durationSec);
    if (short) stay.push(`Done ${doseText(log)} of the prescribed ${doseText(dose)}.`);
  }
  if (log.effort > settings.run.exerciseEffortMax) {
    stay.push(
      `Effort ${formatPain(log.effort)}, above ${formatPain(settings.run.exerciseEffortMax)}: stay at this dose until it feels easy with good form.`,
    );
  }
  if (log.pain > 0)
    stay.push(`Pain ${formatPain(log.pain)}: move on only once the exercise is pain-free.`);
  if (stay.length > 0) return { ...base, decision: "repeat", reasons: stay, source: "seed-001" };
  return {
    ...base,
    decision: "progress",
    reasons: [
      `${dose ? "Prescribed dose" : "Dose"} ${doseText(dose ?? log)} done at effort ${formatPain(log.effort)} without pain: add resistance, add a set, or move to a harder variation.`,
    ],
    source: "seed-001",
  };
}
