/** `hipcheck import-strength FILE` and `hipcheck export-strength ASSESSMENT --csv`: dynamometer files. */
import type { Command } from "commander";
import { stringify as toYaml } from "yaml";
import { assessmentSchema } from "../../core/assessment/assessment.schema.js";
import { FileError, parseWith, UsageError } from "../../core/errors.js";
import { LEVER_ARM_CM } from "../../core/strength/strength.schema.js";
import { strengthFromTrace } from "../../report/dynamometer/force-trace-csv.js";
import { strengthToCsv } from "../../report/dynamometer/strength-export.js";
import { parseColumnMap, strengthFromCsv } from "../../report/dynamometer/strength-import.js";
import { checkDestinations, type Destination, writeFileWhole } from "../../report/output-writer.js";
import { numberBetween, oneOf } from "../option-parsers.js";
import { printJson, printStatus, printText, processStreams } from "../output.js";
import { readDataFile, readTextFile } from "../read-input.js";

interface ImportOptions {
  format: "vald" | "generic" | "trace";
  map?: string;
  position?: string;
  method?: string;
  unit?: "N" | "kgf" | "lbf";
  test?: string;
  side?: string;
  leverArm?: number;
  yaml?: boolean;
}

export function registerStrength(program: Command): void {
  program
    .command("import-strength")
    .description(
      "Read a dynamometer CSV export and print the assessment's strength section (JSON or YAML).",
    )
    .argument("<file>", "CSV file: VALD-style, another layout with --map, or a force–time trace")
    .option(
      "--format <format>",
      "vald (default), generic (with --map) or trace",
      oneOf(["vald", "generic", "trace"]),
      "vald",
    )
    .option(
      "--map <pairs>",
      "column mapping, e.g. test=Movement,side=Limb,force=Peak N,position=Position",
    )
    .option(
      "--position <position>",
      "body position when the file has no position column (required for a trace)",
    )
    .option(
      "--method <method>",
      "make or break when the file has no method column",
      oneOf(["make", "break"]),
    )
    .option(
      "--unit <unit>",
      "unit of the force column: N (default), kgf or lbf",
      oneOf(["N", "kgf", "lbf"]),
    )
    .option("--test <test>", "for a trace: the test, e.g. hip-abduction")
    .option("--side <side>", "for a trace: left or right", oneOf(["left", "right"]))
    .option(
      "--lever-arm <cm>",
      "for a trace: lever arm in cm, 5–100",
      numberBetween("lever arm", LEVER_ARM_CM.min, LEVER_ARM_CM.max),
    )
    .option("--yaml", "print YAML instead of JSON")
    .action(async (file: string, options: ImportOptions) => {
      const text = await readTextFile(file);
      if (text.includes("\u0000"))
        throw new FileError(`${file} is not a CSV text file (it holds binary data)`);
      const strength =
        options.format === "trace"
          ? traceSection(text, file, options)
          : strengthFromCsv(text, {
              file,
              format: options.format,
              ...(options.map ? { map: parseColumnMap(options.map) } : {}),
              ...(options.position ? { position: options.position } : {}),
              ...(options.method ? { method: options.method } : {}),
              ...(options.unit ? { unit: options.unit } : {}),
            });
      const trials = strength.tests.reduce((sum, t) => sum + (t.trials as unknown[]).length, 0);
      if (options.yaml) printText(processStreams, toYaml({ strength }));
      else printJson(processStreams, { strength });
      printStatus(
        processStreams,
        `read ${strength.tests.length} tests, ${trials} trials from ${file}`,
      );
    });

  program
    .command("export-strength")
    .description(
      "Write an assessment's dynamometer results as a VALD-style CSV (one row per trial).",
    )
    .argument("<assessment>", "assessment file, .json or .yaml")
    .option("--csv [file]", "write CSV (to this file, or to standard output)")
    .action(async (file: string, options: { csv?: string | boolean }) => {
      const destination: Destination | undefined =
        typeof options.csv === "string"
          ? { kind: "file", path: options.csv, option: "--csv" }
          : undefined;
      if (destination) await checkDestinations([destination]);
      const input = parseWith(assessmentSchema, await readDataFile(file), "assessment");
      if (!input.strength) throw new FileError(`${file} has no strength section to export`);
      const csv = strengthToCsv(input.strength);
      if (destination) await writeFileWhole(destination, csv);
      else printText(processStreams, csv);
    });
}

function traceSection(text: string, file: string, options: ImportOptions) {
  const missing = (["test", "side", "position"] as const).filter((k) => !options[k]);
  if (missing.length > 0)
    throw new UsageError(`a trace needs ${missing.map((m) => `--${m}`).join(", ")}`);
  return strengthFromTrace(text, {
    file,
    test: options.test ?? "",
    side: options.side ?? "",
    position: options.position ?? "",
    ...(options.method ? { method: options.method } : {}),
    ...(options.leverArm === undefined ? {} : { leverArmCm: options.leverArm }),
    ...(options.unit ? { unit: options.unit } : {}),
  });
}
