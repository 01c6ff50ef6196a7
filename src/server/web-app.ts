import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { App } from "./app.js";
import { homePage } from "./home-page.js";

/** Where `vite build` puts the web app: dist/web beside dist/server (or src/server under tsx). */
export const WEB_APP_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "dist", "web");

/**
 * Serves the built web app from `/` (it routes in the URL's hash, so no fallback is needed);
 * without a build, `/` is the small page that links the API docs.
 */
export async function serveWebApp(app: App, dir = WEB_APP_DIR): Promise<void> {
  if (!existsSync(join(dir, "index.html"))) {
    app.get("/", { schema: { hide: true } }, (_request, reply) =>
      reply.type("text/html; charset=utf-8").send(homePage()),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: dir,
    prefix: "/",
    wildcard: false,
    index: ["index.html"],
    // Hashed asset names never change content; the page itself must always be fresh.
    setHeaders: (res, path) => {
      res.header(
        "cache-control",
        path.includes(`${join(dir, "assets")}`)
          ? "public, max-age=31536000, immutable"
          : "no-cache",
      );
    },
  });
  // Invite links are real paths (they are mailed); the app reads the token from the path.
  app.get("/invite/:token", { schema: { hide: true } }, (_request, reply) =>
    reply.header("cache-control", "no-cache").sendFile("index.html"),
  );
}
