import type { Command } from "commander";
import { UsageError } from "../../core/errors.js";
import { assessmentJsonSchema } from "../assessment-schema.js";
import { printJson, processStreams } from "../output.js";

export function registerSchema(program: Command): void {
  program
    .command("schema")
    .description("Print the JSON Schema of an input format.")
    .argument("<format>", 'the format: "assessment"')
    .action((format: string) => {
      if (format !== "assessment")
        throw new UsageError(`unknown format "${format}"; known: assessment`);
      printJson(processStreams, assessmentJsonSchema());
    });
}
