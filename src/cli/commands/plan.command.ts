import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type Command, InvalidArgumentError } from "commander";
import { assess } from "../../core/assessment/assess.js";
import type { Equipment } from "../../core/exercises/exercise.types.js";
import { illustrate } from "../../core/exercises/library.js";
import type { PlanFile } from "../../core/program/plan-file.schema.js";
import { DEFAULT_WEEKS, generateProgramme } from "../../core/program/programme.js";
import type { Programme } from "../../core/program/programme.types.js";
import {
  checkDestinations,
  type Destination,
  writeFileWhole,
  writeFolderWhole,
} from "../../report/output-writer.js";
import { programmeToIcs } from "../../report/programme-calendar.js";
import { renderProgramme } from "../../report/programme-text.js";
import { planStartNotice } from "../date-notices.js";
import { calendarDate, wholeNumber } from "../option-parsers.js";
import { printJson, printNotice, printStatus, printText, processStreams } from "../output.js";
import { readDataFile } from "../read-input.js";

const EQUIPMENT: readonly Equipment[] = [
  "band",
  "cable-or-band",
  "weights",
  "step",
  "chair",
  "foam-roller",
  "foam-roller-or-ball",
  "exercise-ball",
];

export function registerPlan(program: Command): void {
  program
    .command("plan")
    .description("Make a dated exercise and return-to-run programme from an assessment file.")
    .argument("<assessment>", "assessment file, .json or .yaml")
    .requiredOption("--start <date>", "first day of the programme, YYYY-MM-DD", calendarDate)
    .option(
      "--days-per-week <n>",
      "days a week free for training, 1–7",
      wholeNumber("days per week", 1, 7),
      6,
    )
    .option(
      "--minutes <n>",
      "minutes free per session, 15–180",
      wholeNumber("minutes", 15, 180),
      45,
    )
    .option("--weeks <n>", "length in weeks, 4–16", wholeNumber("weeks", 4, 16), DEFAULT_WEEKS)
    .option(
      "--equipment <list>",
      `equipment at hand, comma-separated: ${EQUIPMENT.join(", ")}`,
      parseEquipment,
      ["band"],
    )
    .option("--ics <file>", "also write the sessions as an iCalendar file")
    .option("--illustrations <dir>", "also write an SVG figure of every exercise into this folder")
    .option("--json", "print the plan as JSON (the input of hipcheck progress)")
    .action(async (file: string, options: PlanOptions) => {
      const icsFile: Destination | undefined = options.ics
        ? { kind: "file", path: options.ics, option: "--ics" }
        : undefined;
      const figures: Destination | undefined = options.illustrations
        ? { kind: "folder", path: options.illustrations, option: "--illustrations" }
        : undefined;
      // Every destination is checked before any work, so a bad one cannot leave another written.
      await checkDestinations([icsFile, figures].filter((d) => d !== undefined));
      const assessment = assess(await readDataFile(file));
      const programme = generateProgramme({
        assessment,
        availability: {
          daysPerWeek: options.daysPerWeek,
          minutesPerSession: options.minutes,
          equipment: options.equipment,
        },
        start: options.start,
        weeks: options.weeks,
      });
      const plan: PlanFile = {
        format: "hipcheck-plan",
        version: 1,
        assessedOn: assessment.assessedOn,
        programme,
      };
      // Everything is built before anything is written or printed.
      const report = options.json ? undefined : renderProgramme(programme);
      const ics = icsFile ? programmeToIcs(programme, new Date()) : undefined;
      if (figures) await writeFolderWhole(figures, (dir) => writeIllustrations(dir, programme));
      if (icsFile && ics) await writeFileWhole(icsFile, ics);
      const notice = planStartNotice(options.start, assessment.assessedOn);
      if (notice) printNotice(processStreams, notice);
      if (report === undefined) printJson(processStreams, plan);
      else printText(processStreams, report);
      if (icsFile)
        printStatus(
          processStreams,
          `wrote ${programme.sessions.length} sessions to ${icsFile.path}`,
        );
    });
}

interface PlanOptions {
  start: string;
  daysPerWeek: number;
  minutes: number;
  weeks: number;
  equipment: Equipment[];
  ics?: string;
  illustrations?: string;
  json?: boolean;
}

async function writeIllustrations(dir: string, programme: Programme): Promise<void> {
  await Promise.all(
    programme.exercises.map((id) => writeFile(join(dir, `${id}.svg`), illustrate(id))),
  );
}

function parseEquipment(value: string): Equipment[] {
  const items = value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
  const unknown = items.filter((item) => item !== "none" && !EQUIPMENT.includes(item as Equipment));
  if (unknown.length > 0)
    throw new InvalidArgumentError(
      `unknown equipment ${unknown.map((u) => `"${u}"`).join(", ")}; known: none, ${EQUIPMENT.join(", ")}`,
    );
  return items.filter((item): item is Equipment => item !== "none");
}
