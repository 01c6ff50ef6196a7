import { z } from "zod";
import { parseWith } from "../../core/errors.js";
import { STRENGTH_FIELDS, type StrengthField } from "../../report/dynamometer/strength-import.js";
import { STRENGTH_POSITIONS, STRENGTH_TEST_NAMES } from "../services/core-calls.js";

/**
 * The upload forms of the import routes. A multipart body is read by the route itself (the
 * files are streamed, not parsed as JSON), so each form is a zod schema its text fields are
 * checked with, and the same schema documents the body in the OpenAPI description.
 */

const FIELDS = Object.keys(STRENGTH_FIELDS) as [StrengthField, ...StrengthField[]];
const REQUIRED_COLUMNS: readonly StrengthField[] = ["test", "side", "force"];
const TESTS = STRENGTH_TEST_NAMES as [string, ...string[]];

export const mappingName = z
  .string({ error: "must be text" })
  .trim()
  .min(1, { error: "must not be empty" })
  .max(80, { error: "must be at most 80 characters" });

const columnName = z
  .string({ error: "must be a column name of the file" })
  .trim()
  .min(1, { error: "must be a column name of the file" })
  .max(200, { error: "must be at most 200 characters" });

/** Field → the file's column, e.g. { test: "Movement", side: "Limb", force: "Peak N" }. */
export const columnMapping = z
  .strictObject(
    Object.fromEntries(FIELDS.map((f) => [f, columnName.optional()])) as Record<
      StrengthField,
      z.ZodOptional<typeof columnName>
    >,
  )
  .superRefine((mapping, ctx) => {
    for (const field of REQUIRED_COLUMNS)
      if (!mapping[field])
        ctx.addIssue({
          code: "custom",
          path: [field],
          message: `is required: the column that holds the ${field}`,
        });
  });

const forceUnit = z.enum(["N", "kgf", "lbf"]);

/** The dynamometer form: the layout, and for a CSV the column of each field (`column.test`…). */
export const strengthForm = z
  .strictObject({
    format: z.enum(["vald", "generic", "trace"]).default("vald"),
    mappingName: mappingName.optional(),
    unit: forceUnit.optional(),
    position: z.enum(STRENGTH_POSITIONS).optional(),
    method: z.enum(["make", "break"]).optional(),
    test: z.enum(TESTS).optional(),
    side: z.enum(["left", "right"]).optional(),
    leverArmCm: z.coerce
      .number({ error: "must be a number of cm" })
      .min(5, { error: "must be from 5 to 100 cm" })
      .max(100, { error: "must be from 5 to 100 cm" })
      .optional(),
    ...(Object.fromEntries(FIELDS.map((f) => [`column.${f}`, columnName.optional()])) as Record<
      `column.${StrengthField}`,
      z.ZodOptional<typeof columnName>
    >),
  })
  .superRefine((form, ctx) => {
    if (form.format !== "trace") return;
    for (const field of ["test", "side", "position"] as const)
      if (!form[field])
        ctx.addIssue({
          code: "custom",
          path: [field],
          message: `is required for a force trace: the ${field} the trace is of`,
        });
  });

/** The form's `column.<field>` fields as a mapping. */
export function formColumns(
  form: z.output<typeof strengthForm>,
): Partial<Record<StrengthField, string>> {
  const columns: Partial<Record<StrengthField, string>> = {};
  for (const field of FIELDS) {
    const column = form[`column.${field}`];
    if (column) columns[field] = column;
  }
  return columns;
}

/** A form field holding JSON (a list of run reports). */
const jsonText = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .transform((text, ctx): unknown => {
      try {
        return JSON.parse(text);
      } catch {
        ctx.addIssue({ code: "custom", message: "must be JSON" });
        return z.NEVER;
      }
    })
    .pipe(schema);

const painScore = (what: string) =>
  z
    .number({ error: `${what}: a number from 0 (no pain) to 10` })
    .min(0, { error: `${what} must be from 0 (no pain) to 10` })
    .max(10, { error: `${what} must be from 0 to 10 (worst imaginable)` });

export const runsPreviewForm = z.strictObject({
  assessmentId: z.uuid({ error: "must be an assessment id (a UUID)" }).optional(),
});

export const runsImportForm = runsPreviewForm.extend({
  runs: jsonText(
    z
      .array(
        z.strictObject({
          startTime: z.iso.datetime({
            offset: true,
            error: "must be the run's start as the preview gave it (ISO 8601)",
          }),
          painDuring: painScore("pain during the run"),
          painAfter: painScore("pain after the run").optional(),
          level: z
            .number()
            .int({ error: "must be a whole number" })
            .min(0, { error: "must be from 0 (walking block) to 30" })
            .max(30, { error: "must be from 0 (walking block) to 30" })
            .optional(),
        }),
      )
      .max(100, { error: "at most 100 runs at once" }),
  )
    .default([])
    .meta({
      description:
        'JSON: for each new run, [{"startTime": (as the preview gave it), "painDuring": 0–10, "painAfter"?: 0–10, "level"?: 0–30}]',
    }),
});

export const fhirRunnerForm = z.strictObject({
  name: z.string().trim().min(1).max(120, { error: "must be at most 120 characters" }).optional(),
});

export const fhirAssessmentForm = z.strictObject({
  kind: z.enum(["initial", "retest"]).default("initial"),
});

/** Checks an upload's text fields with its form (400 naming each field). */
export function formOf<T extends z.ZodType>(
  schema: T,
  fields: Record<string, string>,
): z.output<T> {
  return parseWith(schema, fields, "upload form");
}

/**
 * The route schema of an upload: the form documented as multipart/form-data with its `file`
 * part. The body is read by the route (Fastify leaves it null), so the schema accepts that.
 */
export function uploadSchema(form: z.ZodObject, file: string) {
  return {
    consumes: ["multipart/form-data"],
    // A copy of the shape: refinements stay with the form, the docs need only the fields.
    body: z
      .object({
        ...form.shape,
        file: z.any().meta({ type: "string", format: "binary", description: file }),
      })
      .nullish(),
  };
}
