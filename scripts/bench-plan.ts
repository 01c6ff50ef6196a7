/**
 * Benchmark: time to generate a programme (8 weeks, the default) and a 12-week plan from an
 * assessed seed-000 runner. Prints the median and 95th percentile of many runs; target < 5 ms.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { assess } from "../src/core/assessment/assess.js";
import { generateProgramme } from "../src/core/program/programme.js";

const assessment = assess(
  JSON.parse(
    readFileSync(new URL("../examples/seed-000-hip-weakness.json", import.meta.url), "utf8"),
  ),
);
const availability = { daysPerWeek: 6, minutesPerSession: 45, equipment: ["band" as const] };

function measure(weeks: number, runs: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    generateProgramme({ assessment, availability, start: "2026-12-01", weeks });
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

measure(12, 200); // warm-up: let the JIT settle
for (const weeks of [8, 12]) {
  const times = measure(weeks, 1000);
  console.log(
    `programme, ${weeks} weeks: median ${quantile(times, 0.5).toFixed(3)} ms, p95 ${quantile(times, 0.95).toFixed(3)} ms over ${times.length} runs (target < 5 ms)`,
  );
}
