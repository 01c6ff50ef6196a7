import { z } from "zod";
import { listPainLogs, listSessionLogs } from "../../store/records.repository.js";
import { runnerFor } from "../access.js";
import type { App } from "../app.js";
import { principalOf } from "../auth/principal.js";
import { logPain, logSession } from "../services/logs.service.js";
import { calendarDay, fromCursor, pageQuery, runnerParams, toPage } from "./schemas.js";

export function logRoutes(app: App): void {
  app.post(
    "/api/runners/:runnerId/logs",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["logs"],
        summary: "Log a run or a strength session (the training-log entry format)",
        params: runnerParams,
        body: z.strictObject({
          entry: z.record(z.string(), z.unknown(), { error: "must be a log entry object" }),
          programmeId: z.uuid().optional(),
        }),
      },
    },
    async (request, reply) => {
      const { entry, programmeId } = request.body;
      const saved = await app.tx((trx) =>
        logSession(
          trx,
          principalOf(request),
          request.params.runnerId,
          { entry, ...(programmeId ? { programmeId } : {}) },
          request.ip,
        ),
      );
      return reply.status(201).send(saved);
    },
  );

  app.get(
    "/api/runners/:runnerId/logs",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["logs"],
        summary: "Logged sessions, newest first",
        params: runnerParams,
        querystring: pageQuery,
      },
    },
    async (request) =>
      app.tx(async (trx) => {
        const { runnerId } = request.params;
        await runnerFor(trx, principalOf(request), runnerId, {
          action: "read.logs",
          address: request.ip,
        });
        const { limit, cursor } = request.query;
        return toPage(await listSessionLogs(trx, runnerId, limit + 1, fromCursor(cursor)), limit);
      }),
  );

  app.post(
    "/api/runners/:runnerId/pain",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["logs"],
        summary: "Log pain outside a session (e.g. each morning), 0–10",
        params: runnerParams,
        body: z.strictObject({
          date: calendarDay,
          pain: z
            .number({ error: "must be a number from 0 to 10" })
            .min(0, { error: "must be from 0 (no pain) to 10" })
            .max(10, { error: "must be from 0 to 10 (worst imaginable)" }),
          context: z.enum(["morning", "evening", "after-activity", "other"]).default("morning"),
        }),
      },
    },
    async (request, reply) => {
      const saved = await app.tx((trx) =>
        logPain(trx, principalOf(request), request.params.runnerId, request.body, request.ip),
      );
      return reply.status(201).send(saved);
    },
  );

  app.get(
    "/api/runners/:runnerId/pain",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["logs"],
        summary: "Pain logs, newest first",
        params: runnerParams,
        querystring: pageQuery,
      },
    },
    async (request) =>
      app.tx(async (trx) => {
        const { runnerId } = request.params;
        await runnerFor(trx, principalOf(request), runnerId, {
          action: "read.pain",
          address: request.ip,
        });
        const { limit, cursor } = request.query;
        return toPage(await listPainLogs(trx, runnerId, limit + 1, fromCursor(cursor)), limit);
      }),
  );
}
