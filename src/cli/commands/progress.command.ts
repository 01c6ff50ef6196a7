import type { Command } from "commander";
import { FileError } from "../../core/errors.js";
import { findExercise, isExerciseId } from "../../core/exercises/library.js";
import { parsePlanFile } from "../../core/program/plan-file.schema.js";
import { prescribedExercises } from "../../core/program/programme.js";
import { parseLogs } from "../../core/running/logs.schema.js";
import { decideNext, type ProgressReport } from "../../core/running/progression.js";
import { renderProgress } from "../../report/progress-text.js";
import { logDatesNotice } from "../date-notices.js";
import { printJson, printNotice, printText, processStreams } from "../output.js";
import { readDataFile } from "../read-input.js";

export function registerProgress(program: Command): void {
  program
    .command("progress")
    .description(
      "Decide the next step for the run and each exercise from a plan and the training log.",
    )
    .argument("<plan>", "plan file written by hipcheck plan --json")
    .argument("<logs>", "training log, .json or .yaml")
    .option("--json", "print the decisions as JSON")
    .action(async (planPath: string, logsPath: string, options: { json?: boolean }) => {
      const { programme } = parsePlanFile(await readDataFile(planPath), `plan file ${planPath}`);
      const logs = parseLogs(await readDataFile(logsPath), { isKnownExercise: isExerciseId });
      if (logs.length === 0)
        throw new FileError(`${logsPath} holds no sessions yet: log a session first`);
      const report = withNextRungs(
        decideNext(
          { run: programme.runPlan, exercises: prescribedExercises(programme) },
          logs,
          programme.runSettings,
        ),
      );
      const datesNotice = logDatesNotice(
        logs.map((entry) => entry.date),
        programme,
      );
      if (datesNotice) printNotice(processStreams, `${logsPath}: ${datesNotice}`);
      if (options.json) printJson(processStreams, report);
      else printText(processStreams, renderProgress(report));
    });
}

/** The report with, for each exercise to progress, the next rung of its ladder (seed-001: harder variation). */
export function withNextRungs(
  report: ProgressReport,
): ProgressReport & { nextRungs: Record<string, string> } {
  const nextRungs: Record<string, string> = {};
  for (const d of report.decisions) {
    if (d.kind !== "exercise" || !d.exercise || !isExerciseId(d.exercise)) continue;
    const exercise = findExercise(d.exercise);
    const next =
      d.decision === "progress"
        ? exercise.progression
        : d.decision === "step-back"
          ? exercise.regression
          : undefined;
    if (next) nextRungs[d.exercise] = findExercise(next).name;
  }
  return { ...report, nextRungs };
}
