import type { Kysely } from "kysely";
import type { StrengthField } from "../../report/dynamometer/strength-import.js";
import {
  deleteColumnMapping,
  type ForceUnit,
  findColumnMapping,
  listColumnMappings,
  saveColumnMapping,
} from "../../store/imports.repository.js";
import { insertAudit } from "../../store/records.repository.js";
import type { Database } from "../../store/schema.types.js";
import type { Principal } from "../auth/principal.js";
import { ForbiddenError, NotFoundError } from "../errors.js";

/**
 * A clinic's saved column mappings for dynamometer CSV layouts (one per device or export), kept
 * by name. Only the clinic's own staff see or change them; another clinic's name answers 404.
 */

type Db = Kysely<Database>;

export interface ColumnMapping {
  mapping: Partial<Record<StrengthField, string>>;
  unit: ForceUnit;
}

function clinicOf(principal: Principal): string {
  if (!principal.clinicId) throw new ForbiddenError("only clinic staff may do this");
  return principal.clinicId;
}

export async function listMappings(db: Db, principal: Principal) {
  return { items: await listColumnMappings(db, clinicOf(principal)) };
}

/** The clinic's mapping of that name, for an import; 404 when the clinic has none by that name. */
export async function mappingNamed(db: Db, principal: Principal, name: string) {
  const found = principal.clinicId
    ? await findColumnMapping(db, principal.clinicId, name)
    : undefined;
  if (!found) throw new NotFoundError(`column mapping "${name}"`);
  return found;
}

/** Saves under the name, replacing the clinic's mapping of that name; `created` when it was new. */
export async function saveMapping(
  db: Db,
  principal: Principal,
  name: string,
  mapping: ColumnMapping,
  address: string,
) {
  const clinicId = clinicOf(principal);
  const created = await saveColumnMapping(db, {
    clinicId,
    name,
    mapping: mapping.mapping as Record<string, string>,
    unit: mapping.unit,
    savedBy: principal.id,
  });
  await insertAudit(db, {
    actorId: principal.id,
    action: "mapping.save",
    clinicId,
    address,
    detail: { name },
  });
  return { created, mapping: (await findColumnMapping(db, clinicId, name))! };
}

export async function deleteMapping(db: Db, principal: Principal, name: string, address: string) {
  const clinicId = clinicOf(principal);
  if (!(await deleteColumnMapping(db, clinicId, name)))
    throw new NotFoundError(`column mapping "${name}"`);
  await insertAudit(db, {
    actorId: principal.id,
    action: "mapping.delete",
    clinicId,
    address,
    detail: { name },
  });
}
