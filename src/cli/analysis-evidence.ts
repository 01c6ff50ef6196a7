import { realpath } from "node:fs/promises";
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

/** The evidence of several analysis files; a file named twice (by any path) is read once. */
export async function readMovementFiles(
  paths: readonly string[],
): Promise<{ evidence: MovementEvidence[]; notices: string[] }> {
  const seen = new Map<string, string>();
  const notices: string[] = [];
  const evidence: MovementEvidence[] = [];
  for (const path of paths) {
    const real = await realpath(path).catch(() => path);
    const first = seen.get(real);
    if (first !== undefined) {
      notices.push(
        `${path} is the same file as ${first}, given twice to --movement: its evidence is counted once.`,
      );
      continue;
    }
    seen.set(real, path);
    evidence.push(...(await readAnalysisEvidence(path)));
  }
  return { evidence, notices };
}

/**
 * The assessment with more movement evidence added after its own. An observation identical to
 * one already there (the same analysis copied under another name) is counted once.
 */
export function withMovement(
  input: unknown,
  evidence: readonly MovementEvidence[],
): { input: unknown; notices: string[] } {
  if (evidence.length === 0 || typeof input !== "object" || input === null)
    return { input, notices: [] };
  const own = (input as { movement?: unknown }).movement;
  const movement: unknown[] = Array.isArray(own) ? [...own] : [];
  const keys = new Set(movement.map((m) => JSON.stringify(m)));
  let repeated = 0;
  for (const item of evidence) {
    const key = JSON.stringify(item);
    if (keys.has(key)) repeated++;
    else {
      keys.add(key);
      movement.push(item);
    }
  }
  const notices =
    repeated > 0
      ? [
          `${repeated} movement observation${repeated === 1 ? " was" : "s were"} given more than once (the same analysis twice?) and counted once.`,
        ]
      : [];
  return { input: { ...input, movement }, notices };
}
