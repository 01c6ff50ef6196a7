import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { InputError } from "../../core/errors.js";
import {
  type AnalysisOptions,
  findAnalysis,
  insertAnalysis,
} from "../../store/analyses.repository.js";
import { runnerFor } from "../access.js";
import type { App } from "../app.js";
import { principalOf } from "../auth/principal.js";
import { NotFoundError } from "../errors.js";
import { analysisDir } from "../jobs/analysis-jobs.js";
import { saveVideo } from "../services/video-upload.js";
import { idParam, runnerParams } from "./schemas.js";

const analysisParams = idParam("analysisId");

export function analysisRoutes(app: App): void {
  /** The analysis, if the principal may see its runner (another's answers 404). */
  const visible = async (request: import("fastify").FastifyRequest, id: string, action: string) => {
    const row = await findAnalysis(app.store.db, id);
    if (!row) throw new NotFoundError("analysis");
    await app.tx((trx) =>
      runnerFor(trx, principalOf(request), row.runnerId, { action, address: request.ip }),
    );
    return row;
  };

  app.post(
    "/api/runners/:runnerId/analyses",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["video"],
        summary:
          'Upload a video (multipart, field "video") for movement analysis; answers 202 with the job',
        params: runnerParams,
        querystring: z.strictObject({
          task: z.enum(["running", "single-leg-squat", "single-leg-stance"]).default("running"),
          view: z.enum(["rear", "front", "side"]).optional(),
        }),
      },
    },
    async (request, reply) => {
      const { runnerId } = request.params;
      await app.tx((trx) =>
        runnerFor(trx, principalOf(request), runnerId, {
          action: "write.analysis",
          address: request.ip,
        }),
      );
      if (!request.isMultipart())
        throw new InputError([
          {
            path: "video",
            message: 'send the video as multipart/form-data in a field named "video"',
          },
        ]);
      const part = await request.file({ limits: { fileSize: app.config.maxUploadBytes } });
      if (part?.fieldname !== "video")
        throw new InputError([
          { path: "video", message: 'send the video in a multipart field named "video"' },
        ]);
      const id = randomUUID();
      const dir = analysisDir(app.config.filesDir, runnerId, id);
      const video = await saveVideo(part.file, dir, app.config.maxUploadBytes);
      const options: AnalysisOptions = {
        task: request.query.task,
        video,
        ...(request.query.view ? { view: request.query.view } : {}),
      };
      await app.jobs.enqueue(id, (trx) => insertAnalysis(trx, { id, runnerId, options }));
      return reply.status(202).send({ id, status: "queued", events: `/api/analyses/${id}/events` });
    },
  );

  app.get(
    "/api/analyses/:analysisId",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["video"],
        summary: "An analysis: status, measurements, pictures",
        params: analysisParams,
      },
    },
    async (request) => {
      const { options: _options, ...row } = await visible(
        request,
        request.params.analysisId,
        "read.analysis",
      );
      return { ...row, pictures: row.files.map((name) => `/api/analyses/${row.id}/files/${name}`) };
    },
  );

  app.get(
    "/api/analyses/:analysisId/events",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["video"],
        summary: "Progress as server-sent events until done or failed",
        params: analysisParams,
      },
    },
    async (request, reply) => {
      const row = await visible(request, request.params.analysisId, "read.analysis");
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-store",
        connection: "keep-alive",
      });
      const send = (update: { status: string; progress: number; error?: string | null }) =>
        res.write(
          `event: ${update.status === "running" || update.status === "queued" ? "progress" : update.status}\ndata: ${JSON.stringify(update)}\n\n`,
        );
      if (row.status === "done" || row.status === "failed") {
        send({ status: row.status, progress: row.progress, error: row.error });
        res.end();
        return;
      }
      send({ status: row.status, progress: row.progress });
      const unsubscribe = app.jobs.subscribe(row.id, (update) => {
        send(update);
        if (update.status === "done" || update.status === "failed") {
          unsubscribe();
          res.end();
        }
      });
      request.raw.on("close", unsubscribe);
    },
  );

  app.get(
    "/api/analyses/:analysisId/files/:name",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["video"],
        summary: "An annotated picture of the analysis",
        params: analysisParams.extend({
          name: z.string().regex(/^[\w.-]+\.png$/, { error: "must be a picture name" }),
        }),
      },
    },
    async (request, reply) => {
      const row = await visible(request, request.params.analysisId, "read.analysis");
      if (!row.files.includes(request.params.name)) throw new NotFoundError("picture");
      const picture = await readFile(
        join(analysisDir(app.config.filesDir, row.runnerId, row.id), request.params.name),
      );
      return reply.type("image/png").header("cache-control", "private, max-age=3600").send(picture);
    },
  );
}
