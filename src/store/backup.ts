import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { DomainError } from "../core/errors.js";
import { openStore } from "./database.js";

/** Backup and restore of the embedded database: its whole data folder as one .tar.gz file. */

async function isEmptyDir(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch {
    return true;
  }
}

/** Writes a copy of the data folder to `file`. Stop the server first: PGlite is one process. */
export async function backupPglite(dataDir: string, file: string): Promise<{ bytes: number }> {
  if (await isEmptyDir(dataDir))
    throw new DomainError(`${dataDir} holds no hipcheck database to back up`);
  const pglite = await PGlite.create({ dataDir });
  try {
    const dump = await pglite.dumpDataDir("gzip");
    const bytes = Buffer.from(await dump.arrayBuffer());
    await writeFile(file, bytes);
    return { bytes: bytes.length };
  } finally {
    await pglite.close();
  }
}

/**
 * Restores a backup into `dataDir`. A folder already holding data is kept, renamed aside,
 * only when `replace` is set; the restored database is opened and migrated before returning.
 */
export async function restorePglite(
  file: string,
  dataDir: string,
  options: { replace: boolean; now?: Date },
): Promise<{ runners: number; keptAside?: string }> {
  const bytes = await readFile(file);
  let keptAside: string | undefined;
  if (!(await isEmptyDir(dataDir))) {
    if (!options.replace)
      throw new DomainError(
        `${dataDir} already holds a database: pass --replace to set it aside and restore`,
      );
    keptAside = `${dataDir}.before-restore-${(options.now ?? new Date()).toISOString().replace(/[:.]/g, "-")}`;
    await rename(dataDir, keptAside);
  }
  await mkdir(dataDir, { recursive: true });
  try {
    const pglite = await PGlite.create({ dataDir, loadDataDir: new Blob([bytes]) });
    await pglite.close();
  } catch (error) {
    if (keptAside) {
      await rename(dataDir, `${dataDir}.failed-restore`).catch(() => {});
      await rename(keptAside, dataDir);
    }
    throw new DomainError(`${file} is not a hipcheck backup (${(error as Error).message})`);
  }
  const store = await openStore({ kind: "pglite", dataDir });
  try {
    const row = await store.db
      .selectFrom("runners")
      .select(store.db.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return { runners: Number(row.n), ...(keptAside ? { keptAside } : {}) };
  } finally {
    await store.close();
  }
}
