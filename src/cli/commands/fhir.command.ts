/** `hipcheck fhir export|import`: an assessment as a FHIR R4 Bundle, and back. */
import type { Command } from "commander";
import { assessInput } from "../../core/assessment/assess.js";
import { assessmentSchema } from "../../core/assessment/assessment.schema.js";
import { parseWith } from "../../core/errors.js";
import { parsePlanFile } from "../../core/program/plan-file.schema.js";
import { assessmentBundle } from "../../report/fhir/fhir-export.js";
import { assessmentFromBundle } from "../../report/fhir/fhir-import.js";
import { fhirIssues } from "../../report/fhir/fhir-validate.js";
import { readMovementFiles, withMovement } from "../analysis-evidence.js";
import { printJson, printNotice, processStreams } from "../output.js";
import { readDataFile } from "../read-input.js";

export function registerFhir(program: Command): void {
  const fhir = program
    .command("fhir")
    .description("FHIR R4: export an assessment as a Bundle, or import one.");
  fhir
    .command("export")
    .description(
      "Print the assessment as a FHIR R4 Bundle (JSON), checked against the R4 definitions.",
    )
    .argument("<assessment>", "assessment file, .json or .yaml")
    .option(
      "--plan <plan>",
      "add the programme of a plan file (hipcheck plan --json) as a CarePlan",
    )
    .option(
      "--movement <analysis...>",
      "add the evidence of hipcheck analyze results (analysis.json)",
    )
    .action(async (file: string, options: { plan?: string; movement?: string[] }) => {
      const movement = await readMovementFiles(options.movement ?? []);
      const combined = withMovement(await readDataFile(file), movement.readings);
      const input = parseWith(assessmentSchema, combined.input, "assessment");
      const result = assessInput(input);
      const plan = options.plan
        ? parsePlanFile(await readDataFile(options.plan), `plan file ${options.plan}`)
        : undefined;
      const bundle = assessmentBundle({
        input,
        result,
        ...(plan ? { programme: plan.programme } : {}),
      });
      const issues = fhirIssues(bundle);
      // hipcheck's own output failing the definitions is a fault here, not in the user's file.
      if (issues.length > 0)
        throw new Error(
          `the Bundle does not conform to FHIR R4: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
        );
      for (const note of [...movement.notices, ...combined.notices])
        printNotice(processStreams, note);
      printJson(processStreams, bundle);
    });
  fhir
    .command("import")
    .description("Read a FHIR R4 Bundle and print the assessment file it holds (JSON).")
    .argument("<bundle>", "FHIR R4 Bundle, .json")
    .action(async (file: string) => {
      const { assessment, notes } = assessmentFromBundle(await readDataFile(file), file);
      printJson(processStreams, assessment);
      for (const note of notes) printNotice(processStreams, note);
    });
}
