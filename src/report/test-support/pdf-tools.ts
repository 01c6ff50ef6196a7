/** Reads PDFs back with poppler-utils (pdftotext, pdftoppm, pdfinfo, pdfimages), as a reader would see them. */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Test output lands here (gitignored): the PDFs and their pages as PNG. */
export const TEST_OUTPUT = new URL("../../../test-output/", import.meta.url).pathname;

/** Writes `pdf` to test-output/NAME.pdf and returns the path. */
export function savePdf(name: string, pdf: Uint8Array): string {
  mkdirSync(TEST_OUTPUT, { recursive: true });
  const path = join(TEST_OUTPUT, `${name}.pdf`);
  writeFileSync(path, pdf);
  return path;
}

/** The text of every page, in reading order (pdftotext -layout). */
export function pdfText(path: string): string {
  return execFileSync("pdftotext", ["-layout", path, "-"], { encoding: "utf8" });
}

/** pdfinfo's fields, e.g. `Pages`, `Page size`, `CreationDate`. */
export function pdfInfo(path: string): Record<string, string> {
  const out = execFileSync("pdfinfo", [path], { encoding: "utf8" });
  return Object.fromEntries(
    out
      .split("\n")
      .filter((line) => line.includes(":"))
      .map((line) => {
        const at = line.indexOf(":");
        return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
      }),
  );
}

/** How many raster images the PDF holds (vector drawings are not images). */
export function imageCount(path: string): number {
  const out = execFileSync("pdfimages", ["-list", path], { encoding: "utf8" });
  return out
    .split("\n")
    .slice(2)
    .filter((line) => line.trim().split(/\s+/)[2] === "image").length;
}

/** Renders the pages to test-output/NAME-N.png at `dpi`; returns nothing, the files are the output. */
export function renderPages(path: string, name: string, dpi = 50): void {
  execFileSync("pdftoppm", ["-r", String(dpi), "-png", path, join(TEST_OUTPUT, name)]);
}

/** The fonts the PDF uses: each is embedded when `emb` is yes. */
export function pdfFonts(path: string): { name: string; embedded: boolean }[] {
  const out = execFileSync("pdffonts", [path], { encoding: "utf8" });
  return out
    .split("\n")
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      return { name: cols[0] ?? "", embedded: cols.at(-5) === "yes" };
    });
}
