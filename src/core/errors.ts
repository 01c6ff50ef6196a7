import type { z } from "zod";

/** One thing wrong with an input: where (a field path such as `strength.tests[2].side`) and what. */
export interface InputIssue {
  path: string;
  message: string;
}

/**
 * Raised when an input cannot be used. It carries every problem found, each naming the
 * field, so that a person can fix them all in one go. Nothing is computed from bad input.
 */
export class InputError extends Error {
  readonly issues: readonly InputIssue[];

  constructor(issues: readonly InputIssue[], subject = "input") {
    super(
      `The ${subject} has ${issues.length === 1 ? "a problem" : `${issues.length} problems`}:\n` +
        issues.map((issue) => `  - ${issue.path || "(whole file)"}: ${issue.message}`).join("\n"),
    );
    this.name = "InputError";
    this.issues = issues;
  }
}

/** Raised when the input is valid on its own but a rule cannot be applied to it. */
export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DomainError";
  }
}

/** A file that cannot be read, parsed or written; the message names the file and, where known, the line. */
export class FileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileError";
  }
}

/** A command line that cannot be run (unknown option, bad option value); the message echoes the value. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/**
 * The input is valid, and the answer is a refusal on purpose: a red flag means a professional
 * must see the runner first, so no plan is made.
 */
export class RefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RefusedError";
  }
}

/**
 * Raised when a red flag asks for a professional before treatment: a rule refusing on purpose,
 * not bad input. Carries the urgency, e.g. "emergency", so callers can say how soon.
 */
export class ReferralError extends RefusedError {
  readonly urgency: string;

  constructor(message: string, urgency: string) {
    super(message);
    this.name = "ReferralError";
    this.urgency = urgency;
  }
}

const FILE_PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: "no such file or folder",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOTDIR: "a part of the path is a file, not a folder",
  EISDIR: "it is a folder",
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EROFS: "the file system is read-only",
  ENAMETOOLONG: "the name is too long",
  ELOOP: "too many symbolic links",
  EEXIST: "it already exists",
  EBUSY: "it is in use",
};

/** A file system error in plain words ("permission denied"), from Node's error code. */
export function fileProblem(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code !== "string") return error instanceof Error ? error.message : String(error);
  return FILE_PROBLEMS[code] ?? code;
}

/** `["strength", "tests", 2, "side"]` → `strength.tests[2].side`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Prefixes every issue's path, for a section parsed on its own. */
export function prefixIssues(prefix: string, issues: readonly InputIssue[]): InputIssue[] {
  return issues.map((issue) => ({
    path:
      issue.path === ""
        ? prefix
        : issue.path.startsWith("[")
          ? `${prefix}${issue.path}`
          : `${prefix}.${issue.path}`,
    message: issue.message,
  }));
}

/** zod's own wording starts like this; a schema's custom message does not, and is kept as written. */
const ZOD_DEFAULT = /^(Invalid input|Invalid option|Unrecognized key)/;

function describeIssue(issue: z.core.$ZodIssue): string {
  if (!ZOD_DEFAULT.test(issue.message)) {
    const custom = issue.message;
    const got = issue.input === undefined ? "" : `, got ${describeValue(issue.input)}`;
    // A custom message for a wrong type or option still says what was given.
    return (issue.code === "invalid_type" || issue.code === "invalid_value") &&
      !/\bgot\b/.test(custom)
      ? `${custom}${got}`
      : custom;
  }
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return `is required (expected ${issue.expected})`;
      return `expected ${issue.expected}, got ${describeValue(issue.input)}`;
    case "unrecognized_keys":
      return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    case "invalid_value":
      if (issue.input === undefined)
        return `is required (one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")})`;
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}, got ${describeValue(issue.input)}`;
    default:
      return issue.message;
  }
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "string")
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

/**
 * Parses `data` with a zod schema; on failure throws an InputError whose messages name
 * each field and what was expected, in plain words.
 */
export function parseWith<T extends z.ZodType>(
  schema: T,
  data: unknown,
  subject = "input",
): z.output<T> {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: describeIssue(issue),
  }));
  throw new InputError(issues, subject);
}
