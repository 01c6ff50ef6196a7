import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { InputError } from "../../core/errors.js";
import {
  assessedHistory,
  findAssessment,
  insertAssessment,
  saveAssessmentResult,
  updateAssessmentInput,
} from "../../store/records.repository.js";
import type { Database } from "../../store/schema.types.js";
import { runnerFor } from "../access.js";
import type { Principal } from "../auth/principal.js";
import { NotFoundError } from "../errors.js";
import { assessInput, checkDraftAssessment, compareResults, RULES_VERSION } from "./core-calls.js";

type Db = Kysely<Database>;
type Row = NonNullable<Awaited<ReturnType<typeof findAssessment>>>;

/** An assessment as the API shows it: `stale` when the rules changed since its result was made. */
export function assessmentView<R extends Pick<Row, "rulesVersion">>(row: R) {
  return { ...row, stale: row.rulesVersion !== null && row.rulesVersion !== RULES_VERSION };
}

export async function createAssessment(
  db: Db,
  principal: Principal,
  runnerId: string,
  draft: { kind: "initial" | "retest"; input: Record<string, unknown> },
  address: string,
) {
  await runnerFor(db, principal, runnerId, { action: "write.assessment", address });
  checkDraftAssessment(draft.input);
  const id = randomUUID();
  await insertAssessment(db, {
    id,
    runnerId,
    kind: draft.kind,
    input: draft.input,
    createdBy: principal.id,
  });
  return assessmentView((await findAssessment(db, id))!);
}

/**
 * A complete input from an import, stored as a new assessment and assessed with the current
 * rules (the caller has authorised the runner).
 */
export async function insertAssessedAssessment(
  db: Db,
  a: { runnerId: string; kind: "initial" | "retest"; input: unknown; createdBy: string },
) {
  const result = assessInput(a.input);
  const id = randomUUID();
  await insertAssessment(db, { id, ...a });
  await saveResult(db, id, result);
  return assessmentView((await findAssessment(db, id))!);
}

/** The assessment, if the principal may see its runner; another's answers 404. */
export async function assessmentFor(
  db: Db,
  principal: Principal,
  id: string,
  use: { action: string; address: string },
  lock = false,
): Promise<Row> {
  const row = await findAssessment(db, id, lock);
  if (!row) throw new NotFoundError("assessment");
  await runnerFor(db, principal, row.runnerId, use);
  return row;
}

/**
 * Applies a JSON merge patch (RFC 7386) to the input: objects merge, `null` removes a field,
 * anything else replaces. The stored result is cleared: it no longer matches the input.
 */
export async function updateAssessment(
  db: Db,
  principal: Principal,
  id: string,
  patch: Record<string, unknown>,
  address: string,
) {
  const row = await assessmentFor(db, principal, id, { action: "write.assessment", address }, true);
  const input = mergePatch(row.input, patch);
  checkDraftAssessment(input);
  await updateAssessmentInput(db, id, input);
  return assessmentView((await findAssessment(db, id))!);
}

/** Assesses the stored input with the current rules and stores the result with its version. */
export async function runAssessment(db: Db, principal: Principal, id: string, address: string) {
  const row = await assessmentFor(db, principal, id, { action: "write.assessment", address }, true);
  await assessAndSave(db, id, row.input);
  return assessmentView((await findAssessment(db, id))!);
}

/**
 * Stores an input changed by an import (checked as a draft). A result already stored is made
 * again from the new input with the current rules, so the findings stay on screen; an input
 * that can no longer be assessed loses its result, as a PATCH clears it.
 */
export async function replaceAssessmentInput(db: Db, row: Row, input: unknown) {
  checkDraftAssessment(input);
  await updateAssessmentInput(db, row.id, input);
  if (row.result !== null) {
    try {
      await assessAndSave(db, row.id, input);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
    }
  }
  return assessmentView((await findAssessment(db, row.id))!);
}

/** Assesses an input with the current rules and stores the result with its version. */
export async function assessAndSave(db: Db, id: string, input: unknown): Promise<void> {
  await saveResult(db, id, assessInput(input));
}

async function saveResult(db: Db, id: string, result: ReturnType<typeof assessInput>) {
  await saveAssessmentResult(db, id, {
    result,
    rulesVersion: result.rulesVersion,
    assessedOn: result.assessedOn,
    referral: result.redFlags.referral,
  });
}

/**
 * The runner's assessed assessments compared, oldest first, each assessed again from its stored
 * input with the current rules; with fewer than two, no comparison and the reason.
 */
export async function compareHistory(
  db: Db,
  principal: Principal,
  runnerId: string,
  address: string,
) {
  await runnerFor(db, principal, runnerId, { action: "read.assessments", address });
  const rows = await assessedHistory(db, runnerId);
  const results = rows.map((row) => assessInput(row.input));
  const assessments = rows.map((row, i) => ({
    id: row.id,
    kind: row.kind,
    assessedOn: results[i]?.assessedOn,
  }));
  if (results.length < 2)
    return {
      assessments,
      comparison: null,
      reason: `A comparison needs at least two assessed assessments; this runner has ${results.length}.`,
    };
  return { assessments, comparison: compareResults(results), reason: null };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}
