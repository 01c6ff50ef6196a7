import { build } from "vite";

/** Browser tests serve the web app as built: build it once before the suite. */
export default async function setup(): Promise<void> {
  await build({ configFile: "vite.config.ts", logLevel: "warn" });
}
