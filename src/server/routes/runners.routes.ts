import { z } from "zod";
import { listAudit } from "../../store/records.repository.js";
import type { App } from "../app.js";
import { principalOf } from "../auth/principal.js";
import { todayUtc } from "../services/dates.js";
import { eraseRunnerData, exportRunner } from "../services/runner-data.service.js";
import {
  clinicAttention,
  createRunner,
  revokeClinicShare,
  runnerSummary,
  runnerToday,
  shareWithClinic,
} from "../services/runners.service.js";
import { runnerListRoute } from "./runner-list-route.js";
import { calendarDay, fromCursor, pageQuery, personName, runnerParams } from "./schemas.js";

export function runnerRoutes(app: App): void {
  app.get(
    "/api/runners",
    {
      config: { access: "staff" },
      schema: {
        tags: ["dashboards"],
        summary: "The clinic's runners, most in need of attention first (paged, searchable)",
        querystring: pageQuery.extend({
          q: z.string().max(120).default(""),
          on: calendarDay.optional(),
        }),
      },
    },
    async (request) => {
      const { q, on, limit, cursor } = request.query;
      const after = fromCursor(cursor);
      return clinicAttention(app.store.db, principalOf(request), {
        today: on ?? todayUtc(),
        search: q,
        limit,
        ...(after ? { cursor: after } : {}),
      });
    },
  );

  app.post(
    "/api/runners",
    {
      config: { access: "staff" },
      schema: {
        tags: ["runners"],
        summary: "Create a runner record in the clinic",
        body: z.strictObject({ name: personName }),
      },
    },
    async (request, reply) => {
      const runner = await app.tx((trx) =>
        createRunner(trx, principalOf(request), request.body.name),
      );
      return reply.status(201).send(runner);
    },
  );

  app.get(
    "/api/runners/:runnerId",
    {
      config: { access: "signed-in" },
      schema: { tags: ["runners"], summary: "A runner's record", params: runnerParams },
    },
    async (request) =>
      app.tx((trx) =>
        runnerSummary(trx, principalOf(request), request.params.runnerId, request.ip),
      ),
  );

  app.get(
    "/api/runners/:runnerId/today",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["dashboards"],
        summary:
          "The runner's today: sessions due, next run, pain trend, latest questionnaire scores and their change",
        params: runnerParams,
        querystring: z.strictObject({ on: calendarDay.optional() }),
      },
    },
    async (request) =>
      runnerToday(
        app.store.db,
        principalOf(request),
        request.params.runnerId,
        request.query.on ?? todayUtc(),
        request.ip,
      ),
  );

  app.post(
    "/api/runners/:runnerId/shares",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["sharing"],
        summary: "Share the record with a clinic (the runner)",
        params: runnerParams,
        body: z.strictObject({ clinicId: z.uuid({ error: "must be a clinic id (a UUID)" }) }),
      },
    },
    async (request, reply) => {
      const shares = await app.tx((trx) =>
        shareWithClinic(
          trx,
          principalOf(request),
          request.params.runnerId,
          request.body.clinicId,
          request.ip,
        ),
      );
      return reply.status(201).send({ items: shares });
    },
  );

  app.delete(
    "/api/runners/:runnerId/shares/:clinicId",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["sharing"],
        summary: "Revoke a share (the runner)",
        params: runnerParams.extend({
          clinicId: z.uuid({ error: "must be a clinic id (a UUID)" }),
        }),
      },
    },
    async (request, reply) => {
      const { runnerId, clinicId } = request.params;
      await app.tx((trx) =>
        revokeClinicShare(trx, principalOf(request), runnerId, clinicId, request.ip),
      );
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/runners/:runnerId/export",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["records"],
        summary: "Everything stored about the runner, as JSON",
        params: runnerParams,
      },
    },
    async (request, reply) => {
      const data = await app.tx((trx) =>
        exportRunner(trx, principalOf(request), request.params.runnerId, request.ip),
      );
      return reply
        .header(
          "content-disposition",
          `attachment; filename="hipcheck-${request.params.runnerId}.json"`,
        )
        .send(data);
    },
  );

  app.delete(
    "/api/runners/:runnerId",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["records"],
        summary: "Erase the runner and all their data",
        params: runnerParams,
      },
    },
    async (request, reply) => {
      await app.tx((trx) =>
        eraseRunnerData(trx, principalOf(request), request.params.runnerId, {
          address: request.ip,
          filesDir: app.config.filesDir,
        }),
      );
      return reply.status(204).send();
    },
  );

  runnerListRoute(app, {
    url: "/api/runners/:runnerId/audit",
    tag: "records",
    summary: "Who read or changed the record, newest first",
    action: "read.audit",
    list: listAudit,
  });
}
