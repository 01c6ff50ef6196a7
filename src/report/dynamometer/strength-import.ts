/**
 * Dynamometer CSV exports → the `strength` section of an assessment file. One row per trial,
 * the side on each row; rows of the same test, position and side become one entry with its
 * trials in repetition order. A VALD-style layout is read by its column names; any other layout
 * by a column mapping. The file is imported whole or not at all: every problem is reported
 * with its line and column, and nothing is returned then.
 */
import { InputError, type InputIssue, parseWith } from "../../core/errors.js";
import { strengthSchema } from "../../core/strength/strength.schema.js";
import {
  STRENGTH_METHODS,
  STRENGTH_POSITIONS,
  STRENGTH_TEST_NAMES,
} from "../../core/strength/strength.types.js";
import {
  type CsvRow,
  type CsvTable,
  cell,
  findColumn,
  headerKey,
  numberCell,
  readCsv,
} from "./csv-table.js";

/** The fields a row can fill, with the column names a VALD-style export uses for each. */
export const STRENGTH_FIELDS = {
  test: ["Test", "Test Name", "Test Type"],
  side: ["Laterality", "Side", "Limb"],
  position: ["Position", "Body Position"],
  method: ["Method"],
  force: ["maxForceNewtons", "Max Force (N)", "Peak Force (N)"],
  repetition: ["Repetition", "Rep", "Trial"],
  leverArmCm: ["leverArmCm", "Lever Arm (cm)"],
  rfd: ["RFD", "rfdNewtonsPerSecond", "RFD (N/s)", "Rate of Force Development"],
  timeToPeakS: ["timeToPeakSeconds", "Time to Peak (s)", "timeToPeak"],
  timeToPeakMs: ["timeToPeakMs", "Time to Peak (ms)"],
} as const;
export type StrengthField = keyof typeof STRENGTH_FIELDS;
const REQUIRED: readonly StrengthField[] = ["test", "side", "force"];

export interface StrengthCsvOptions {
  /** "vald" reads the column names above; "generic" needs `map`. */
  format: "vald" | "generic";
  /** Field → column name in the file, e.g. { test: "Movement", side: "Limb", force: "Peak N" }. */
  map?: Partial<Record<StrengthField, string>>;
  /** Used when the file has no position or method column. */
  position?: string;
  method?: string;
  /** The unit of the force column: N (VALD), kgf or lbf. */
  unit?: "N" | "kgf" | "lbf";
  /** The file's name, for the messages. */
  file?: string;
  /** How the messages tell a person to give a mapping or a position (default: the CLI's options). */
  hints?: MappingHints;
}

/** The words for "map a column to this field" and "give the body position", per interface. */
export interface MappingHints {
  mapField: (field: StrengthField) => string;
  position: string;
}

const CLI_HINTS: MappingHints = {
  mapField: (field) => `map a column to ${field} with --map ${field}=COLUMN`,
  position: "no position column: give the body position with --position",
};

/** Where each field is read from: the column's index and its name in the header. */
export type StrengthColumns = Partial<Record<StrengthField, { index: number; name: string }>>;

type Json = Record<string, unknown>;

/** Reads a dynamometer CSV; returns `{ tests }`, validated as an assessment's strength section. */
export function strengthFromCsv(text: string, options: StrengthCsvOptions): { tests: Json[] } {
  const subject = options.file ? `dynamometer file ${options.file}` : "dynamometer file";
  const table = readCsv(text, subject);
  const columns = locateColumns(table, options, subject);
  const issues: InputIssue[] = [];
  const groups = new Map<
    string,
    { entry: Json; rows: CsvRow[]; trials: { rep: number; force: number; metric: Json }[] }
  >();
  for (const row of table.rows) {
    const rowIssues: InputIssue[] = [];
    const text = (field: StrengthField) => cell(row, columns[field]?.index).trim();
    const num = (field: StrengthField) => {
      const column = columns[field];
      return column ? numberCell(row, column, rowIssues) : undefined;
    };
    const test = choice(row, columns.test, slug(text("test")), STRENGTH_TEST_NAMES, rowIssues);
    const side = sideOf(row, columns.side, text("side"), rowIssues);
    const position = columns.position
      ? choice(row, columns.position, slug(text("position")), STRENGTH_POSITIONS, rowIssues)
      : options.position;
    const method = columns.method
      ? choice(row, columns.method, slug(text("method")), STRENGTH_METHODS, rowIssues)
      : (options.method ?? "make");
    const force = num("force");
    if (force === undefined && !rowIssues.some((i) => i.path.includes(columns.force?.name ?? "")))
      rowIssues.push({
        path: `line ${row.line}, column ${columns.force?.name}`,
        message: "the peak force is missing",
      });
    if (force !== undefined && force <= 0)
      rowIssues.push({
        path: `line ${row.line}, column ${columns.force?.name}`,
        message: `a peak force must be above 0, got ${force}`,
      });
    const rep = num("repetition");
    const lever = num("leverArmCm");
    const rfd = num("rfd");
    const ttpS = num("timeToPeakS");
    const ttpMs = num("timeToPeakMs");
    if (!position)
      rowIssues.push({
        path: `line ${row.line}`,
        message: (options.hints ?? CLI_HINTS).position,
      });
    issues.push(...rowIssues);
    if (rowIssues.length > 0 || force === undefined) continue;
    const key = `${test}|${position}|${side}`;
    const group = groups.get(key) ?? {
      entry: { test, side, position, method, unit: options.unit ?? "N" },
      rows: [],
      trials: [],
    };
    if (lever !== undefined) {
      if (group.entry.leverArmCm !== undefined && group.entry.leverArmCm !== lever)
        issues.push({
          path: `line ${row.line}, column ${columns.leverArmCm?.name}`,
          message: `lever arm ${lever} cm differs from ${group.entry.leverArmCm} cm on line ${group.rows[0]?.line} for the same test and side`,
        });
      group.entry.leverArmCm = lever;
    }
    const timeToPeakMs =
      ttpMs ?? (ttpS === undefined ? undefined : Math.round(ttpS * 1000 * 1000) / 1000);
    group.trials.push({
      rep: rep ?? group.trials.length + 1,
      force,
      metric: {
        ...(rfd === undefined ? {} : { rfd }),
        ...(timeToPeakMs === undefined ? {} : { timeToPeakMs }),
      },
    });
    group.rows.push(row);
    groups.set(key, group);
  }
  if (issues.length > 0) throw new InputError(issues, subject);
  const list = [...groups.values()];
  const tests = list.map(({ entry, trials }) => {
    const ordered = [...trials].sort((a, b) => a.rep - b.rep);
    const hasMetrics = ordered.some((t) => Object.keys(t.metric).length > 0);
    return {
      ...entry,
      trials: ordered.map((t) => t.force),
      ...(hasMetrics ? { trialMetrics: ordered.map((t) => t.metric) } : {}),
    };
  });
  try {
    parseWith(strengthSchema, { tests }, subject);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // Point each problem at the lines it came from rather than at the built entry.
    throw new InputError(
      error.issues.map((issue) => {
        const index = Number(/^tests\[(\d+)\]/.exec(issue.path)?.[1]);
        const group = list[index];
        if (!group) return issue;
        const lines = group.rows.map((r) => r.line).join(", ");
        return {
          path: `line${group.rows.length > 1 ? "s" : ""} ${lines} (${group.entry.side} ${group.entry.test})`,
          message: issue.message,
        };
      }),
      subject,
    );
  }
  return { tests };
}

function locateColumns(
  table: CsvTable,
  options: StrengthCsvOptions,
  subject: string,
): StrengthColumns {
  const { columns, issues } = strengthColumns(table.header, options);
  if (issues.length > 0) throw new InputError(issues, subject);
  return columns;
}

/**
 * Which column fills which field: by the mapping, and in the VALD layout by the names above
 * for fields the mapping leaves out. Every mapped column the header lacks, and every required
 * field without a column, is an issue of line 1.
 */
export function strengthColumns(
  header: readonly string[],
  options: Pick<StrengthCsvOptions, "format" | "map" | "hints">,
): { columns: StrengthColumns; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  const columns: StrengthColumns = {};
  for (const field of Object.keys(STRENGTH_FIELDS) as StrengthField[]) {
    const mapped = options.map?.[field];
    const names =
      options.format === "generic"
        ? mapped
          ? [mapped]
          : []
        : mapped
          ? [mapped]
          : STRENGTH_FIELDS[field];
    const index = findColumn(header, names);
    if (index !== undefined) columns[field] = { index, name: header[index] ?? field };
    else if (mapped)
      issues.push({
        path: "line 1",
        message: `no column "${mapped}" (mapped to ${field}); the header has ${header.map((h) => `"${h}"`).join(", ")}`,
      });
    else if (REQUIRED.includes(field))
      issues.push({
        path: "line 1",
        message:
          options.format === "generic"
            ? (options.hints ?? CLI_HINTS).mapField(field)
            : `missing column for ${field}: expected one of ${STRENGTH_FIELDS[field].map((n) => `"${n}"`).join(", ")}`,
      });
  }
  return { columns, issues };
}

/** "Hip Abduction" → "hip-abduction"; "Side Lying" → "side-lying". */
function slug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function choice<T extends string>(
  row: CsvRow,
  column: { name: string } | undefined,
  value: string,
  allowed: readonly T[],
  issues: InputIssue[],
): T | undefined {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  issues.push({
    path: `line ${row.line}, column ${column?.name}`,
    message:
      value === ""
        ? `is empty; expected one of ${allowed.join(", ")}`
        : `"${value}" is not one of ${allowed.join(", ")}`,
  });
  return undefined;
}

function sideOf(
  row: CsvRow,
  column: { name: string } | undefined,
  value: string,
  issues: InputIssue[],
): "left" | "right" | undefined {
  const key = headerKey(value);
  if (key === "left" || key === "l") return "left";
  if (key === "right" || key === "r") return "right";
  issues.push({
    path: `line ${row.line}, column ${column?.name}`,
    message: `expected Left or Right, got "${value}"`,
  });
  return undefined;
}

/** Parses `--map test=Movement,side=Limb,force=Peak N` into a mapping; unknown fields are an error. */
export function parseColumnMap(text: string): Partial<Record<StrengthField, string>> {
  const map: Partial<Record<StrengthField, string>> = {};
  const issues: InputIssue[] = [];
  for (const pair of text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = pair.indexOf("=");
    const field = pair.slice(0, at).trim();
    const column = pair.slice(at + 1).trim();
    if (at < 1 || column === "")
      issues.push({ path: "--map", message: `"${pair}" is not field=column` });
    else if (!(field in STRENGTH_FIELDS))
      issues.push({
        path: "--map",
        message: `unknown field "${field}"; known: ${Object.keys(STRENGTH_FIELDS).join(", ")}`,
      });
    else map[field as StrengthField] = column;
  }
  if (issues.length > 0) throw new InputError(issues, "column mapping");
  return map;
}
