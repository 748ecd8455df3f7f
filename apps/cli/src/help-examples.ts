import type { Command } from 'commander';

/**
 * Appends an `Examples:` block to a command's `--help`: every command shows how it is called.
 *
 * @example
 * ```ts
 * withExamples(command, ['s4nn info mnist.arrow', 's4nn info mnist.arrow --json']);
 * ```
 */
export function withExamples(command: Command, examples: readonly string[]): Command {
  return command.addHelpText(
    'after',
    `\nExamples:\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`,
  );
}
