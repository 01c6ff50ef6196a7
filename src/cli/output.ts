/** How commands print: a whole result on stdout, notices on stderr, both safe for a terminal. */
import { forTerminal } from "./terminal-text.js";

/** Where a command prints; the real process streams, or a test's capture. */
export interface CommandStreams {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

export const processStreams: CommandStreams = { stdout: process.stdout, stderr: process.stderr };

/** Prints a text report (built whole before this call), control characters escaped. */
export function printText(streams: CommandStreams, text: string): void {
  streams.stdout.write(forTerminal(text.endsWith("\n") ? text : `${text}\n`));
}

/** Prints a result as JSON; free text inside keeps its characters (JSON escapes them). */
export function printJson(streams: CommandStreams, value: unknown): void {
  streams.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** A notice on stderr: something the user should know that does not stop the command. */
export function printNotice(streams: CommandStreams, message: string): void {
  streams.stderr.write(`hipcheck: note: ${forTerminal(message)}\n`);
}

/** A line on stderr saying what was done (a file written). */
export function printStatus(streams: CommandStreams, message: string): void {
  streams.stderr.write(`hipcheck: ${forTerminal(message)}\n`);
}

/**
 * A closed pipe (`hipcheck plan … | head -1`) ends the command quietly: the reader has what it
 * wanted, and a stack trace about EPIPE would only be noise.
 */
export function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
}
