import { as, type PainScore } from "../../units.js";
import type { RunLogEntry, TrainingLogEntry } from "../logs.types.js";
import { type NextRunSession, nextRunSession } from "../next-session.js";
import type { ReturnToRunPlan } from "../return-to-run.js";
import type { RunPlanSettings } from "../run-settings.js";

/** Pain a simulated runner reports for the `index`-th session (0-based), 0–10. */
export type PainModel = (session: { index: number; level?: number }) => {
  during: number;
  after: number;
  nextMorning: number;
};

export interface SimulationResult {
  logs: TrainingLogEntry[];
  /** "continuous-running": the last walk/run level was completed and passed. */
  outcome: "continuous-running" | "stopped" | "out-of-sessions";
  /** What the plan proposed after the last logged session. */
  final: NextRunSession;
  highestLevel: number;
}

/**
 * Runs a simulated runner through the return-to-run plan: each session is done on the
 * earliest date nextRunSession allows, in full, with the pain the model gives. Deterministic.
 */
export function simulateRunner(options: {
  plan: ReturnToRunPlan;
  settings: RunPlanSettings;
  startDate: string;
  pain: PainModel;
  maxSessions?: number;
}): SimulationResult {
  const { plan, settings, startDate, pain } = options;
  const maxSessions = options.maxSessions ?? 200;
  const logs: TrainingLogEntry[] = [];
  let highestLevel = plan.startLevel;
  for (let index = 0; ; index++) {
    const today = logs[logs.length - 1]?.date ?? startDate;
    const next = nextRunSession({ plan, logs, today, settings });
    if (next.kind === "stop") return { logs, outcome: "stopped", final: next, highestLevel };
    if (next.kind === "complete" || next.kind === "distance") {
      return { logs, outcome: "continuous-running", final: next, highestLevel };
    }
    if (index >= maxSessions)
      return { logs, outcome: "out-of-sessions", final: next, highestLevel };
    const { level } = next;
    highestLevel = Math.max(highestLevel, level.level);
    const reported = pain({ index, level: level.level });
    const entry: RunLogEntry = {
      date: next.earliestDate,
      type: "run",
      run: {
        level: level.level,
        durationMin: level.totalMin,
        painDuring: as<PainScore>(reported.during),
        painAfter: as<PainScore>(reported.after),
        painNextMorning: as<PainScore>(reported.nextMorning),
        swelling: false,
        limp: false,
        stiffness: false,
      },
    };
    logs.push(entry);
  }
}
