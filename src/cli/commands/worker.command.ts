import type { Command } from "commander";
import { serverConfigFromEnv } from "../../server/config.js";
import { runWorker } from "../../server/worker.js";
import { storeConfigFromEnv } from "../../store/database.js";
import { printText, processStreams } from "../output.js";

/** `hipcheck worker`: runs video analyses queued by servers started with HIPCHECK_JOBS=queue. */
export function registerWorker(program: Command): void {
  program
    .command("worker")
    .description(
      "Run video analyses queued in PostgreSQL (DATABASE_URL) by servers with HIPCHECK_JOBS=queue; start as many as you like.",
    )
    .action(async () => {
      await runWorker({
        store: storeConfigFromEnv(process.env),
        config: serverConfigFromEnv(process.env),
        print: (line) => printText(processStreams, line),
      });
    });
}
