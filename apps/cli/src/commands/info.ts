import type { Command } from 'commander';
import { withExamples } from '../help-examples.js';

/** The flags of `s4nn info`. */
export interface InfoFlags {
  json?: boolean;
  engines?: boolean;
}

/**
 * `s4nn info <file>`: the summary of `s4nn ingest` for an existing dataset file;
 * `s4nn info --engines`: the registered engines and what each would run on here.
 */
export function registerInfo(program: Command): void {
  const command = program
    .command('info')
    .summary('summarise a dataset file, or list the engines (--engines)')
    .description(
      'Reads a dataset file (.arrow, .parquet, .csv, MNIST IDX) and prints rows, shape, ' +
        'classes and counts, value range and time taken. With --engines instead: every ' +
        'registered engine, whether it runs here, and for tfjs the backend --backend auto picks ' +
        'and whether the native tfjs-node(-gpu) packages are installed.',
    )
    .argument('[file]', 'the dataset file')
    .option('--engines', 'list the engines instead of reading a file')
    .option('--json', 'print the summary as JSON')
    .action(async (file: string | undefined, flags: InfoFlags) =>
      (await import('./info-action.js')).infoAction(file, flags),
    );
  withExamples(command, [
    's4nn info mnist-train.arrow',
    's4nn info train.parquet --json',
    's4nn info --engines',
  ]);
}
