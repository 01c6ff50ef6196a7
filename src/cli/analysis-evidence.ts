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

/** The assessment with the analyses added after its own movement evidence and video analyses. */
export function withMovement(input: unknown, readings: readonly AnalysisReading[]): unknown {
  if (readings.length === 0 || typeof input !== "object" || input === null) return input;
  const own = input as { movement?: unknown; videoAnalyses?: unknown };
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const evidence = readings.flatMap((r) => (r.kind === "evidence" ? r.evidence : []));
  const analyses = readings.flatMap((r) => (r.kind === "measurements" ? [r.analysis] : []));
  return {
    ...input,
    ...(evidence.length ? { movement: [...list(own.movement), ...evidence] } : {}),
    ...(analyses.length ? { videoAnalyses: [...list(own.videoAnalyses), ...analyses] } : {}),
  };
}
