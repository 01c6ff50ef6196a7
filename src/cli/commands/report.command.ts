/** `hipcheck report ASSESSMENT --pdf FILE` and `hipcheck handout PLAN --pdf FILE`: printable documents. */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Command } from "commander";
import { assess } from "../../core/assessment/assess.js";
import type { Audience } from "../../report/assessment-text.js";
import { type AnnotatedFrame, assessmentPdf } from "../../report/pdf/assessment-pdf.js";
import { handoutPdf } from "../../report/pdf/handout-pdf.js";
import type { PageSize } from "../../report/pdf/pdf-document.js";
import { readAnalysisEvidence, withMovement } from "../analysis-evidence.js";
import { parseAudience, parsePageSize } from "../options.js";
import { readPlanFile } from "../plan-file.js";
import { FileError, readDataFile, writeOutputFile } from "../read-input.js";

interface ReportOptions {
  pdf: string;
  page: PageSize;
  for: Audience;
  plan?: string;
  movement?: string[];
  frames?: string;
}

export function registerReport(program: Command): void {
  program
    .command("report")
    .description("Write the assessment report as a PDF (A4 or Letter).")
    .argument("<assessment>", "assessment file, .json or .yaml")
    .requiredOption("--pdf <file>", "the PDF file to write")
    .option("--page <size>", "page size: a4 or letter", parsePageSize, "a4")
    .option(
      "--for <audience>",
      "wording for the runner or the clinician",
      parseAudience,
      "clinician",
    )
    .option("--plan <plan>", "add the programme summary of a plan file (hipcheck plan --json)")
    .option(
      "--movement <analysis...>",
      "add the evidence of hipcheck analyze results (analysis.json)",
    )
    .option("--frames <dir>", "print two annotated pictures from a hipcheck analyze --out folder")
    .action(async (file: string, options: ReportOptions) => {
      const input = await readDataFile(file);
      const extra = await Promise.all((options.movement ?? []).map(readAnalysisEvidence));
      const result = assess(withMovement(input, extra.flat()));
      const plan = options.plan ? await readPlanFile(options.plan) : undefined;
      const frames = options.frames ? await readFrames(options.frames) : [];
      const pdf = await assessmentPdf(result, {
        audience: options.for,
        page: options.page,
        frames,
        ...(plan ? { programme: plan.programme } : {}),
      });
      await writeOutputFile(options.pdf, pdf);
      process.stderr.write(`hipcheck: wrote the report to ${options.pdf}\n`);
    });

  program
    .command("handout")
    .description(
      "Write an exercise handout as a PDF: each exercise's figure, dose, steps and cues.",
    )
    .argument("<plan>", "plan file written by hipcheck plan --json")
    .requiredOption("--pdf <file>", "the PDF file to write")
    .option("--page <size>", "page size: a4 or letter", parsePageSize, "a4")
    .option("--name <name>", "the runner's name for the title")
    .action(async (planPath: string, options: { pdf: string; page: PageSize; name?: string }) => {
      const { programme } = await readPlanFile(planPath);
      const pdf = await handoutPdf(programme, {
        page: options.page,
        ...(options.name ? { name: options.name } : {}),
      });
      await writeOutputFile(options.pdf, pdf);
      process.stderr.write(
        `hipcheck: wrote ${programme.exercises.length} exercises to ${options.pdf}\n`,
      );
    });
}

/** Pelvic-drop pictures first (the hip's story), then contact pictures; two at most. */
async function readFrames(dir: string): Promise<AnnotatedFrame[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    throw new FileError(`${dir}: no such folder (give the --out folder of hipcheck analyze)`);
  }
  const pngs = names.filter((n) => n.toLowerCase().endsWith(".png")).sort();
  if (pngs.length === 0)
    throw new FileError(`${dir} holds no PNG pictures (hipcheck analyze --out writes them)`);
  const rank = (n: string) => (n.includes("pelvic-drop") ? 0 : n.includes("contact") ? 1 : 2);
  const chosen = [...pngs].sort((a, b) => rank(a) - rank(b)).slice(0, 2);
  return Promise.all(
    chosen.map(async (name) => ({ caption: caption(name), png: await readFile(join(dir, name)) })),
  );
}

/** "right-pelvic-drop.png" → "Right leg: largest pelvic drop". */
function caption(name: string): string {
  const base = name.replace(/\.png$/i, "");
  const side = /^(left|right)-/.exec(base)?.[1];
  const rest = side ? base.slice(side.length + 1) : base;
  const what =
    rest === "pelvic-drop"
      ? "largest pelvic drop"
      : rest === "contact"
        ? "a typical foot contact"
        : rest.replace(/-/g, " ");
  return side ? `${side === "left" ? "Left" : "Right"} leg: ${what}` : what;
}
