import { z } from "zod";
import { listAssessments } from "../../store/records.repository.js";
import type { App } from "../app.js";
import { principalOf } from "../auth/principal.js";
import {
  assessmentFor,
  assessmentView,
  compareHistory,
  createAssessment,
  runAssessment,
  updateAssessment,
} from "../services/assessments.service.js";
import { runnerListRoute } from "./runner-list-route.js";
import { idParam, runnerParams } from "./schemas.js";

const assessmentParams = idParam("assessmentId");
const jsonObject = z.record(z.string(), z.unknown(), { error: "must be a JSON object" });

export function assessmentRoutes(app: App): void {
  app.post(
    "/api/runners/:runnerId/assessments",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["assessments"],
        summary: "Start an assessment (the input may be partial; sections present are checked)",
        params: runnerParams,
        body: z.strictObject({
          kind: z.enum(["initial", "retest"]).default("initial"),
          input: jsonObject.default({}),
        }),
      },
    },
    async (request, reply) => {
      const row = await app.tx((trx) =>
        createAssessment(
          trx,
          principalOf(request),
          request.params.runnerId,
          request.body,
          request.ip,
        ),
      );
      return reply.status(201).send(row);
    },
  );

  runnerListRoute(app, {
    url: "/api/runners/:runnerId/assessments",
    tag: "assessments",
    summary: "The runner's assessments, newest first",
    action: "read.assessments",
    list: async (db, runnerId, limit, after) =>
      (await listAssessments(db, runnerId, limit, after)).map(assessmentView),
  });

  app.get(
    "/api/runners/:runnerId/comparison",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["assessments"],
        summary:
          "The retest against the earlier assessments: per measure the change and whether it is beyond the measurement error, findings as progress",
        params: runnerParams,
      },
    },
    async (request) =>
      app.tx((trx) =>
        compareHistory(trx, principalOf(request), request.params.runnerId, request.ip),
      ),
  );

  app.get(
    "/api/assessments/:assessmentId",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["assessments"],
        summary: "An assessment: input as entered, result and rules version",
        params: assessmentParams,
      },
    },
    async (request) =>
      app.tx(async (trx) =>
        assessmentView(
          await assessmentFor(trx, principalOf(request), request.params.assessmentId, {
            action: "read.assessment",
            address: request.ip,
          }),
        ),
      ),
  );

  app.patch(
    "/api/assessments/:assessmentId",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["assessments"],
        summary: "Update the input with a JSON merge patch (null removes a field)",
        params: assessmentParams,
        body: z.strictObject({ input: jsonObject }),
      },
    },
    async (request) =>
      app.tx((trx) =>
        updateAssessment(
          trx,
          principalOf(request),
          request.params.assessmentId,
          request.body.input,
          request.ip,
        ),
      ),
  );

  app.post(
    "/api/assessments/:assessmentId/assess",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["assessments"],
        summary: "Assess the stored input with the current rules (again, when they changed)",
        params: assessmentParams,
      },
    },
    async (request) =>
      app.tx((trx) =>
        runAssessment(trx, principalOf(request), request.params.assessmentId, request.ip),
      ),
  );
}
