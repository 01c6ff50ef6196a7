/** The plan file that `hipcheck plan --json` writes and `progress`, `report` and `handout` read. */
import { z } from "zod";
import { parseWith } from "../core/errors.js";
import type { Programme } from "../core/program/programme.types.js";
import { readDataFile } from "./read-input.js";

export interface PlanFile {
  format: "hipcheck-plan";
  version: 1;
  assessedOn: string;
  programme: Programme;
}

// Only the frame is checked: the programme inside is hipcheck's own output.
const planFileSchema = z.object({
  format: z.literal("hipcheck-plan", {
    error: 'not a hipcheck plan: make one with "hipcheck plan --json"',
  }),
  version: z.literal(1, { error: "plan file version 1 expected" }),
  assessedOn: z.string(),
  programme: z.looseObject({
    start: z.string(),
    exercises: z.array(z.string()),
    runPlan: z.looseObject({ levels: z.array(z.unknown()) }),
    runSettings: z.looseObject({}),
    sessions: z.array(z.unknown()),
  }),
});

/** Reads and checks a plan file; an InputError or FileError names what is wrong. */
export async function readPlanFile(path: string): Promise<PlanFile> {
  const raw = await readDataFile(path);
  parseWith(planFileSchema, raw, `plan file ${path}`);
  return raw as PlanFile;
}
