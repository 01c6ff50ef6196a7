import type { Kysely } from "kysely";
import { DomainError } from "../../core/errors.js";
import type { Audience } from "../../report/assessment-text.js";
import { strengthToCsv } from "../../report/dynamometer/strength-export.js";
import { assessmentBundle } from "../../report/fhir/fhir-export.js";
import { fhirIssues } from "../../report/fhir/fhir-validate.js";
import { assessmentPdf } from "../../report/pdf/assessment-pdf.js";
import { handoutPdf } from "../../report/pdf/handout-pdf.js";
import type { PageSize } from "../../report/pdf/pdf-document.js";
import { programmeToIcs } from "../../report/programme-calendar.js";
import { activeProgramme, assessedHistory, findProgramme } from "../../store/records.repository.js";
import { findRunner } from "../../store/runners.repository.js";
import type { Database } from "../../store/schema.types.js";
import { runnerFor } from "../access.js";
import type { Principal } from "../auth/principal.js";
import { NotFoundError } from "../errors.js";
import { assessmentFor } from "./assessments.service.js";
import {
  type AssessmentResult,
  assessInput,
  type Programme,
  parseAssessment,
  parseDraftAssessment,
} from "./core-calls.js";
import { programmeFor } from "./programmes.service.js";

/**
 * The runner's record as files: report, progress report and handout PDFs, a FHIR R4 Bundle,
 * the dynamometer CSV and the programme's calendar. Every figure is computed again from the
 * stored inputs with the current rules, as the comparison is. File names carry the kind and the
 * date, never the runner's name.
 */

type Db = Kysely<Database>;

/** A file to hand to the client. */
export interface Download {
  content: Buffer | string;
  filename: string;
  type: string;
}

/**
 * A PDF to draw once the request's transaction is over: the records are read inside it, and
 * the drawing (about 150 ms) does not hold PGlite's one connection.
 */
export type PdfToDraw = () => Promise<Download>;

interface PdfRequest {
  page: PageSize;
  /** Wording; by default the runner's for a runner and the clinician's for staff. */
  audience?: Audience | undefined;
  address: string;
}

const PDF = "application/pdf";

/** The assessment report; with the runner's current programme when it was made from this assessment. */
export async function assessmentReport(
  db: Db,
  principal: Principal,
  assessmentId: string,
  request: PdfRequest,
): Promise<PdfToDraw> {
  const row = await assessmentFor(db, principal, assessmentId, {
    action: "export.assessment-report",
    address: request.address,
  });
  if (row.result === null) throw notAssessed();
  const result = assessInput(await withRecordName(db, row.runnerId, row.input));
  const programme = await currentProgramme(db, row.runnerId);
  return async () => ({
    content: await assessmentPdf(result, {
      audience: audienceFor(principal, request.audience),
      page: request.page,
      ...(programme?.assessmentId === row.id ? { programme: programme.programme } : {}),
    }),
    filename: `hipcheck-assessment-${result.assessedOn}.pdf`,
    type: PDF,
  });
}

/**
 * The progress report: the latest assessment beside every earlier one, oldest first. Fewer than
 * two assessed assessments is refused with the reason (DomainError: nothing to compare).
 */
export async function progressReport(
  db: Db,
  principal: Principal,
  runnerId: string,
  request: PdfRequest,
): Promise<PdfToDraw> {
  await runnerFor(db, principal, runnerId, {
    action: "export.progress-report",
    address: request.address,
  });
  const rows = await assessedHistory(db, runnerId);
  if (rows.length < 2)
    throw new DomainError(
      `A progress report needs a retest and an assessment before it; this runner has ${rows.length} assessed assessment${rows.length === 1 ? "" : "s"}. Assess the retest first.`,
    );
  const earlier: AssessmentResult[] = [];
  for (const row of rows.slice(0, -1)) earlier.push(assessInput(row.input));
  const last = rows[rows.length - 1]!;
  const result = assessInput(await withRecordName(db, runnerId, last.input), earlier.at(-1));
  const programme = await currentProgramme(db, runnerId);
  return async () => ({
    content: await assessmentPdf(result, {
      audience: audienceFor(principal, request.audience),
      page: request.page,
      earlier,
      ...(programme?.assessmentId === last.id ? { programme: programme.programme } : {}),
    }),
    filename: `hipcheck-progress-${result.assessedOn}.pdf`,
    type: PDF,
  });
}

/** The exercise handout of a programme, titled with the runner's name. */
export async function programmeHandout(
  db: Db,
  principal: Principal,
  programmeId: string,
  request: { page: PageSize; address: string },
): Promise<PdfToDraw> {
  const row = await programmeFor(db, principal, programmeId, {
    action: "export.handout",
    address: request.address,
  });
  const programme = row.programme as Programme;
  const runner = await findRunner(db, row.runnerId);
  return async () => ({
    content: await handoutPdf(programme, {
      page: request.page,
      ...(runner ? { name: runner.displayName } : {}),
    }),
    filename: `hipcheck-handout-${programme.start}.pdf`,
    type: PDF,
  });
}

/**
 * The latest assessed assessment as a FHIR R4 Bundle, with the current programme as its
 * CarePlan, checked against the R4 definitions before it leaves. A Bundle that fails them is
 * hipcheck's fault, not the caller's: a plain Error (500).
 */
export async function runnerFhirBundle(
  db: Db,
  principal: Principal,
  runnerId: string,
  address: string,
): Promise<Download> {
  await runnerFor(db, principal, runnerId, { action: "export.fhir", address });
  const last = (await assessedHistory(db, runnerId)).at(-1);
  if (!last)
    throw new DomainError(
      "There is nothing to export yet: this runner has no assessed assessment.",
    );
  const stored = await withRecordName(db, runnerId, last.input);
  // The Bundle carries the input as the core reads it (N, m, kg) beside the result.
  const input = parseAssessment(stored);
  const result = assessInput(stored);
  const programme = await currentProgramme(db, runnerId);
  const bundle = assessmentBundle({
    input,
    result,
    ...(programme ? { programme: programme.programme } : {}),
  });
  const issues = fhirIssues(bundle);
  if (issues.length > 0)
    throw new Error(
      `the Bundle does not conform to FHIR R4: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
    );
  return {
    content: JSON.stringify(bundle, null, 2),
    filename: `hipcheck-fhir-${result.assessedOn}.json`,
    type: "application/fhir+json; charset=utf-8",
  };
}

/** The dynamometer results of an assessment (finished or not) as a VALD-style CSV. */
export async function assessmentStrengthCsv(
  db: Db,
  principal: Principal,
  assessmentId: string,
  address: string,
): Promise<Download> {
  const row = await assessmentFor(db, principal, assessmentId, {
    action: "export.strength-csv",
    address,
  });
  const { strength, assessedOn } = parseDraftAssessment(row.input);
  if (!strength?.tests.length)
    throw new DomainError("This assessment has no dynamometer results to export.");
  return {
    content: strengthToCsv(strength),
    filename: `hipcheck-strength-${assessedOn ?? "undated"}.csv`,
    type: "text/csv; charset=utf-8",
  };
}

/** The programme as an iCalendar file; its events are stamped with the plan's last revision. */
export async function programmeCalendar(
  db: Db,
  principal: Principal,
  programmeId: string,
  address: string,
): Promise<Download> {
  const row = await programmeFor(db, principal, programmeId, {
    action: "export.calendar",
    address,
  });
  const programme = row.programme as Programme;
  return {
    content: programmeToIcs(programme, row.updatedAt),
    filename: `hipcheck-programme-${programme.start}.ics`,
    type: "text/calendar; charset=utf-8",
  };
}

function audienceFor(principal: Principal, asked: Audience | undefined): Audience {
  return asked ?? (principal.role === "runner" ? "runner" : "clinician");
}

function notAssessed(): DomainError {
  return new DomainError(
    "This assessment is not assessed yet: complete it and assess it, then download the report.",
  );
}

/** The runner's active programme with its document, if there is one. */
async function currentProgramme(db: Db, runnerId: string) {
  const active = await activeProgramme(db, runnerId);
  const row = active ? await findProgramme(db, active.id) : undefined;
  return row
    ? { assessmentId: row.assessmentId, programme: row.programme as Programme }
    : undefined;
}

/**
 * The stored input named as the record is: the record's name is who the runner is here (a file
 * imported for them may carry another spelling, or none), so reports and FHIR print it.
 */
async function withRecordName(db: Db, runnerId: string, input: unknown): Promise<unknown> {
  const stored = input as { person?: Record<string, unknown> } | null;
  if (!stored?.person) return input;
  const runner = await findRunner(db, runnerId);
  if (!runner) throw new NotFoundError("runner");
  return { ...stored, person: { ...stored.person, name: runner.displayName } };
}
