import { z } from "zod";
import type { App } from "../app.js";
import { principalOf } from "../auth/principal.js";
import { attachAnalysis, runnerAnalyses } from "../services/movement.service.js";
import { fromCursor, idParam, pageQuery, runnerParams, toPage } from "./schemas.js";

/** A runner's video analyses, and their use as movement evidence in an assessment. */
export function movementRoutes(app: App): void {
  app.get(
    "/api/runners/:runnerId/analyses",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["video"],
        summary: "The runner's video analyses, newest first: status, task, view and measurements",
        params: runnerParams,
        querystring: pageQuery,
      },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      const after = fromCursor(cursor);
      const rows = await app.tx((trx) =>
        runnerAnalyses(
          trx,
          principalOf(request),
          { runnerId: request.params.runnerId, limit: limit + 1, ...(after ? { after } : {}) },
          request.ip,
        ),
      );
      return toPage(rows, limit);
    },
  );

  app.post(
    "/api/assessments/:assessmentId/movement",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["assessments"],
        summary:
          "Add a finished video analysis of the runner to the assessment's movement evidence (videoAnalyses); an assessed assessment is assessed again",
        params: idParam("assessmentId"),
        body: z.strictObject({
          analysisId: z.uuid({ error: "must be an analysis id (a UUID)" }),
        }),
      },
    },
    async (request) =>
      app.tx((trx) =>
        attachAnalysis(
          trx,
          principalOf(request),
          { assessmentId: request.params.assessmentId, analysisId: request.body.analysisId },
          request.ip,
        ),
      ),
  );
}
