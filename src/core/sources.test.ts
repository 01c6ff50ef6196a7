import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SOURCES } from "./sources.js";

const ROOT = new URL("../..", import.meta.url).pathname;
const doc = readFileSync(join(ROOT, "docs/clinical-sources.md"), "utf8");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

describe("clinical sources cited by the code are in the repository", () => {
  it.each(sourceFiles(join(ROOT, "src")).map((path) => [path.slice(ROOT.length)]))(
    "%s cites no document outside the repository",
    (path) => {
      expect(readFileSync(join(ROOT, path), "utf8")).not.toMatch(/CLINICAL\.md/);
    },
  );

  it.each(Object.keys(SOURCES))("source %s is listed in docs/clinical-sources.md", (id) => {
    expect(doc).toContain(id);
  });
});
