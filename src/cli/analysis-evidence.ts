import { realpath } from "node:fs/promises";
import { z } from "zod";
import { parseWith } from "../core/errors.js";
import type { MovementEvidence } from "../core/movement/evidence.js";
import { movementEvidenceSchema } from "../core/movement/evidence.schema.js";
import {
  movementMeasurementSchema,
  type VideoAnalysisInput,
} from "../core/movement/measurements.schema.js";
import { readDataFile } from "./read-input.js";

const analysisFileSchema = z.looseObject({
  input: z.string().optional(),
  rulesVersion: z.string().min(1).optional(),
  analysis: z
    .looseObject({
      kind: z.enum(["running", "single-leg-squat", "single-leg-stance"]),
      warnings: z.array(z.looseObject({ code: z.string(), message: z.string() })).default([]),
    })
    .optional(),
  measurements: z.array(movementMeasurementSchema).optional(),
  evidence: z.array(movementEvidenceSchema, {
    error:
      "no evidence list: use the analysis.json written by hipcheck analyze --out, or its --json output",
  }),
});

/** What a `hipcheck analyze` result adds to an assessment. */
export type AnalysisReading =
  | { kind: "measurements"; analysis: VideoAnalysisInput }
  | { kind: "evidence"; evidence: MovementEvidence[] };

/**
 * A `hipcheck analyze` result file, validated; errors name the file. Its measurements are
 * judged by `assess`; a file from before measurements were stored gives its evidence as judged then.
 */
export async function readAnalysis(path: string): Promise<AnalysisReading> {
  const file = parseWith(analysisFileSchema, await readDataFile(path), `movement analysis ${path}`);
  if (!file.measurements || !file.analysis || !file.rulesVersion)
    return { kind: "evidence", evidence: file.evidence };
  return {
    kind: "measurements",
    analysis: {
      rulesVersion: file.rulesVersion,
      task: file.analysis.kind,
      measurements: file.measurements,
      warnings: file.analysis.warnings.map(({ code, message }) => ({ code, message })),
      ...(file.input ? { input: file.input } : {}),
    },
  };
}

/** The analyses of several files; a file named twice (by any path) is read once. */
export async function readMovementFiles(
  paths: readonly string[],
): Promise<{ readings: AnalysisReading[]; notices: string[] }> {
  const seen = new Map<string, string>();
  const notices: string[] = [];
  const readings: AnalysisReading[] = [];
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
    readings.push(await readAnalysis(path));
  }
  return { readings, notices };
}

/** The items of `extra` not already in `own` (by content), and how many were repeats. */
function addOnce(own: unknown, extra: readonly unknown[]): { list: unknown[]; repeated: number } {
  const list: unknown[] = Array.isArray(own) ? [...own] : [];
  const keys = new Set(list.map((item) => JSON.stringify(item)));
  let repeated = 0;
  for (const item of extra) {
    const key = JSON.stringify(item);
    if (keys.has(key)) repeated++;
    else {
      keys.add(key);
      list.push(item);
    }
  }
  return { list, repeated };
}

/**
 * The assessment with the analyses added after its own movement evidence and video analyses.
 * One identical to one already there (the same analysis copied under another name) counts once.
 */
export function withMovement(
  input: unknown,
  readings: readonly AnalysisReading[],
): { input: unknown; notices: string[] } {
  if (readings.length === 0 || typeof input !== "object" || input === null)
    return { input, notices: [] };
  const own = input as { movement?: unknown; videoAnalyses?: unknown };
  const evidence = readings.flatMap((r) => (r.kind === "evidence" ? r.evidence : []));
  const analyses = readings.flatMap((r) => (r.kind === "measurements" ? [r.analysis] : []));
  const movement = addOnce(own.movement, evidence);
  const videoAnalyses = addOnce(own.videoAnalyses, analyses);
  const repeated = movement.repeated + videoAnalyses.repeated;
  const notices =
    repeated > 0
      ? [
          `${repeated} movement ${repeated === 1 ? "analysis or observation was" : "analyses or observations were"} given more than once (the same analysis twice?) and counted once.`,
        ]
      : [];
  return {
    input: {
      ...input,
      ...(evidence.length ? { movement: movement.list } : {}),
      ...(analyses.length ? { videoAnalyses: videoAnalyses.list } : {}),
    },
    notices,
  };
}
