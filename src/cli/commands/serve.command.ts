import type { Command } from "commander";
import { DomainError } from "../../core/errors.js";
import { serverConfigFromEnv } from "../../server/config.js";
import { serve } from "../../server/serve.js";
import { backupPglite, restorePglite } from "../../store/backup.js";
import { storeConfigFromEnv } from "../../store/database.js";
import { wholeNumber } from "../option-parsers.js";
import { printText, processStreams } from "../output.js";

/** `hipcheck serve`, `backup` and `restore`: the server and the embedded database's copies. */
export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("Serve the API (PGlite in ./data unless DATABASE_URL names a PostgreSQL server).")
    .option(
      "--port <n>",
      "port to listen on (default 3000, or HIPCHECK_PORT)",
      wholeNumber("--port", 0, 65535),
    )
    .option("--data-dir <dir>", "PGlite data folder (default ./data, or HIPCHECK_DATA_DIR)")
    .option("--demo", "on an empty database, create the demo clinic and print its logins")
    .action(async (options: { port?: number; dataDir?: string; demo?: boolean }) => {
      const config = serverConfigFromEnv(
        process.env,
        options.port !== undefined ? { port: options.port } : {},
      );
      const store = storeConfigFromEnv(
        process.env,
        options.dataDir ? { dataDir: options.dataDir } : {},
      );
      await serve({
        store,
        config,
        demo: options.demo === true,
        print: (line) => printText(processStreams, line),
      });
    });

  program
    .command("backup")
    .description("Copy the embedded database (stop the server first) into one .tar.gz file.")
    .argument("<file>", "the backup file to write")
    .option("--data-dir <dir>", "PGlite data folder (default ./data, or HIPCHECK_DATA_DIR)")
    .action(async (file: string, options: { dataDir?: string }) => {
      const dataDir = embeddedDataDir(options.dataDir);
      const { bytes } = await backupPglite(dataDir, file);
      printText(
        processStreams,
        `hipcheck: backed up ${dataDir} to ${file} (${(bytes / 1024).toFixed(0)} KiB)`,
      );
    });

  program
    .command("restore")
    .description("Restore the embedded database from a backup file (stop the server first).")
    .argument("<file>", "a file written by hipcheck backup")
    .option("--data-dir <dir>", "PGlite data folder (default ./data, or HIPCHECK_DATA_DIR)")
    .option("--replace", "set an existing database aside (renamed, not deleted) and restore")
    .action(async (file: string, options: { dataDir?: string; replace?: boolean }) => {
      const dataDir = embeddedDataDir(options.dataDir);
      const result = await restorePglite(file, dataDir, { replace: options.replace === true });
      printText(
        processStreams,
        `hipcheck: restored ${file} into ${dataDir} (${result.runners} runners)`,
      );
      if (result.keptAside)
        printText(processStreams, `hipcheck: the previous database is kept in ${result.keptAside}`);
    });
}

function embeddedDataDir(flag: string | undefined): string {
  const config = storeConfigFromEnv(process.env, flag ? { dataDir: flag } : {});
  if (config.kind === "postgres")
    throw new DomainError(
      "DATABASE_URL names a PostgreSQL server: back it up with the server's own tools (pg_dump, pg_restore)",
    );
  return config.dataDir ?? "./data";
}
