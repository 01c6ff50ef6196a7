import { availableParallelism } from "node:os";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import multipart from "@fastify/multipart";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { Kysely, Transaction } from "kysely";
import type { z } from "zod";
import { parseWith } from "../core/errors.js";
import type { Store } from "../store/database.js";
import type { Database } from "../store/schema.types.js";
import { type Access, authenticate, requireAccess } from "./auth/principal.js";
import type { ServerConfig } from "./config.js";
import { toHttpError } from "./errors.js";
import type { AnalysisJobs } from "./jobs/analysis-jobs.js";
import { InProcessJobs } from "./jobs/in-process-jobs.js";
import { QueueJobs } from "./jobs/queue-jobs.js";
import { type Mailer, smtpMailer } from "./mail/mailer.js";
import { registerRoutes } from "./routes/index.js";
import { serveWebApp } from "./web-app.js";

export type App = FastifyInstance<
  import("node:http").Server,
  import("node:http").IncomingMessage,
  import("node:http").ServerResponse,
  import("fastify").FastifyBaseLogger,
  ZodTypeProvider
>;

declare module "fastify" {
  interface FastifyInstance {
    config: ServerConfig;
    store: Store;
    /** Runs one request's work in one transaction: all of it is saved, or none. */
    tx<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T>;
    jobs: AnalysisJobs;
    /** Sends invite mail; undefined when no mail server is set up. */
    mailer: Mailer | undefined;
    /** Every API route as `METHOD /url`, for the authorisation matrix test. */
    apiRoutes: string[];
  }
}

const JSON_BODY_LIMIT = 1024 * 1024;
const PUBLIC_PREFIXES = ["/api/docs"];

/** Builds the HTTP server over a store. Routes declare their access; one error handler maps errors. */
export async function buildApp(options: { store: Store; config: ServerConfig }): Promise<App> {
  const { store, config } = options;
  const app = Fastify({
    bodyLimit: JSON_BODY_LIMIT,
    // No bodies, query strings or headers in logs: they can hold patient data or secrets.
    logger:
      config.logLevel === "silent"
        ? false
        : {
            level: config.logLevel,
            serializers: {
              req: (req) => ({ method: req.method, url: req.url.split("?")[0] }),
              res: (res) => ({ statusCode: res.statusCode }),
            },
          },
    trustProxy: process.env.HIPCHECK_TRUST_PROXY === "true",
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate("config", config);
  app.decorate("store", store);
  const mailer = config.mail ? smtpMailer(config.mail) : undefined;
  app.decorate("mailer", mailer);
  app.addHook("onClose", async () => mailer?.close());
  // A stop does not lose an upload: either kind of jobs takes up the analyses cut short.
  const jobs: AnalysisJobs =
    config.jobs === "queue"
      ? await QueueJobs.open(store, config.queue, (error) =>
          app.log.error({ err: { name: error.name, message: error.message } }),
        )
      : await InProcessJobs.open(store.db, {
          workers: config.workers || availableParallelism(),
          deleteVideos: config.deleteVideos,
          filesDir: config.filesDir,
        });
  app.decorate("jobs", jobs);
  app.addHook("onClose", () => jobs.close());
  app.decorate("tx", <T>(work: (trx: Transaction<Database>) => Promise<T>) =>
    store.db.transaction().execute(work),
  );

  // Validation through the core's parser: the same plain-worded messages with field paths.
  app.setValidatorCompiler(({ schema, httpPart }) => (data) => {
    try {
      return { value: parseWith(schema as z.ZodType, data, `request ${httpPart ?? "input"}`) };
    } catch (error) {
      return { error: error as Error };
    }
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: true,
      // The web app runs the pose model in WebAssembly and plays a chosen clip from a blob: URL.
      directives: {
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        mediaSrc: ["'self'", "blob:"],
      },
    },
  });
  await app.register(cookie);
  await app.register(multipart, {
    limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10 },
  });
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "hipcheck API",
        version: "1",
        description:
          "Sign in with POST /api/session; send the session's CSRF token (from GET /api/session) " +
          "in the x-csrf-token header on every write, or use an API token as `Authorization: Bearer …`.",
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });

  const apiRoutes: string[] = [];
  app.decorate("apiRoutes", apiRoutes);
  app.addHook("onRoute", (route) => {
    // The API docs and the web app's files are public pages, not API routes.
    const isPublicPage =
      PUBLIC_PREFIXES.some((p) => route.url.startsWith(p)) || !route.url.startsWith("/api/");
    if (isPublicPage) return;
    if (!route.config?.access)
      throw new Error(`route ${route.method} ${route.url} declares no access level`);
    for (const method of [route.method].flat())
      if (method !== "HEAD") apiRoutes.push(`${method} ${route.url}`);
  });
  app.addHook("onRequest", async (request) => {
    await authenticate(store.db as Kysely<Database>, request);
  });
  app.addHook("preHandler", async (request) => {
    const access = request.routeOptions.config.access as Access | undefined;
    if (access) requireAccess(access, request);
  });

  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toHttpError(error);
    if (status >= 500)
      request.log.error({
        err: { name: (error as Error).name, message: (error as Error).message },
      });
    if (status === 429) reply.header("retry-after", String(15 * 60));
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: "not-found",
      message: `no route ${request.method} ${request.url.split("?")[0]}`,
    }),
  );

  await serveWebApp(app);
  registerRoutes(app);
  return app;
}
