import type { Command } from "commander";
import { assess } from "../../core/assessment/assess.js";
import { compareAssessments } from "../../core/retest/compare-assessments.js";
import { renderComparison } from "../../report/comparison-text.js";
import { printJson, printText, processStreams } from "../output.js";
import { readDataFile } from "../read-input.js";

/** `hipcheck compare BEFORE AFTER [MORE…]`: a retest against the earlier assessments of one runner. */
export function registerCompare(program: Command): void {
  program
    .command("compare")
    .description(
      "Compare two or more assessments of one runner, oldest first: the change per measure and the findings as progress.",
    )
    .argument("<before>", "the earlier assessment file, .json or .yaml")
    .argument("<after...>", "one or more later assessment files, oldest first")
    .option("--json", "print the comparison as JSON")
    .action(async (before: string, after: string[], options: { json?: boolean }) => {
      const results = [];
      for (const file of [before, ...after]) results.push(assess(await readDataFile(file)));
      const comparison = compareAssessments(results);
      if (options.json) printJson(processStreams, comparison);
      else printText(processStreams, renderComparison(comparison));
    });
}
