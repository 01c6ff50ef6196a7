/**
 * The one place where a failure becomes an exit code and a message. Commands throw typed
 * errors; nothing else decides how a failure ends.
 */
import { CommanderError } from "commander";
import {
  DomainError,
  FileError,
  fileProblem,
  InputError,
  RefusedError,
  UsageError,
} from "../core/errors.js";
import { forTerminal } from "./terminal-text.js";

/** Exit codes, as the README documents them. */
export const EXIT = {
  done: 0,
  /** The input is wrong: the message says where. */
  input: 1,
  /** A bad command line: unknown option, bad option value, missing argument. */
  usage: 2,
  /** The input is valid and the answer is a refusal: a red flag needs a professional first. */
  refused: 3,
  internal: 70,
} as const;

/** A Node file-system error (ENOENT, EACCES, …) that names its path: the user's file, not a bug. */
function isFileSystemError(error: unknown): error is NodeJS.ErrnoException & { path: string } {
  return (
    error instanceof Error &&
    typeof (error as NodeJS.ErrnoException).code === "string" &&
    typeof (error as NodeJS.ErrnoException).path === "string"
  );
}

/** The exit code for a failure. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.done : EXIT.usage;
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof RefusedError) return EXIT.refused;
  if (
    error instanceof InputError ||
    error instanceof FileError ||
    error instanceof DomainError ||
    isFileSystemError(error)
  )
    return EXIT.input;
  return EXIT.internal;
}

/** Which command was being run, and which exist: for the hint to the right help. */
export interface CommandLineContext {
  command?: string;
  commands?: readonly string[];
}

/** What to tell the user about a failure, in one message. */
export function failureMessage(error: unknown, context: CommandLineContext = {}): string {
  if (error instanceof CommanderError) {
    if (error.exitCode === 0) return "";
    const help = `hipcheck ${context.command ? `${context.command} ` : ""}--help`;
    if (error.code === "commander.help")
      return `say which command to run: ${(context.commands ?? []).join(", ")} (hipcheck --help describes them)`;
    return `${error.message.replace(/^error: /, "")} (${help} lists the ${context.command ? "options" : "commands"})`;
  }
  if (isFileSystemError(error)) return `${error.path}: ${fileProblem(error)}`;
  const code = exitCodeFor(error);
  const message = error instanceof Error ? error.message : String(error);
  return code === EXIT.internal
    ? `internal error: ${message} (this is a fault in hipcheck, not in the input)`
    : message;
}

/** Writes the message of a failure to stderr, escaped for the terminal, and returns its exit code. */
export function reportFailure(
  error: unknown,
  stderr: { write(text: string): unknown },
  context: CommandLineContext = {},
): number {
  const message = failureMessage(error, context);
  if (message) stderr.write(`hipcheck: ${forTerminal(message)}\n`);
  return exitCodeFor(error);
}
