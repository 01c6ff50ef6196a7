import { z } from "zod";
import { parseWith } from "../core/errors.js";
import type { MovementEvidence } from "../core/movement/evidence.js";
import { movementEvidenceSchema } from "../core/movement/evidence.schema.js";
import { readDataFile } from "./read-input.js";

const analysisFileSchema = z.looseObject({
  evidence: z.array(movementEvidenceSchema, {
    error:
      "no evidence list: use the analysis.json written by hipcheck analyze --out, or its --json output",
  }),
});

/** The movement evidence of a `hipcheck analyze` result file, validated; errors name the file. */
export async function readAnalysisEvidence(path: string): Promise<MovementEvidence[]> {
  return parseWith(analysisFileSchema, await readDataFile(path), `movement analysis ${path}`)
    .evidence;
}

/** The assessment with more movement evidence added after its own. */
export function withMovement(input: unknown, evidence: readonly MovementEvidence[]): unknown {
  if (evidence.length === 0 || typeof input !== "object" || input === null) return input;
  const own = (input as { movement?: unknown }).movement;
  return { ...input, movement: [...(Array.isArray(own) ? own : []), ...evidence] };
}
