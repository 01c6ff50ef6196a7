import type { App } from "../app.js";
import { principalOf } from "../auth/principal.js";
import {
  importBundleAsRunner,
  importBundleInto,
  readBundle,
} from "../services/fhir-import.service.js";
import { IMPORT_FILES_LIMIT, readUpload, textOf, type Upload } from "../services/file-upload.js";
import { importRuns, previewRuns } from "../services/runs-import.service.js";
import {
  importStrength,
  previewStrengthImport,
  type StrengthImportRequest,
} from "../services/strength-import.service.js";
import {
  fhirAssessmentForm,
  fhirRunnerForm,
  formColumns,
  formOf,
  runsImportForm,
  runsPreviewForm,
  strengthForm,
  uploadSchema,
} from "./imports.schemas.js";
import { idParam, runnerParams } from "./schemas.js";

const assessmentParams = idParam("assessmentId");
const CSV_FILE = "the dynamometer export: CSV (comma, semicolon or tab separated)";
const WATCH_FILES = `one to ${IMPORT_FILES_LIMIT} Garmin FIT or GPX files, each in a part named "file"`;
const BUNDLE_FILE = "a FHIR R4 Bundle (JSON) with a Patient, Observations, QuestionnaireResponses";

/** The dynamometer form of an upload, as the service takes it. */
function strengthRequest(upload: Upload): StrengthImportRequest {
  const form = formOf(strengthForm, upload.fields);
  const file = upload.files[0]!;
  const { format, mappingName, unit, position, method, test, side, leverArmCm } = form;
  return {
    file: { name: file.name, text: textOf(file, "a CSV text file") },
    format,
    columns: formColumns(form),
    ...(mappingName ? { mappingName } : {}),
    ...(unit ? { unit } : {}),
    ...(position ? { position } : {}),
    ...(method ? { method } : {}),
    ...(test ? { test } : {}),
    ...(side ? { side } : {}),
    ...(leverArmCm === undefined ? {} : { leverArmCm }),
  };
}

export function importRoutes(app: App): void {
  const one = (what: string) => ({ maxFiles: 1, what });

  app.post(
    "/api/assessments/:assessmentId/imports/strength/preview",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["imports"],
        summary:
          "Preview a dynamometer file: header, first rows, the field each column fills, the entries an import would make and every problem (line and column). Stores nothing",
        params: assessmentParams,
        ...uploadSchema(strengthForm, CSV_FILE),
      },
    },
    async (request) => {
      const upload = strengthRequest(await readUpload(request, one("the CSV file")));
      return app.tx((trx) =>
        previewStrengthImport(
          trx,
          principalOf(request),
          request.params.assessmentId,
          upload,
          request.ip,
        ),
      );
    },
  );

  app.post(
    "/api/assessments/:assessmentId/imports/strength",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["imports"],
        summary:
          "Import a dynamometer file into the assessment's strength section (entries of the same test, side and position are replaced); any problem refuses it whole (422)",
        params: assessmentParams,
        ...uploadSchema(strengthForm, CSV_FILE),
      },
    },
    async (request) => {
      const upload = strengthRequest(await readUpload(request, one("the CSV file")));
      return app.tx((trx) =>
        importStrength(trx, principalOf(request), request.params.assessmentId, upload, request.ip),
      );
    },
  );

  app.post(
    "/api/runners/:runnerId/imports/runs/preview",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["imports"],
        summary:
          "Preview the runs of watch files (date, distance, duration, pace, cadence, heart rate), each marked when imported before. Stores nothing",
        params: runnerParams,
        ...uploadSchema(runsPreviewForm, WATCH_FILES),
      },
    },
    async (request) => {
      const upload = await readUpload(request, {
        maxFiles: IMPORT_FILES_LIMIT,
        what: "the watch files",
      });
      const form = formOf(runsPreviewForm, upload.fields);
      return app.tx((trx) =>
        previewRuns(
          trx,
          principalOf(request),
          request.params.runnerId,
          { files: upload.files, ...form },
          request.ip,
        ),
      );
    },
  );

  app.post(
    "/api/runners/:runnerId/imports/runs",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["imports"],
        summary:
          'Import the runs of watch files into the training log, with the pain of each (field "runs": [{startTime, painDuring, painAfter?, level?}]); the watch cadence becomes the assessment\'s cadence evidence. Runs imported before are skipped and named',
        params: runnerParams,
        ...uploadSchema(runsImportForm, WATCH_FILES),
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request, {
        maxFiles: IMPORT_FILES_LIMIT,
        what: "the watch files",
      });
      const { runs, ...form } = formOf(runsImportForm, upload.fields);
      const result = await app.tx((trx) =>
        importRuns(
          trx,
          principalOf(request),
          request.params.runnerId,
          { files: upload.files, reports: runs, ...form },
          request.ip,
        ),
      );
      return reply.status(result.imported.length > 0 ? 201 : 200).send(result);
    },
  );

  app.post(
    "/api/imports/fhir",
    {
      config: { access: "staff" },
      schema: {
        tags: ["imports"],
        summary:
          "Import a FHIR R4 Bundle as a new runner record of the clinic with its assessment, assessed; a problem refuses it whole (422), naming where",
        ...uploadSchema(fhirRunnerForm, BUNDLE_FILE),
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request, one("the FHIR Bundle"));
      const { name } = formOf(fhirRunnerForm, upload.fields);
      const imported = readBundle(upload.files[0]!);
      const result = await app.tx((trx) =>
        importBundleAsRunner(trx, principalOf(request), imported, {
          ...(name ? { name } : {}),
          address: request.ip,
        }),
      );
      return reply.status(201).send(result);
    },
  );

  app.post(
    "/api/runners/:runnerId/imports/fhir",
    {
      config: { access: "staff" },
      schema: {
        tags: ["imports"],
        summary:
          "Import a FHIR R4 Bundle as a new assessment of this runner, assessed; a problem refuses it whole (422), naming where",
        params: runnerParams,
        ...uploadSchema(fhirAssessmentForm, BUNDLE_FILE),
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request, one("the FHIR Bundle"));
      const { kind } = formOf(fhirAssessmentForm, upload.fields);
      const imported = readBundle(upload.files[0]!);
      const result = await app.tx((trx) =>
        importBundleInto(trx, principalOf(request), request.params.runnerId, imported, {
          kind,
          address: request.ip,
        }),
      );
      return reply.status(201).send(result);
    },
  );
}
