import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FileError } from "../core/errors.js";
import { checkDestination, writeFileWhole, writeFolderWhole } from "./output-writer.js";

const dir = mkdtempSync(join(tmpdir(), "hipcheck-writer-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Fails the test instead of spinning for ever (Node's recursive mkdir loops on /proc). */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)),
  ]);
}

describe("checkDestination", () => {
  it.each([
    ["/proc/x", "folder", "cannot write --out /proc/x: nothing can be created in /proc"],
    ["/proc/x/y.ics", "file", "cannot write --out /proc/x/y.ics: nothing can be created in /proc"],
    [
      "/etc/hostname/out",
      "folder",
      "cannot write --out /etc/hostname/out (a part of the path is a file, not a folder)",
    ],
    ["/etc/hostname", "folder", "cannot write --out /etc/hostname: it is a file, not a folder"],
    ["/etc", "file", "cannot write --out /etc: it is a folder, not a file"],
  ] as const)("refuses %s at once, naming it", async (path, kind, message) => {
    const failure = await within(5000, checkDestination({ kind, path, option: "--out" })).catch(
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(FileError);
    expect((failure as Error).message.startsWith(message)).toBe(true);
  });

  it("accepts a folder that does not exist yet, and creates nothing", async () => {
    const path = join(dir, "new", "deeper");
    await checkDestination({ kind: "folder", path });
    expect(existsSync(join(dir, "new"))).toBe(false);
  });
});

describe("writeFolderWhole", () => {
  it("replaces an earlier result as a whole: no stale file is left beside the new one", async () => {
    const out = join(dir, "run");
    await writeFolderWhole({ kind: "folder", path: out }, async (folder) => {
      await writeFile(join(folder, "analysis.json"), "first");
      await writeFile(join(folder, "left-contact.png"), "picture of the first run");
    });
    await writeFolderWhole({ kind: "folder", path: out }, async (folder) => {
      await writeFile(join(folder, "analysis.json"), "second");
    });
    expect(readdirSync(out)).toEqual(["analysis.json"]);
    expect(readFileSync(join(out, "analysis.json"), "utf8")).toBe("second");
    // Nothing temporary is left beside it.
    expect(readdirSync(dir).filter((name) => name.includes("run"))).toEqual(["run"]);
  });

  it("leaves the earlier result untouched when the new run fails half way", async () => {
    const out = join(dir, "kept");
    await writeFolderWhole({ kind: "folder", path: out }, async (folder) => {
      await writeFile(join(folder, "analysis.json"), "complete");
    });
    const failure = await writeFolderWhole({ kind: "folder", path: out }, async (folder) => {
      await writeFile(join(folder, "annotated.mp4"), "14 s of a 60 s clip");
      throw new Error("the encoder died");
    }).catch((e: unknown) => e);
    expect((failure as Error).message).toBe("the encoder died");
    expect(readdirSync(out)).toEqual(["analysis.json"]);
    expect(readFileSync(join(out, "analysis.json"), "utf8")).toBe("complete");
    expect(readdirSync(dir).filter((name) => name.includes("kept"))).toEqual(["kept"]);
  });

  it("gives one complete run when two runs write the same folder at once", async () => {
    const out = join(dir, "shared");
    const run = (name: string, files: number) =>
      writeFolderWhole({ kind: "folder", path: out }, async (folder) => {
        for (let i = 0; i < files; i++) await writeFile(join(folder, `${name}-${i}.txt`), name);
      });
    await Promise.all([run("a", 20), run("b", 5)]);
    const names = readdirSync(out);
    const owners = new Set(names.map((n) => n.split("-")[0]));
    expect(owners.size).toBe(1);
    expect(names.length).toBe(owners.has("a") ? 20 : 5);
  });

  it("creates missing parent folders", async () => {
    const out = join(dir, "a", "b", "c");
    await writeFolderWhole({ kind: "folder", path: out }, (folder) =>
      writeFile(join(folder, "x.txt"), "x"),
    );
    expect(readFileSync(join(out, "x.txt"), "utf8")).toBe("x");
  });
});

describe("writeFileWhole", () => {
  it("replaces a file whole and leaves no temporary file", async () => {
    const sub = join(dir, "files");
    mkdirSync(sub);
    const path = join(sub, "plan.ics");
    await writeFileWhole({ kind: "file", path }, "old");
    await writeFileWhole({ kind: "file", path }, "new");
    expect(readFileSync(path, "utf8")).toBe("new");
    expect(readdirSync(sub)).toEqual(["plan.ics"]);
  });
});
