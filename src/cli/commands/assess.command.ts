import type { Command } from "commander";
import { assess } from "../../core/assessment/assess.js";
import { type Audience, renderAssessment } from "../../report/assessment-text.js";
import { readMovementFiles, withMovement } from "../analysis-evidence.js";
import { oneOf } from "../option-parsers.js";
import { printJson, printNotice, printText, processStreams } from "../output.js";
import { readDataFile } from "../read-input.js";

interface AssessOptions {
  json?: boolean;
  for: Audience;
  movement?: string[];
  previous?: string;
}

export function registerAssess(program: Command): void {
  program
    .command("assess")
    .description("Assess a runner from an assessment file (JSON or YAML) and print the findings.")
    .argument("<file>", "assessment file, .json or .yaml")
    .option("--json", "print the full result as JSON instead of the report")
    .option(
      "--for <audience>",
      "wording for the runner or the clinician",
      oneOf<Audience>(["runner", "clinician"]),
      "clinician",
    )
    .option(
      "--movement <analysis...>",
      "add the evidence of hipcheck analyze results (analysis.json)",
    )
    .option(
      "--previous <file>",
      "an earlier assessment of the same runner: word the findings as progress",
    )
    .action(async (file: string, options: AssessOptions) => {
      const input = await readDataFile(file);
      const movement = await readMovementFiles(options.movement ?? []);
      const combined = withMovement(input, movement.readings);
      const previous = options.previous ? assess(await readDataFile(options.previous)) : undefined;
      const result = assess(combined.input, previous);
      for (const note of [...movement.notices, ...combined.notices])
        printNotice(processStreams, note);
      // The whole output is built first: nothing is half-printed if something fails.
      if (options.json) printJson(processStreams, result);
      else printText(processStreams, renderAssessment(result, options.for));
    });
}
