/**
 * A raw force–time trace exported as CSV (a time and a force column, evenly sampled) → one
 * strength entry whose trial is the trace's peak and whose trace the report analyses for time to
 * peak and rate of force development.
 */
import { InputError, type InputIssue, parseWith } from "../../core/errors.js";
import { strengthSchema } from "../../core/strength/strength.schema.js";
import { findColumn, headerKey, numberCell, readCsv } from "./csv-table.js";

export interface TraceOptions {
  /** The file's name, for the messages. */
  file?: string;
  test: string;
  side: string;
  position: string;
  method?: string;
  leverArmCm?: number;
  unit?: "N" | "kgf" | "lbf";
}

/** Samples may drift this much from the first interval before the trace counts as unevenly sampled. */
const INTERVAL_TOLERANCE = 0.02;

/** Names a trace's time column goes by (seconds, or milliseconds when the name says ms). */
const TIME_COLUMNS = ["time", "time (s)", "time_s", "seconds", "time (ms)", "time_ms", "ms", "t"];
const FORCE_COLUMNS = [
  "force",
  "force (n)",
  "force_n",
  "forceNewtons",
  "newtons",
  "force (kgf)",
  "force (lbf)",
];

/** The indexes of a trace's time and force columns in its header, where found. */
export function traceColumns(header: readonly string[]): { time?: number; force?: number } {
  const time = findColumn(header, TIME_COLUMNS);
  const force = findColumn(header, FORCE_COLUMNS);
  return {
    ...(time === undefined ? {} : { time }),
    ...(force === undefined ? {} : { force }),
  };
}

export function strengthFromTrace(
  text: string,
  options: TraceOptions,
): { tests: Record<string, unknown>[] } {
  const subject = options.file ? `force trace file ${options.file}` : "force trace file";
  const table = readCsv(text, subject);
  const { time, force } = traceColumns(table.header);
  const missing = [time === undefined ? '"time"' : "", force === undefined ? '"force"' : ""].filter(
    Boolean,
  );
  if (time === undefined || force === undefined)
    throw new InputError(
      [
        {
          path: "line 1",
          message: `missing column ${missing.join(" and ")}; the header has ${table.header.map((h) => `"${h}"`).join(", ")}`,
        },
      ],
      subject,
    );
  const timeName = table.header[time] ?? "time";
  const toSeconds = headerKey(timeName).includes("ms") ? 0.001 : 1;
  const issues: InputIssue[] = [];
  const samples: { line: number; t: number; f: number }[] = [];
  for (const row of table.rows) {
    const t = numberCell(row, { index: time, name: timeName }, issues);
    const f = numberCell(row, { index: force, name: table.header[force] ?? "force" }, issues);
    if (t !== undefined && f !== undefined) samples.push({ line: row.line, t: t * toSeconds, f });
  }
  if (issues.length > 0) throw new InputError(issues, subject);
  const first = samples[0];
  const second = samples[1];
  if (!first || !second)
    throw new InputError(
      [{ path: "", message: "a force trace needs at least 2 samples" }],
      subject,
    );
  const interval = second.t - first.t;
  if (!(interval > 0))
    throw new InputError(
      [{ path: `line ${second.line}`, message: "time must increase from one sample to the next" }],
      subject,
    );
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1];
    const b = samples[i];
    if (a && b && Math.abs(b.t - a.t - interval) > interval * INTERVAL_TOLERANCE)
      issues.push({
        path: `line ${b.line}, column ${timeName}`,
        message: `samples must be evenly spaced (${interval * 1000} ms apart); this one is ${Math.round((b.t - a.t) * 1e6) / 1000} ms after the last`,
      });
  }
  if (issues.length > 0) throw new InputError(issues.slice(0, 5), subject);
  const forces = samples.map((s) => s.f);
  // The rate over the whole trace: rounding of single time stamps cancels out.
  const last = samples[samples.length - 1] ?? second;
  const rateHz = (samples.length - 1) / (last.t - first.t);
  const entry = {
    test: options.test,
    side: options.side,
    position: options.position,
    method: options.method ?? "make",
    ...(options.leverArmCm === undefined ? {} : { leverArmCm: options.leverArmCm }),
    unit: options.unit ?? "N",
    trials: [Math.max(...forces)],
    trace: { rateHz: Math.round(rateHz * 1000) / 1000, samples: forces },
  };
  parseWith(strengthSchema, { tests: [entry] }, subject);
  return { tests: [entry] };
}
