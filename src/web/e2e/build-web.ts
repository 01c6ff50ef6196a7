import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * Browser tests serve the web app as built: build it once before the suite, in its own process
 * with NODE_ENV=production (vitest sets "test", which would bundle React's development build).
 */
export default function setup(): void {
  const vite = join(
    dirname(createRequire(import.meta.url).resolve("vite/package.json")),
    "bin",
    "vite.js",
  );
  execFileSync(process.execPath, [vite, "build", "--logLevel", "warn"], {
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
}
