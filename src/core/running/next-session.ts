import { addDays, mondayOf } from "../calendar-date.js";
import { type DistanceLimit, distanceRunLimit, floorToTenth } from "./distance-build.js";
import { formatDistance, formatPercent } from "./format.js";
import type { RunRecord } from "./load.types.js";
import type { RunLogEntry, TrainingLogEntry } from "./logs.types.js";
import { type Decision, decideNext } from "./progression.js";
import type { ReturnToRunPlan, RunLevel } from "./return-to-run.js";
import type { RunPlanSettings } from "./run-settings.js";

export interface RunState {
  plan: ReturnToRunPlan;
  /** Validated logs, in date order (parseLogs). */
  logs: readonly TrainingLogEntry[];
  /** 'YYYY-MM-DD': no session is proposed before this day. */
  today: string;
  settings: RunPlanSettings;
}

/** The next run session, or why there is none. */
export type NextRunSession =
  | { kind: "level"; level: RunLevel; earliestDate: string; decision?: Decision; reasons: string[] }
  | {
      kind: "distance";
      /** Planned distance, km; absent when the run is by time until a distance is recorded. */
      distanceKm?: number;
      durationMin?: number;
      earliestDate: string;
      limit: DistanceLimit;
      decision?: Decision;
      reasons: string[];
    }
  | { kind: "complete"; decision?: Decision; reasons: string[] }
  | { kind: "stop"; decision?: Decision; alert: string; reasons: string[] };

/** Days between runs, run day included: one rest day → every second day. */
const spacingOf = (settings: RunPlanSettings): number => settings.run.minRestDaysBetweenRuns + 1;

const latestOf = <T extends string>(a: T, b: T): T => (a >= b ? a : b);

/**
 * The next session of the return-to-run plan from the logs: the level (or distance) after the
 * latest decision, no earlier than `today`, the day after the last session, and the rest
 * days after the last run (seed-000, trials-2023). Walks (level 0) need no rest day before them.
 */
export function nextRunSession(state: RunState): NextRunSession {
  const { plan, logs, today, settings } = state;
  const report = decideNext({ run: plan }, logs, settings);
  const decision = report.decisions.find((d) => d.kind === "run");
  if (report.alert) {
    const reasons =
      decision?.decision === "stop-see-professional" ? decision.reasons : report.trend.reasons;
    return { kind: "stop", ...(decision ? { decision } : {}), alert: report.alert, reasons };
  }
  const runs = logs.filter((e): e is RunLogEntry => e.type === "run");
  const last = runs[runs.length - 1];
  const lastSession = logs[logs.length - 1];
  const lastRun = [...runs].reverse().find((e) => e.run.level !== 0);
  let earliest = today;
  if (lastSession) earliest = latestOf(earliest, addDays(lastSession.date, 1));
  const runEarliest = lastRun
    ? latestOf(earliest, addDays(lastRun.date, spacingOf(settings)))
    : earliest;
  const levelAt = (n: number): RunLevel =>
    plan.levels.find((l) => l.level === n) ?? (plan.levels[0] as RunLevel);
  const levelSession = (level: RunLevel, reasons: string[]): NextRunSession => ({
    kind: "level",
    level,
    earliestDate: level.level === 0 ? earliest : runEarliest,
    ...(decision ? { decision } : {}),
    reasons,
  });

  if (!last || !decision) {
    const level = levelAt(plan.startLevel);
    return levelSession(level, [
      `Start at ${level.level === 0 ? "the walking block" : `level ${level.level}`}: ${level.label}.`,
    ]);
  }
  const topLevel = plan.levels[plan.levels.length - 1]?.level ?? 0;
  const current = last.run.level;
  if (current !== undefined) {
    const next =
      decision.decision === "progress"
        ? current + 1
        : decision.decision === "step-back"
          ? Math.max(0, current - 1)
          : current;
    if (next <= topLevel) return levelSession(levelAt(next), decision.reasons);
  }
  if (!plan.distanceBuild) {
    return {
      kind: "complete",
      decision,
      reasons: [...decision.reasons, "The walk/run levels are complete."],
    };
  }
  return distanceSession({ state, decision, last, earliest: runEarliest });
}

function distanceSession(options: {
  state: RunState;
  decision: Decision;
  last: RunLogEntry;
  earliest: string;
}): NextRunSession {
  const { state, decision, last } = options;
  const { plan, logs, settings } = state;
  const target = plan.distanceBuild?.targetWeeklyKm ?? 0;
  const runs: RunRecord[] = logs.flatMap((e) =>
    e.type === "run" && e.run.distanceKm !== undefined && e.run.level !== 0
      ? [{ date: e.date, distanceKm: e.run.distanceKm }]
      : [],
  );
  const limitOn = (date: string) =>
    distanceRunLimit({ runs, date, weekStart: mondayOf(date), targetWeeklyKm: target, settings });
  let date = options.earliest;
  let limit = limitOn(date);
  if (limit.singleRunMaxKm !== undefined && limit.suggestedKm === undefined) {
    // This week's distance is used up: the next run opens next week.
    date = addDays(mondayOf(date), 7);
    limit = limitOn(date);
  }
  const common = { kind: "distance" as const, earliestDate: date, limit, decision };
  if (limit.suggestedKm === undefined || limit.singleRunMaxKm === undefined) {
    const minutes = plan.levels[plan.levels.length - 1]?.totalMin ?? 30;
    return { ...common, durationMin: minutes, reasons: [...decision.reasons, ...limit.reasons] };
  }
  const lastKm = last.run.level === undefined ? last.run.distanceKm : undefined;
  let distanceKm = limit.suggestedKm;
  const reasons = [...decision.reasons];
  if (lastKm !== undefined && decision.decision === "repeat") {
    distanceKm = Math.min(lastKm, limit.suggestedKm);
    reasons.push(`Repeat ${formatDistance(distanceKm, settings.load.distanceUnit)}.`);
  } else if (lastKm !== undefined && decision.decision === "step-back") {
    const cut = settings.run.distanceStepBackPercent;
    distanceKm = Math.min(floorToTenth(lastKm * (1 - cut / 100)), limit.suggestedKm);
    reasons.push(
      `${formatPercent(cut)} shorter than the last run: ${formatDistance(distanceKm, settings.load.distanceUnit)}.`,
    );
  } else {
    reasons.push(...limit.reasons);
  }
  if (limit.lastWeekKm >= floorToTenth(target)) {
    reasons.push(
      `Last week reached the target of ${formatDistance(target, settings.load.distanceUnit)}: keep to it.`,
    );
  }
  return { ...common, distanceKm, reasons };
}
