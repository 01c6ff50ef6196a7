/**
 * A CSV file as a header and rows that remember their line numbers, with the checks every
 * dynamometer layout needs: a column that must be there, a number that must be a number. Every
 * message names the line and the column.
 */
import { CsvError, parse } from "csv-parse/sync";
import type { InputIssue } from "../../core/errors.js";
import { InputError } from "../../core/errors.js";

export interface CsvRow {
  /** 1-based line in the file. */
  line: number;
  values: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
  delimiter: "," | ";" | "\t";
}

/** Header names compared without case, spaces or punctuation: "Max Force (N)" = "maxforcen". */
export function headerKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/**
 * Parses CSV text (comma, semicolon or tab separated: whichever the header line uses). A row
 * with more or fewer values than the header is an error naming its line.
 */
export function readCsv(text: string, subject: string): CsvTable {
  const { table, issues } = parseCsv(text);
  if (issues.length > 0) throw new InputError(issues, subject);
  return table;
}

/**
 * The table as far as it can be read, and every problem `readCsv` would refuse it for: a
 * preview shows the header and rows beside the problems instead of stopping at them.
 */
export function parseCsv(text: string): { table: CsvTable; issues: InputIssue[] } {
  const body = text.replace(/^\uFEFF/, "");
  const firstLine = body.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = firstLine.includes("\t")
    ? "\t"
    : firstLine.includes(";") && !firstLine.includes(",")
      ? ";"
      : ",";
  const empty: CsvTable = { header: [], rows: [], delimiter };
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With info: true each record comes with where it ends in the file.
    records = parse(body, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return {
      table: empty,
      issues: [
        {
          path: `line ${(error as CsvError & { lines?: number }).lines ?? "?"}`,
          message: error.message.replace(/^[^:]*:\s*/, ""),
        },
      ],
    };
  }
  const [head, ...rest] = records;
  if (!head)
    return {
      table: empty,
      issues: [{ path: "", message: "the file is empty: expected a header line and rows" }],
    };
  const header = head.record;
  const issues: InputIssue[] = [];
  const rows = rest.map(({ record, info }) => {
    if (record.length !== header.length) {
      const commaDecimal =
        delimiter === "," && record.length > header.length && record.some((v) => /^\d+$/.test(v));
      issues.push({
        path: `line ${info.lines}`,
        message: `${record.length} values where the header has ${header.length}${commaDecimal ? ": is a decimal written with a comma (312,5)? Write it with a point (312.5) or quote it" : ""}`,
      });
    }
    return { line: info.lines, values: record };
  });
  if (issues.length === 0 && rows.length === 0)
    issues.push({ path: "", message: "the file has a header but no rows" });
  return { table: { header, rows, delimiter }, issues };
}

/** Finds a column by any of its names; `undefined` when the file has none of them. */
export function findColumn(
  header: readonly string[],
  names: readonly string[],
): number | undefined {
  const keys = names.map(headerKey);
  const index = header.findIndex((h) => keys.includes(headerKey(h)));
  return index === -1 ? undefined : index;
}

/** A cell's text, or "" when the row is short. */
export function cell(row: CsvRow, column: number | undefined): string {
  return column === undefined ? "" : (row.values[column] ?? "");
}

/** Parses a plain decimal number ("312.5"); a comma decimal or any other text is an issue naming line and column. */
export function numberCell(
  row: CsvRow,
  column: { index: number; name: string },
  issues: InputIssue[],
): number | undefined {
  const text = cell(row, column.index);
  if (text === "") return undefined;
  if (/^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text)) return Number(text);
  const where = `line ${row.line}, column ${column.name}`;
  issues.push({
    path: where,
    message: /^[-+]?\d+,\d+$/.test(text)
      ? `"${text}" uses a comma as the decimal separator; write ${text.replace(",", ".")}`
      : `expected a number, got "${text}"`,
  });
  return undefined;
}
