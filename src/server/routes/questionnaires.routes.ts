import { z } from "zod";
import type { App } from "../app.js";
import { principalOf } from "../auth/principal.js";
import { INSTRUMENT_IDS } from "../services/core-calls.js";
import { questionnaireHistory, recordQuestionnaire } from "../services/questionnaires.service.js";
import { calendarDay, fromCursor, pageQuery, runnerParams, toPage } from "./schemas.js";

const instrument = z.enum(INSTRUMENT_IDS, {
  error: `must be one of ${INSTRUMENT_IDS.map((id) => `"${id}"`).join(", ")}`,
});

export function questionnaireRoutes(app: App): void {
  app.post(
    "/api/runners/:runnerId/questionnaires",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["logs"],
        summary:
          "Record an outcome questionnaire (AKPS, LEFS, NPRS, KOOS-PF) answered between assessments; answers are option scores by item id, null for a blank",
        params: runnerParams,
        body: z.strictObject({
          instrument,
          date: calendarDay,
          answers: z.record(z.string(), z.unknown(), {
            error: 'must be an object of answers by item id, e.g. { "1": 5 }',
          }),
        }),
      },
    },
    async (request, reply) => {
      const saved = await app.tx((trx) =>
        recordQuestionnaire(
          trx,
          principalOf(request),
          request.params.runnerId,
          request.body,
          request.ip,
        ),
      );
      return reply.status(201).send(saved);
    },
  );

  app.get(
    "/api/runners/:runnerId/questionnaires",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["logs"],
        summary: "Questionnaires answered between assessments, newest first",
        params: runnerParams,
        querystring: pageQuery.extend({ instrument: instrument.optional() }),
      },
    },
    async (request) => {
      const { limit, cursor, instrument } = request.query;
      const after = fromCursor(cursor);
      const rows = await app.tx((trx) =>
        questionnaireHistory(
          trx,
          principalOf(request),
          {
            runnerId: request.params.runnerId,
            limit: limit + 1,
            ...(instrument ? { instrument } : {}),
            ...(after ? { after } : {}),
          },
          request.ip,
        ),
      );
      return toPage(rows, limit);
    },
  );
}
