import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../core/errors.js";
import { backupPglite, restorePglite } from "./backup.js";
import { openStore } from "./database.js";
import { insertRunner } from "./runners.repository.js";

describe("backup and restore of the embedded database", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "hipcheck-backup-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("restores a backup with its data into an empty folder, and sets an existing one aside", async () => {
    const dataDir = join(dir, "data");
    const store = await openStore({ kind: "pglite", dataDir });
    await insertRunner(store.db, {
      id: randomUUID(),
      userId: null,
      clinicId: null,
      displayName: "Kept",
    });
    await store.close();
    const file = join(dir, "copy.tar.gz");
    expect((await backupPglite(dataDir, file)).bytes).toBeGreaterThan(1000);

    const restored = await restorePglite(file, join(dir, "elsewhere"), { replace: false });
    expect(restored).toEqual({ runners: 1 });

    await expect(restorePglite(file, dataDir, { replace: false })).rejects.toThrow(/--replace/);
    const replaced = await restorePglite(file, dataDir, {
      replace: true,
      now: new Date("2026-12-01T10:00:00Z"),
    });
    expect(replaced.runners).toBe(1);
    expect(replaced.keptAside).toBe(`${dataDir}.before-restore-2026-12-01T10-00-00-000Z`);
  }, 180_000);

  it("refuses a file that is not a backup, and keeps the existing database", async () => {
    const dataDir = join(dir, "data2");
    const store = await openStore({ kind: "pglite", dataDir });
    await store.close();
    const junk = join(dir, "junk.tar.gz");
    await writeFile(junk, "not a backup");
    await expect(restorePglite(junk, dataDir, { replace: true })).rejects.toBeInstanceOf(
      DomainError,
    );
    const again = await openStore({ kind: "pglite", dataDir });
    expect(await again.db.selectFrom("runners").selectAll().execute()).toEqual([]);
    await again.close();
  }, 180_000);
});
