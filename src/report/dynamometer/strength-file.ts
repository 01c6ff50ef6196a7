/**
 * One entry point for every dynamometer file layout (VALD-style, a mapped layout, a force–time
 * trace): read it whole or refuse it, or preview it — the header, the first rows, which column
 * fills which field, the entries an import would make and every problem, without throwing.
 */
import { InputError, type InputIssue } from "../../core/errors.js";
import { type CsvRow, parseCsv } from "./csv-table.js";
import { strengthFromTrace, type TraceOptions, traceColumns } from "./force-trace-csv.js";
import {
  type StrengthCsvOptions,
  type StrengthField,
  strengthColumns,
  strengthFromCsv,
} from "./strength-import.js";

/** How many rows a preview shows: enough to recognise the file, not the whole of it. */
export const PREVIEW_ROWS = 10;

export type StrengthFileOptions =
  | ({ format: "vald" | "generic" } & StrengthCsvOptions)
  | ({ format: "trace" } & TraceOptions);

export interface StrengthFilePreview {
  header: string[];
  delimiter: "," | ";" | "\t";
  /** The first rows, each with its line in the file. */
  rows: CsvRow[];
  rowCount: number;
  /** Each header column and the field it fills (`null`: not read). A trace reads time and force. */
  columns: { index: number; name: string; field: StrengthField | "time" | null }[];
  /** The strength entries an import would make; empty when there is any problem. */
  tests: Record<string, unknown>[];
  /** Every problem, each naming its line (and column); an import refuses the file while any remain. */
  problems: InputIssue[];
}

/** Reads the file into `{ tests }`; throws InputError naming every problem. */
export function strengthFromFile(
  text: string,
  options: StrengthFileOptions,
): { tests: Record<string, unknown>[] } {
  return options.format === "trace"
    ? strengthFromTrace(text, options)
    : strengthFromCsv(text, options);
}

/** What `strengthFromFile` would import, and why not, in one answer that never throws for the file. */
export function previewStrengthFile(
  text: string,
  options: StrengthFileOptions,
): StrengthFilePreview {
  const { table, issues } = parseCsv(text);
  const fields = new Map<number, StrengthField | "time">();
  if (options.format === "trace") {
    const { time, force } = traceColumns(table.header);
    if (time !== undefined) fields.set(time, "time");
    if (force !== undefined) fields.set(force, "force");
  } else {
    const { columns } = strengthColumns(table.header, options);
    for (const [field, column] of Object.entries(columns))
      fields.set(column.index, field as StrengthField);
  }
  let tests: Record<string, unknown>[] = [];
  let problems = issues;
  if (problems.length === 0) {
    try {
      tests = strengthFromFile(text, options).tests;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems = [...error.issues];
    }
  }
  return {
    header: table.header,
    delimiter: table.delimiter,
    rows: table.rows.slice(0, PREVIEW_ROWS),
    rowCount: table.rows.length,
    columns: table.header.map((name, index) => ({ index, name, field: fields.get(index) ?? null })),
    tests,
    problems,
  };
}
