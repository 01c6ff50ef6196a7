import type { Kysely } from "kysely";
import { InputError } from "../../core/errors.js";
import { assessmentFromBundle, type ImportedAssessment } from "../../report/fhir/fhir-import.js";
import { insertAudit } from "../../store/records.repository.js";
import type { Database } from "../../store/schema.types.js";
import { runnerFor } from "../access.js";
import type { Principal } from "../auth/principal.js";
import { FileRejected } from "../errors.js";
import { insertAssessedAssessment } from "./assessments.service.js";
import { textOf, type UploadedFile } from "./file-upload.js";
import { createRunner } from "./runners.service.js";

/**
 * A FHIR R4 Bundle (Patient, Observations, QuestionnaireResponses) into a new assessment, of a
 * new runner record in the clinic or of a runner the clinic sees. The Bundle is checked against
 * the R4 definitions first; any problem refuses it whole (422), naming where it is.
 */

type Db = Kysely<Database>;

/** The assessment a Bundle holds; pure (no storage), so the slow FHIR checks run outside a transaction. */
export function readBundle(file: UploadedFile): ImportedAssessment {
  const text = textOf(file, "a FHIR Bundle (JSON)");
  let bundle: unknown;
  try {
    bundle = JSON.parse(text);
  } catch (error) {
    throw new FileRejected(
      new InputError(
        [{ path: jsonPosition(text, (error as Error).message), message: "is not valid JSON" }],
        `FHIR Bundle ${file.name}`,
      ),
    );
  }
  try {
    return assessmentFromBundle(bundle, file.name);
  } catch (error) {
    if (error instanceof InputError) throw new FileRejected(error);
    throw error;
  }
}

/** "line 3, column 5" from JSON.parse's "… at position 41". */
function jsonPosition(text: string, message: string): string {
  const at = Number(/position (\d+)/.exec(message)?.[1]);
  if (!Number.isFinite(at)) return "";
  const before = text.slice(0, at).split("\n");
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

/** The imported input, stored and assessed; an input the rules cannot assess refuses the Bundle. */
async function storeImported(
  db: Db,
  principal: Principal,
  runnerId: string,
  imported: ImportedAssessment,
  kind: "initial" | "retest",
) {
  try {
    return await insertAssessedAssessment(db, {
      runnerId,
      kind,
      input: imported.assessment,
      createdBy: principal.id,
    });
  } catch (error) {
    if (error instanceof InputError) throw new FileRejected(error);
    throw error;
  }
}

/** A new runner record in the clinic, named as the Patient (or `name`), with the Bundle's assessment. */
export async function importBundleAsRunner(
  db: Db,
  principal: Principal,
  imported: ImportedAssessment,
  options: { name?: string; address: string },
) {
  const person = imported.assessment.person as { name?: unknown } | undefined;
  const name = options.name ?? (typeof person?.name === "string" ? person.name : undefined);
  if (!name)
    throw new InputError([
      { path: "name", message: "the Bundle's Patient has no name: give the runner's name" },
    ]);
  const runner = await createRunner(db, principal, name);
  const assessment = await storeImported(db, principal, runner.id, imported, "initial");
  await insertAudit(db, {
    actorId: principal.id,
    action: "import.fhir",
    runnerId: runner.id,
    clinicId: principal.clinicId,
    address: options.address,
  });
  return { runner, assessment, notes: imported.notes };
}

/** The Bundle's assessment as a new assessment of a runner the clinic sees (staff only). */
export async function importBundleInto(
  db: Db,
  principal: Principal,
  runnerId: string,
  imported: ImportedAssessment,
  options: { kind: "initial" | "retest"; address: string },
) {
  await runnerFor(db, principal, runnerId, {
    action: "import.fhir",
    staffOnly: true,
    address: options.address,
  });
  const assessment = await storeImported(db, principal, runnerId, imported, options.kind);
  return { assessment, notes: imported.notes };
}
