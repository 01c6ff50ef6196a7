import { z } from "zod";
import { assessmentSchema } from "../core/assessment/assessment.schema.js";

/** JSON Schema (draft 2020-12) of an assessment file, generated from the validator itself. */
export function assessmentJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(assessmentSchema, { io: "input", unrepresentable: "any" }),
    title: "hipcheck assessment",
    description:
      "What is known about one runner on one day: person, symptoms, red-flag answers, and optionally training, dynamometry, self-tests, movement evidence and questionnaires.",
  };
}
