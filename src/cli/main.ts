#!/usr/bin/env node
import { Command, InvalidArgumentError } from "commander";
import { assess } from "../core/assessment/assess.js";
import { DomainError, InputError } from "../core/errors.js";
import { type Audience, renderAssessment } from "../report/assessment-text.js";
import { readAnalysisEvidence, withMovement } from "./analysis-evidence.js";
import { assessmentJsonSchema } from "./assessment-schema.js";
import { registerAnalyze } from "./commands/analyze.command.js";
import { registerFhir } from "./commands/fhir.command.js";
import { registerPlan } from "./commands/plan.command.js";
import { registerProgress } from "./commands/progress.command.js";
import { registerReport } from "./commands/report.command.js";
import { registerRuns } from "./commands/runs.command.js";
import { registerStrength } from "./commands/strength.command.js";
import { parseAudience } from "./options.js";
import { FileError, readDataFile } from "./read-input.js";

/** Exit codes: 0 done, 1 the input is wrong (the message says where), 2 bad command line, 70 internal error. */
const EXIT_INPUT = 1;
const EXIT_INTERNAL = 70;

const program = new Command()
  .name("hipcheck")
  .description("Is the hip behind a runner's knee pain? Assess, explain, treat, track.")
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text) });

program
  .command("assess")
  .description("Assess a runner from an assessment file (JSON or YAML) and print the findings.")
  .argument("<file>", "assessment file, .json or .yaml")
  .option("--json", "print the full result as JSON instead of the report")
  .option("--for <audience>", "wording for the runner or the clinician", parseAudience, "clinician")
  .option(
    "--movement <analysis...>",
    "add the evidence of hipcheck analyze results (analysis.json)",
  )
  .action(async (file: string, options: { json?: boolean; for: Audience; movement?: string[] }) => {
    const input = await readDataFile(file);
    const extra = await Promise.all((options.movement ?? []).map(readAnalysisEvidence));
    const result = assess(withMovement(input, extra.flat()));
    // Build the whole output first: nothing is half-printed if something fails.
    const output = options.json
      ? `${JSON.stringify(result, null, 2)}\n`
      : renderAssessment(result, options.for);
    process.stdout.write(output);
  });

program
  .command("schema")
  .description("Print the JSON Schema of an input format.")
  .argument("<format>", 'the format: "assessment"')
  .action((format: string) => {
    if (format !== "assessment")
      throw new InvalidArgumentError(`unknown format "${format}"; known: assessment`);
    process.stdout.write(`${JSON.stringify(assessmentJsonSchema(), null, 2)}\n`);
  });

registerAnalyze(program);
registerPlan(program);
registerProgress(program);
registerReport(program);
registerFhir(program);
registerStrength(program);
registerRuns(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof InputError || error instanceof FileError || error instanceof DomainError) {
    process.stderr.write(`hipcheck: ${error.message}\n`);
    process.exitCode = EXIT_INPUT;
  } else if (error instanceof InvalidArgumentError) {
    process.stderr.write(`hipcheck: ${error.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(
      `hipcheck: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = EXIT_INTERNAL;
  }
}
