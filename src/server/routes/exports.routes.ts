import type { FastifyReply } from "fastify";
import { z } from "zod";
import type { App } from "../app.js";
import { principalOf } from "../auth/principal.js";
import {
  assessmentReport,
  assessmentStrengthCsv,
  type Download,
  programmeCalendar,
  programmeHandout,
  progressReport,
  runnerFhirBundle,
} from "../services/exports.service.js";
import { idParam, runnerParams } from "./schemas.js";

const assessmentParams = idParam("assessmentId");
const programmeParams = idParam("programmeId");
const page = z.enum(["a4", "letter"], { error: 'must be "a4" or "letter"' }).default("a4");
const pdfQuery = z.strictObject({
  page,
  for: z.enum(["runner", "clinician"], { error: 'must be "runner" or "clinician"' }).optional(),
});

/** A file as an attachment; health data is not kept in any cache on the way. */
function sendDownload(reply: FastifyReply, download: Download) {
  return reply
    .type(download.type)
    .header("content-disposition", `attachment; filename="${download.filename}"`)
    .header("cache-control", "no-store")
    .send(download.content);
}

export function exportRoutes(app: App): void {
  app.get(
    "/api/assessments/:assessmentId/report.pdf",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["exports"],
        summary: "The assessment report as a PDF (A4 or Letter; the runner's or clinician's words)",
        params: assessmentParams,
        querystring: pdfQuery,
      },
    },
    async (request, reply) => {
      const draw = await app.tx((trx) =>
        assessmentReport(trx, principalOf(request), request.params.assessmentId, {
          page: request.query.page,
          audience: request.query.for,
          address: request.ip,
        }),
      );
      return sendDownload(reply, await draw());
    },
  );

  app.get(
    "/api/runners/:runnerId/progress-report.pdf",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["exports"],
        summary:
          "The progress report as a PDF: the latest assessment beside the earlier ones (422 with fewer than two)",
        params: runnerParams,
        querystring: pdfQuery,
      },
    },
    async (request, reply) => {
      const draw = await app.tx((trx) =>
        progressReport(trx, principalOf(request), request.params.runnerId, {
          page: request.query.page,
          audience: request.query.for,
          address: request.ip,
        }),
      );
      return sendDownload(reply, await draw());
    },
  );

  app.get(
    "/api/programmes/:programmeId/handout.pdf",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["exports"],
        summary: "The exercise handout of a programme as a PDF",
        params: programmeParams,
        querystring: z.strictObject({ page }),
      },
    },
    async (request, reply) => {
      const draw = await app.tx((trx) =>
        programmeHandout(trx, principalOf(request), request.params.programmeId, {
          page: request.query.page,
          address: request.ip,
        }),
      );
      return sendDownload(reply, await draw());
    },
  );

  app.get(
    "/api/programmes/:programmeId/calendar.ics",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["exports"],
        summary: "The programme as an iCalendar file, one all-day event per day",
        params: programmeParams,
      },
    },
    async (request, reply) => {
      const download = await app.tx((trx) =>
        programmeCalendar(trx, principalOf(request), request.params.programmeId, request.ip),
      );
      return sendDownload(reply, download);
    },
  );

  app.get(
    "/api/runners/:runnerId/fhir",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["exports"],
        summary:
          "The latest assessment and the current programme as a FHIR R4 Bundle, validated before it is sent",
        params: runnerParams,
      },
    },
    async (request, reply) => {
      const download = await app.tx((trx) =>
        runnerFhirBundle(trx, principalOf(request), request.params.runnerId, request.ip),
      );
      return sendDownload(reply, download);
    },
  );

  app.get(
    "/api/assessments/:assessmentId/strength.csv",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["exports"],
        summary: "The assessment's dynamometer results as a VALD-style CSV, one row per trial",
        params: assessmentParams,
      },
    },
    async (request, reply) => {
      const download = await app.tx((trx) =>
        assessmentStrengthCsv(trx, principalOf(request), request.params.assessmentId, request.ip),
      );
      return sendDownload(reply, download);
    },
  );
}
