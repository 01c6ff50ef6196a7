import { join } from "node:path";
import { type Command, InvalidArgumentError } from "commander";
import { assess } from "../../core/assessment/assess.js";
import { isCalendarDate } from "../../core/calendar-date.js";
import type { Equipment } from "../../core/exercises/exercise.types.js";
import { illustrate } from "../../core/exercises/library.js";
import { DEFAULT_WEEKS, generateProgramme } from "../../core/program/programme.js";
import type { Programme } from "../../core/program/programme.types.js";
import { programmeToIcs } from "../../report/programme-calendar.js";
import { renderProgramme } from "../../report/programme-text.js";
import type { PlanFile } from "../plan-file.js";
import { readDataFile, writeOutputFile } from "../read-input.js";

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
    .requiredOption("--start <date>", "first day of the programme, YYYY-MM-DD", parseDate)
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
      const output = options.json
        ? `${JSON.stringify(plan, null, 2)}\n`
        : renderProgramme(programme);
      const ics = options.ics ? programmeToIcs(programme, new Date()) : undefined;
      if (options.ics && ics) await writeOutputFile(options.ics, ics);
      if (options.illustrations) await writeIllustrations(options.illustrations, programme);
      process.stdout.write(output);
      if (options.ics)
        process.stderr.write(
          `hipcheck: wrote ${programme.sessions.length} sessions to ${options.ics}\n`,
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
    programme.exercises.map((id) => writeOutputFile(join(dir, `${id}.svg`), illustrate(id))),
  );
}

function parseDate(value: string): string {
  if (!isCalendarDate(value))
    throw new InvalidArgumentError(`expected a real date written YYYY-MM-DD, got "${value}"`);
  return value;
}

function wholeNumber(what: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(
        `${what} must be a whole number from ${min} to ${max}, got "${value}"`,
      );
    return n;
  };
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
