/**
 * `hipcheck report ASSESSMENT [LATER…] --pdf FILE` and `hipcheck handout PLAN --pdf FILE`:
 * printable documents. With several assessments (oldest first) the report is of the last one,
 * with a progress page against the earlier ones.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Command } from "commander";
import { type AssessmentResult, assess } from "../../core/assessment/assess.js";
import { FileError } from "../../core/errors.js";
import { parsePlanFile } from "../../core/program/plan-file.schema.js";
import type { Audience } from "../../report/assessment-text.js";
import { checkDestinations, type Destination, writeFileWhole } from "../../report/output-writer.js";
import { type AnnotatedFrame, assessmentPdf } from "../../report/pdf/assessment-pdf.js";
import { handoutPdf } from "../../report/pdf/handout-pdf.js";
import { PAGE_SIZES, type PageSize } from "../../report/pdf/pdf-document.js";
import { readMovementFiles, withMovement } from "../analysis-evidence.js";
import { oneOf } from "../option-parsers.js";
import { printNotice, printStatus, processStreams } from "../output.js";
import { readDataFile } from "../read-input.js";

interface ReportOptions {
  pdf: string;
  page: PageSize;
  for: Audience;
  plan?: string;
  movement?: string[];
  frames?: string;
  previous?: string[];
}

const pageOption = ["--page <size>", "page size: a4 or letter", oneOf(PAGE_SIZES), "a4"] as const;

export function registerReport(program: Command): void {
  program
    .command("report")
    .description(
      "Write the assessment report as a PDF (A4 or Letter); with earlier assessments, a progress report.",
    )
    .argument(
      "<assessments...>",
      "assessment files, .json or .yaml, oldest first; the last is reported",
    )
    .requiredOption("--pdf <file>", "the PDF file to write")
    .option(...pageOption)
    .option(
      "--for <audience>",
      "wording for the runner or the clinician",
      oneOf<Audience>(["runner", "clinician"]),
      "clinician",
    )
    .option(
      "--previous <file...>",
      "earlier assessments of the same runner, oldest first (the same as naming them first)",
    )
    .option("--plan <plan>", "add the programme summary of a plan file (hipcheck plan --json)")
    .option(
      "--movement <analysis...>",
      "add the evidence of hipcheck analyze results (analysis.json) to the last assessment",
    )
    .option("--frames <dir>", "print two annotated pictures from a hipcheck analyze --out folder")
    .action(async (files: string[], options: ReportOptions) => {
      const destination: Destination = { kind: "file", path: options.pdf, option: "--pdf" };
      await checkDestinations([destination]);
      const paths = [...(options.previous ?? []), ...files];
      const earlier: AssessmentResult[] = [];
      for (const path of paths.slice(0, -1)) earlier.push(assess(await readDataFile(path)));
      const last = paths[paths.length - 1] as string;
      const movement = await readMovementFiles(options.movement ?? []);
      const combined = withMovement(await readDataFile(last), movement.readings);
      const result = assess(combined.input, earlier[earlier.length - 1]);
      const plan = options.plan
        ? parsePlanFile(await readDataFile(options.plan), `plan file ${options.plan}`)
        : undefined;
      const frames = options.frames ? await readFrames(options.frames) : [];
      const pdf = await assessmentPdf(result, {
        audience: options.for,
        page: options.page,
        frames,
        earlier,
        ...(plan ? { programme: plan.programme } : {}),
      });
      await writeFileWhole(destination, pdf);
      for (const note of [...movement.notices, ...combined.notices])
        printNotice(processStreams, note);
      printStatus(
        processStreams,
        `wrote the ${earlier.length > 0 ? "progress " : ""}report to ${options.pdf}`,
      );
    });

  program
    .command("handout")
    .description(
      "Write an exercise handout as a PDF: each exercise's figure, dose, steps and cues.",
    )
    .argument("<plan>", "plan file written by hipcheck plan --json")
    .requiredOption("--pdf <file>", "the PDF file to write")
    .option(...pageOption)
    .option("--name <name>", "the runner's name for the title")
    .action(async (planPath: string, options: { pdf: string; page: PageSize; name?: string }) => {
      const destination: Destination = { kind: "file", path: options.pdf, option: "--pdf" };
      await checkDestinations([destination]);
      const { programme } = parsePlanFile(await readDataFile(planPath), `plan file ${planPath}`);
      const pdf = await handoutPdf(programme, {
        page: options.page,
        ...(options.name ? { name: options.name } : {}),
      });
      await writeFileWhole(destination, pdf);
      printStatus(
        processStreams,
        `wrote ${programme.exercises.length} exercises to ${options.pdf}`,
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
