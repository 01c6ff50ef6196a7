import { z } from "zod";
import { listPainLogs, listSessionLogs } from "../../store/records.repository.js";
import type { App } from "../app.js";
import { principalOf } from "../auth/principal.js";
import { logPain, logSession } from "../services/logs.service.js";
import { runnerListRoute } from "./runner-list-route.js";
import { calendarDay, runnerParams } from "./schemas.js";

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

  runnerListRoute(app, {
    url: "/api/runners/:runnerId/logs",
    tag: "logs",
    summary: "Logged sessions, newest first",
    action: "read.logs",
    list: listSessionLogs,
  });

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

  runnerListRoute(app, {
    url: "/api/runners/:runnerId/pain",
    tag: "logs",
    summary: "Pain logs, newest first",
    action: "read.pain",
    list: listPainLogs,
  });
}
