import { CommanderError, type Command } from 'commander';
import { Interrupted } from './interrupted.js';
import { UsageError } from './usage-error.js';

/** Exit statuses of every s4nn command. */
export const ExitCode = {
  /** The command did what it was asked. */
  ok: 0,
  /** The run failed: bad data, a failed computation. */
  failed: 1,
  /** Bad usage: unknown or invalid flags, missing arguments, missing files. */
  usage: 2,
  /** Stopped by SIGINT (128 + signal 2), after leaving its files whole. */
  interrupted: 130,
} as const;

/**
 * Parses `argv` and runs the chosen command, turning every error into one line on stderr
 * (`s4nn: <message>`, the stack too with `--verbose`) and an exit status (see {@link ExitCode}).
 * Commander's own parse errors are printed by commander and count as bad usage.
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(createProgram(), process.argv);
 * ```
 */
export async function runCli(program: Command, argv: readonly string[]): Promise<number> {
  try {
    await program.parseAsync([...argv]);
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end the same way as parse errors; only the latter are failures.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    process.stderr.write(`s4nn: ${describe(error)}\n`);
    if (error instanceof Interrupted) return ExitCode.interrupted;
    const verbose = program.opts<{ verbose?: boolean }>().verbose === true;
    const usage = isUsageError(error);
    if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return usage ? ExitCode.usage : ExitCode.failed;
  }
}

/** Missing files count as bad usage, whichever package noticed them. */
function isUsageError(error: unknown): boolean {
  return error instanceof UsageError || (error as NodeJS.ErrnoException)?.code === 'ENOENT';
}

function describe(error: unknown): string {
  const errno = error as NodeJS.ErrnoException;
  if (errno?.code === 'ENOENT' && errno.path) return `file not found: ${errno.path}`;
  const message = error instanceof Error ? error.message : String(error);
  // One sentence: the first line, so that a multi-line message from a library stays short.
  return message.split('\n', 1)[0];
}
