import { z } from "zod";
import { listProgrammes } from "../../store/records.repository.js";
import type { App } from "../app.js";
import { principalOf } from "../auth/principal.js";
import { programmeChange } from "../services/programme-edits.js";
import {
  createProgramme,
  editProgramme,
  nextSessions,
  programmeEdits,
  programmeFor,
} from "../services/programmes.service.js";
import { runnerListRoute } from "./runner-list-route.js";
import { calendarDay, idParam, runnerParams } from "./schemas.js";

const programmeParams = idParam("programmeId");
const EQUIPMENT = [
  "band",
  "cable-or-band",
  "weights",
  "step",
  "chair",
  "foam-roller",
  "foam-roller-or-ball",
  "exercise-ball",
] as const;

export function programmeRoutes(app: App): void {
  app.post(
    "/api/runners/:runnerId/programmes",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["programmes"],
        summary: "Generate the exercise programme and return-to-run plan from an assessment",
        params: runnerParams,
        body: z.strictObject({
          assessmentId: z.uuid({ error: "must be an assessment id (a UUID)" }),
          start: calendarDay,
          daysPerWeek: z.number().int().min(1).max(7).default(6),
          minutesPerSession: z.number().int().min(15).max(180).default(45),
          weeks: z.number().int().min(4).max(16).optional(),
          equipment: z.array(z.enum(EQUIPMENT)).max(EQUIPMENT.length).default(["band"]),
        }),
      },
    },
    async (request, reply) => {
      const { weeks, ...rest } = request.body;
      const row = await app.tx((trx) =>
        createProgramme(
          trx,
          principalOf(request),
          request.params.runnerId,
          { ...rest, ...(weeks ? { weeks } : {}) },
          request.ip,
        ),
      );
      return reply.status(201).send(row);
    },
  );

  runnerListRoute(app, {
    url: "/api/runners/:runnerId/programmes",
    tag: "programmes",
    summary: "The runner's programmes, newest first",
    action: "read.programmes",
    list: listProgrammes,
  });

  app.get(
    "/api/programmes/:programmeId",
    {
      config: { access: "signed-in" },
      schema: { tags: ["programmes"], summary: "A programme", params: programmeParams },
    },
    async (request) =>
      app.tx((trx) =>
        programmeFor(trx, principalOf(request), request.params.programmeId, {
          action: "read.programme",
          address: request.ip,
        }),
      ),
  );

  app.patch(
    "/api/programmes/:programmeId",
    {
      config: { access: "staff" },
      schema: {
        tags: ["programmes"],
        summary: "A clinician edits the programme; the edit is kept with who, when and why",
        params: programmeParams,
        body: z.strictObject({
          reason: z.string().trim().min(3, { error: "say why (at least 3 characters)" }).max(1000),
          changes: z.array(programmeChange).min(1, { error: "give at least one change" }).max(50),
        }),
      },
    },
    async (request) =>
      app.tx((trx) =>
        editProgramme(
          trx,
          principalOf(request),
          request.params.programmeId,
          request.body,
          request.ip,
        ),
      ),
  );

  app.get(
    "/api/programmes/:programmeId/edits",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["programmes"],
        summary: "Every edit of the programme",
        params: programmeParams,
      },
    },
    async (request) => ({
      items: await app.tx((trx) =>
        programmeEdits(trx, principalOf(request), request.params.programmeId, request.ip),
      ),
    }),
  );

  app.get(
    "/api/programmes/:programmeId/next",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["programmes"],
        summary: "Decide the next run and each exercise from the logs",
        params: programmeParams,
      },
    },
    async (request) =>
      app.tx((trx) =>
        nextSessions(trx, principalOf(request), request.params.programmeId, request.ip),
      ),
  );
}
