import { DomainError } from "../errors.js";
import type { SourceId } from "../sources.js";
import type { StepsPerMinute } from "../units.js";
import type { EntryCheck } from "./entry-criteria.js";
import { formatDistance, formatPain, formatPercent, plural } from "./format.js";
import type { RunPlanSettings } from "./run-settings.js";

/** One walk/run pattern: walk then run, minutes, done `repeats` times in a row. */
export interface RunInterval {
  walkMin: number;
  runMin: number;
  repeats: number;
}

/** A level of the return-to-run plan. Level 0 is the walking block; 1… are walk/run levels. */
export interface RunLevel {
  /** "walk" for the walking block, "level-1", "level-2"… */
  id: string;
  level: number;
  /** e.g. "Walk 9 min, run 1 min, × 3 (30 min)" */
  label: string;
  intervals: RunInterval;
  /** Whole session, walking included, minutes. */
  totalMin: number;
  /** Running minutes in the session. */
  runMin: number;
  /** Sessions at this level, each with settled pain, before moving up (trials-2023). */
  minSessions: number;
  source: SourceId;
}

/** A cue to raise step rate, given when a low cadence or overstriding was found. */
export interface CadenceCue {
  minIncreasePercent: number;
  maxIncreasePercent: number;
  /** Step-rate goal when the current cadence is known, steps/min. */
  targetSpm?: { min: number; max: number };
  text: string;
  sources: SourceId[];
}

export interface ReturnToRunPlan {
  /** The level to begin at: 0 (walking block) when the start criteria are not met. */
  startLevel: number;
  /** The walking block (level 0) and every walk/run level, in order. */
  levels: RunLevel[];
  /** Present when a target weekly distance was given: rebuild distance after the last level. */
  distanceBuild?: { targetWeeklyKm: number };
  /** The plan's rules, in words a runner can follow. */
  rules: string[];
  /** Every source the rules rest on. */
  sources: SourceId[];
  cadenceCue?: CadenceCue;
  entry?: EntryCheck;
}

export interface BuildReturnToRunOptions {
  /** First walk/run level (1 = the first of the template); default 1. */
  startLevel?: number;
  /** Result of checkEntryCriteria; when not met the plan starts with the walking block. */
  entry?: EntryCheck;
  /** Weekly distance to rebuild towards after the last level, km (e.g. pre-injury distance). */
  targetWeeklyKm?: number;
  /** true when a low cadence or overstriding was found. */
  cadenceCue: boolean;
  /** Current step rate, for a concrete goal in the cue. */
  currentCadenceSpm?: StepsPerMinute;
  template?: readonly RunInterval[];
  settings: RunPlanSettings;
}

/**
 * Default walk/run levels (blake-return-to-run): walk 9 / run 1 min × 3, one minute more
 * running per level, up to 30 min of continuous running at level 10. Sessions last 30 min.
 */
export const DEFAULT_RUN_TEMPLATE: readonly RunInterval[] = [
  ...Array.from({ length: 9 }, (_, i) => ({ walkMin: 9 - i, runMin: i + 1, repeats: 3 })),
  { walkMin: 0, runMin: 30, repeats: 1 },
];

/** The walking block used before the first run when the start criteria are not met. */
export const WALKING_BLOCK: RunInterval = { walkMin: 30, runMin: 0, repeats: 1 };

/** Raising step rate 5–10 % lowers knee load (heiderscheit-2011; lenhart-2014). */
export const CADENCE_INCREASE_PERCENT = { min: 5, max: 10 } as const;

/** "Walk 9 min, run 1 min, × 3 (30 min)"; "Run 30 min without stopping"; "Brisk walk 30 min". */
export function intervalLabel(interval: RunInterval): string {
  const { walkMin, runMin, repeats } = interval;
  const total = (walkMin + runMin) * repeats;
  if (runMin === 0) return `Brisk walk ${total} min`;
  if (walkMin === 0 && repeats === 1) return `Run ${runMin} min without stopping`;
  if (walkMin === 0) return `Run ${runMin} min, × ${repeats} (${total} min)`;
  return `Walk ${walkMin} min, run ${runMin} min, × ${repeats} (${total} min)`;
}

function toLevel(interval: RunInterval, level: number, minSessions: number): RunLevel {
  return {
    id: level === 0 ? "walk" : `level-${level}`,
    level,
    label: intervalLabel(interval),
    intervals: { ...interval },
    totalMin: (interval.walkMin + interval.runMin) * interval.repeats,
    runMin: interval.runMin * interval.repeats,
    minSessions,
    source: level === 0 ? "clinic-return-criteria" : "blake-return-to-run",
  };
}

function validateTemplate(template: readonly RunInterval[]): void {
  if (template.length === 0) throw new DomainError("The run template needs at least one level.");
  template.forEach((step, i) => {
    const where = `Run template level ${i + 1}`;
    if (!(step.runMin > 0)) throw new DomainError(`${where}: running minutes must be more than 0.`);
    if (!(step.walkMin >= 0)) throw new DomainError(`${where}: walking minutes must be 0 or more.`);
    if (!Number.isInteger(step.repeats) || step.repeats < 1) {
      throw new DomainError(`${where}: repeats must be a whole number of at least 1.`);
    }
    if ((step.walkMin + step.runMin) * step.repeats > 120) {
      throw new DomainError(`${where}: a session must not last more than 120 min.`);
    }
  });
}

/** Step-rate cue for low cadence or overstriding: +5–10 % (heiderscheit-2011, lenhart-2014). */
export function cadenceCue(currentSpm?: StepsPerMinute): CadenceCue {
  const { min, max } = CADENCE_INCREASE_PERCENT;
  const targetSpm =
    currentSpm === undefined
      ? undefined
      : {
          min: Math.round(currentSpm * (1 + min / 100)),
          max: Math.round(currentSpm * (1 + max / 100)),
        };
  const goal = targetSpm
    ? ` from ${Math.round(currentSpm ?? 0)} to ${targetSpm.min}–${targetSpm.max} steps a minute`
    : "";
  return {
    minIncreasePercent: min,
    maxIncreasePercent: max,
    ...(targetSpm ? { targetSpm } : {}),
    text: `Take shorter, quicker steps, landing under your body: raise your step rate by ${min}–${max} %${goal} at the same easy pace. A metronome app helps.`,
    sources: ["heiderscheit-2011", "lenhart-2014"],
  };
}

/**
 * Builds the return-to-run plan: walking block (0) and walk/run levels (default 10, to 30 min
 * continuous; blake-return-to-run), each done `repeatsPerLevel` times (trials-2023), runs on
 * alternate days (seed-000), then distance rebuilt under the load rules (frandsen-2025, nielsen-2014).
 */
export function buildReturnToRunPlan(options: BuildReturnToRunOptions): ReturnToRunPlan {
  const { settings } = options;
  const template = options.template ?? DEFAULT_RUN_TEMPLATE;
  validateTemplate(template);
  const { run, pain, load } = settings;
  const levels = [WALKING_BLOCK, ...template].map((step, i) =>
    toLevel(step, i, run.repeatsPerLevel),
  );
  const requested = options.startLevel ?? 1;
  if (!Number.isInteger(requested) || requested < 0 || requested > template.length) {
    throw new DomainError(
      `The start level must be a whole number from 0 (walking) to ${template.length}; got ${requested}.`,
    );
  }
  const entryMet = options.entry?.met ?? true;
  const startLevel = entryMet ? requested : 0;
  const target = options.targetWeeklyKm;
  if (target !== undefined && !(target > 0 && target <= 300)) {
    throw new DomainError(
      `The target weekly distance must be more than 0 and at most 300 km; got ${target}.`,
    );
  }
  const last = levels[levels.length - 1];
  const rest = run.minRestDaysBetweenRuns;
  const rules = [
    ...(startLevel === 0
      ? [
          `Start with brisk walks of ${settings.run.entry.briskWalkMin} min. Move on to running once walking is free of pain and limp, and ${settings.run.entry.singleLegSquatReps} single-leg squats and ${settings.run.entry.hopSec} s of hopping on the painful leg are too.`,
        ]
      : []),
    `Run on alternate days: at least ${plural(rest, "rest day")} between runs. Hip strength work fits the days off.`,
    `Do each level at least ${plural(run.repeatsPerLevel, "time")} before moving up, on flat, even ground.`,
    `Pain during a run: up to ${formatPain(pain.safeMax)} is fine, up to ${formatPain(pain.acceptableMax)} is acceptable (stay at the level), above ${formatPain(pain.acceptableMax)} is too much (go back a level).`,
    `Pain must settle by the next morning (at most ${formatPain(pain.nextMorningMax)}). Swelling or a limp means going back a level; stiffness means staying.`,
    `Stop running and see a physiotherapist or doctor if pain is above ${formatPain(pain.acceptableMax)} in two sessions in a row, gets worse ${plural(run.worseningWeeks, "week")} running, or stays above ${formatPain(pain.safeMax)} for ${plural(run.persistentPainWeeks, "week")}.`,
    ...(target !== undefined
      ? [
          `After "${last?.label ?? "the last level"}", build towards ${formatDistance(target, load.distanceUnit)} a week with ${plural(run.runsPerWeek, "run")} a week: no run more than ${formatPercent(load.singleRunSpikePercent)} longer than the longest of the previous 30 days, and weekly distance up at most ${formatPercent(run.weeklyIncreasePercent)} a week and ${formatPercent(load.twoWeekIncreasePercent)} over two weeks.`,
        ]
      : []),
  ];
  const sources: SourceId[] = [
    ...(startLevel === 0 ? (["clinic-return-criteria"] as const) : []),
    "blake-return-to-run",
    "trials-2023",
    "seed-000",
    "silbernagel-2007",
    "seed-004",
    ...(target !== undefined ? (["frandsen-2025", "nielsen-2014", "seed-002"] as const) : []),
    ...(options.cadenceCue ? (["heiderscheit-2011", "lenhart-2014"] as const) : []),
  ];
  return {
    startLevel,
    levels,
    ...(target !== undefined ? { distanceBuild: { targetWeeklyKm: target } } : {}),
    rules,
    sources,
    ...(options.cadenceCue ? { cadenceCue: cadenceCue(options.currentCadenceSpm) } : {}),
    ...(options.entry ? { entry: options.entry } : {}),
  };
}

/** One session of the walk/run phase, for laying the plan out on a calendar. */
export interface IntervalSessionSlot {
  /** 0, 1, 2… in order. */
  order: number;
  level: RunLevel;
  /** 1…minSessions: which time at this level. */
  repeat: number;
  /** Days after the first session; runs are `minRestDaysBetweenRuns + 1` days apart. */
  dayOffset: number;
}

/**
 * The walk/run phase as an ordered list of sessions when every session goes well: each level
 * `minSessions` times from the start level, one run every `minRestDaysBetweenRuns + 1` days
 * (seed-000; trials-2023). Decisions after each session may repeat or step back.
 */
export function listIntervalSessions(
  plan: ReturnToRunPlan,
  settings: RunPlanSettings,
): IntervalSessionSlot[] {
  const spacing = settings.run.minRestDaysBetweenRuns + 1;
  const slots: IntervalSessionSlot[] = [];
  for (const level of plan.levels.filter((l) => l.level >= plan.startLevel)) {
    for (let repeat = 1; repeat <= level.minSessions; repeat++) {
      slots.push({ order: slots.length, level, repeat, dayOffset: slots.length * spacing });
    }
  }
  return slots;
}
