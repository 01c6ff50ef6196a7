import type { Kysely } from "kysely";
import { InputError } from "../../core/errors.js";
import {
  previewStrengthFile,
  type StrengthFileOptions,
  strengthFromFile,
} from "../../report/dynamometer/strength-file.js";
import type { MappingHints, StrengthField } from "../../report/dynamometer/strength-import.js";
import type { ForceUnit } from "../../store/imports.repository.js";
import type { Database } from "../../store/schema.types.js";
import type { Principal } from "../auth/principal.js";
import { FileRejected } from "../errors.js";
import { assessmentFor, mergePatch, replaceAssessmentInput } from "./assessments.service.js";
import { mappingNamed } from "./column-mappings.service.js";

/**
 * A dynamometer file into an assessment's strength section: a preview that stores nothing,
 * and an import that merges the section into the stored input whole or not at all.
 */

type Db = Kysely<Database>;
type Json = Record<string, unknown>;

export interface StrengthImportRequest {
  file: { name: string; text: string };
  format: "vald" | "generic" | "trace";
  /** Field → column of the file (the form's `column.<field>` fields); wins over a saved mapping. */
  columns: Partial<Record<StrengthField, string>>;
  /** A mapping the clinic saved: the file is read as the generic layout with it. */
  mappingName?: string;
  unit?: ForceUnit;
  position?: string;
  method?: "make" | "break";
  /** For a trace: the test and side it is of, and the lever arm (cm). */
  test?: string;
  side?: "left" | "right";
  leverArmCm?: number;
}

/** What the CLI says with --map and --position, in the words of the upload form. */
const FORM_HINTS: MappingHints = {
  mapField: (field) => `choose the column for ${field} (form field column.${field})`,
  position: "the file has no position column: choose the body position (form field position)",
};

async function fileOptions(
  db: Db,
  principal: Principal,
  request: StrengthImportRequest,
): Promise<StrengthFileOptions> {
  const { file, unit, position, method } = request;
  const common = {
    file: file.name,
    ...(position ? { position } : {}),
    ...(method ? { method } : {}),
  };
  if (request.format === "trace")
    return {
      format: "trace",
      ...common,
      test: request.test ?? "",
      side: request.side ?? "",
      position: position ?? "",
      ...(request.leverArmCm === undefined ? {} : { leverArmCm: request.leverArmCm }),
      ...(unit ? { unit } : {}),
    };
  const saved = request.mappingName
    ? await mappingNamed(db, principal, request.mappingName)
    : undefined;
  const chosenUnit = unit ?? saved?.unit;
  return {
    format: saved ? "generic" : request.format,
    ...common,
    map: { ...saved?.mapping, ...request.columns },
    ...(chosenUnit ? { unit: chosenUnit } : {}),
    hints: FORM_HINTS,
  };
}

export interface StrengthChange {
  test: string;
  side: string;
  position: string;
  /** "replace": the assessment has an entry of this test, side and position; "add": it has none. */
  action: "replace" | "add";
}

/**
 * The assessment's strength entries with the imported ones merged in: an entry of the same
 * test, side and position is replaced where it stands; the others are added after.
 */
export function mergeStrengthTests(
  input: unknown,
  imported: readonly Json[],
): { tests: Json[]; changes: StrengthChange[] } {
  const existing = (((input as Json | null)?.strength as Json | undefined)?.tests ?? []) as Json[];
  const key = (t: Json) => `${t.test}|${t.side}|${t.position}`;
  const tests = [...existing];
  const changes = imported.map((entry): StrengthChange => {
    const at = tests.findIndex((t) => key(t) === key(entry));
    if (at >= 0) tests[at] = entry;
    else tests.push(entry);
    return {
      test: String(entry.test),
      side: String(entry.side),
      position: String(entry.position),
      action: at >= 0 ? "replace" : "add",
    };
  });
  return { tests, changes };
}

/** Reads the file and says what an import would do; stores nothing (a staff use is audited). */
export async function previewStrengthImport(
  db: Db,
  principal: Principal,
  assessmentId: string,
  request: StrengthImportRequest,
  address: string,
) {
  const row = await assessmentFor(db, principal, assessmentId, {
    action: "preview.strength-import",
    address,
  });
  const options = await fileOptions(db, principal, request);
  const preview = previewStrengthFile(request.file.text, options);
  return {
    file: request.file.name,
    format: options.format,
    ...preview,
    changes: mergeStrengthTests(row.input, preview.tests).changes,
    importable: preview.problems.length === 0,
  };
}

/** Merges the file's strength entries into the assessment's input; any problem refuses it whole (422). */
export async function importStrength(
  db: Db,
  principal: Principal,
  assessmentId: string,
  request: StrengthImportRequest,
  address: string,
) {
  const row = await assessmentFor(
    db,
    principal,
    assessmentId,
    { action: "import.strength", address },
    true,
  );
  const options = await fileOptions(db, principal, request);
  let section: { tests: Json[] };
  try {
    section = strengthFromFile(request.file.text, options);
  } catch (error) {
    if (error instanceof InputError) throw new FileRejected(error);
    throw error;
  }
  const { tests, changes } = mergeStrengthTests(row.input, section.tests);
  const assessment = await replaceAssessmentInput(
    db,
    row,
    mergePatch(row.input, { strength: { tests } }),
  );
  const trials = section.tests.reduce((sum, t) => sum + (t.trials as unknown[]).length, 0);
  return { assessment, imported: { tests: section.tests.length, trials }, changes };
}
