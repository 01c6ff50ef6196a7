import { z } from "zod";
import { SOURCES, type SourceId } from "../sources.js";
import type { MovementEvidence } from "./evidence.js";

const sourceIds = Object.keys(SOURCES) as [SourceId, ...SourceId[]];

/**
 * Movement evidence given directly in an assessment file: a clinician's observation, or the
 * output of `hipcheck analyze` (video). Same shape as `MovementEvidence`.
 */
export const movementEvidenceSchema = z
  .object({
    task: z.enum([
      "single-leg-stance",
      "sit-to-stand",
      "squat",
      "lunge",
      "single-leg-squat",
      "running",
    ]),
    sign: z.enum([
      "pelvic-drop",
      "knee-valgus",
      "trunk-lean",
      "knee-tension",
      "thigh-dominant",
      "weight-on-toes",
      "poor-single-leg-squat",
      "overstride",
      "short-stride",
      "low-cadence",
      "lateral-movement",
      "crossover",
    ]),
    present: z.boolean({ error: "present must be true (seen) or false (looked for, not seen)" }),
    side: z.enum(["left", "right"]).optional(),
    measured: z
      .object({
        value: z.number().finite(),
        unit: z.string().min(1),
        reference: z.string().optional(),
      })
      .strict()
      .optional(),
    confidence: z.enum(["low", "moderate", "high"]),
    method: z.enum(["self-test", "clinician-observation", "video", "watch"]),
    observation: z.string().min(1, "describe what was observed"),
    source: z.enum(sourceIds, {
      error: "source must be one of hipcheck's source ids (see docs/clinical-sources.md)",
    }),
  })
  .strict() satisfies z.ZodType<MovementEvidence>;
