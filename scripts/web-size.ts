/**
 * Prints the JavaScript and CSS the web app's first page loads (what index.html names), raw
 * and gzipped, and the largest lazy chunks. Run after a build: `npm run size:web`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const DIR = "dist/web";
const html = readFileSync(join(DIR, "index.html"), "utf8");
const first = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
const size = (file: string) => {
  const bytes = readFileSync(join(DIR, file));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
let js = 0;
console.log("First page:");
for (const file of first) {
  const s = size(file);
  if (file.endsWith(".js")) js += s.gzip;
  console.log(`  ${file.padEnd(44)} ${kb(s.raw).padStart(10)}  gzip ${kb(s.gzip).padStart(9)}`);
}
console.log(`First-page JavaScript, gzip: ${kb(js)} (budget 250 KB)`);
console.log("Largest lazy chunks (loaded only by the pages that need them):");
const lazy = readdirSync(join(DIR, "assets"))
  .map((f) => `assets/${f}`)
  .filter((f) => f.endsWith(".js") && !first.includes(f))
  .map((f) => ({ f, ...size(f) }))
  .sort((a, b) => b.gzip - a.gzip)
  .slice(0, 5);
for (const c of lazy)
  console.log(`  ${c.f.padEnd(44)} ${kb(c.raw).padStart(10)}  gzip ${kb(c.gzip).padStart(9)}`);
