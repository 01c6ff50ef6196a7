import { z } from "zod";
import type { MovementTask } from "./evidence.js";
import { MEASUREMENT_METRICS, type MovementMeasurement } from "./measurements.js";

const TASKS = [
  "single-leg-stance",
  "sit-to-stand",
  "squat",
  "lunge",
  "single-leg-squat",
  "running",
] as const satisfies readonly MovementTask[];

/** One stored measurement of a video analysis (name, side, value, unit, quality). */
export const movementMeasurementSchema = z
  .object({
    task: z.enum(TASKS),
    metric: z.enum(MEASUREMENT_METRICS),
    side: z.enum(["left", "right"]).optional(),
    value: z.number().finite(),
    unit: z.string().min(1),
    quality: z.enum(["low", "moderate", "high"]),
    n: z.number().int().min(0).optional(),
    sd: z.number().finite().min(0).optional(),
    details: z.record(z.string(), z.number().finite()).optional(),
    withheld: z.string().min(1).optional(),
  })
  .strict() satisfies z.ZodType<MovementMeasurement>;

/**
 * `videoAnalyses:` the stored measurements of `hipcheck analyze` results, judged when the
 * assessment runs with the clinic's `settings.movement` and the current rules. The analysis
 * keeps its own rules version and warnings.
 */
export const videoAnalysisSchema = z
  .object({
    /** Rules version the analysis was made with. */
    rulesVersion: z.string().min(1),
    task: z.enum(["running", "single-leg-squat", "single-leg-stance"]),
    measurements: z.array(movementMeasurementSchema),
    warnings: z.array(z.object({ code: z.string(), message: z.string() }).strict()).default([]),
    /** Where it came from, e.g. the video file name. */
    input: z.string().optional(),
  })
  .strict();

export type VideoAnalysisInput = z.output<typeof videoAnalysisSchema>;
