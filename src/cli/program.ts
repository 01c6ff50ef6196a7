/**
 * The `hipcheck` command line: one program, commands registered on it, and one way for any
 * command to end. Commander reports its own errors (unknown option, bad value) by throwing, so
 * they reach the same exit-code mapping as every other failure.
 */
import { Command } from "commander";
import { EXIT, reportFailure } from "./exit-codes.js";
import { endQuietlyOnClosedPipe } from "./output.js";

/** A program whose commands (added after this call) throw instead of exiting or printing. */
export function createProgram(): Command {
  return new Command()
    .name("hipcheck")
    .description("Is the hip behind a runner's knee pain? Assess, explain, treat, track.")
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, outputError: () => undefined });
}

/** Runs the command line; returns the exit code. Every failure is reported here, once. */
export async function runProgram(program: Command, argv: readonly string[]): Promise<number> {
  endQuietlyOnClosedPipe();
  try {
    await program.parseAsync(argv);
    return EXIT.done;
  } catch (error) {
    const commands = program.commands.map((c) => c.name());
    const name = argv[2];
    const command = name && commands.includes(name) ? name : undefined;
    return reportFailure(error, process.stderr, { ...(command ? { command } : {}), commands });
  }
}
