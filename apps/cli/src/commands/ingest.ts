import type { Command } from 'commander';
import { withExamples } from '../help-examples.js';
import { parseRange, parseShape } from '../option-parsers.js';

/** The flags of `s4nn ingest`. */
export interface IngestOptions {
  out: string;
  shape?: number[];
  valueRange?: [number, number];
  labelColumn?: string;
  json?: boolean;
}

/** `s4nn ingest <source...> --out <file>`: reads a dataset once into Arrow IPC or Parquet. */
export function registerIngest(program: Command): void {
  const command = program
    .command('ingest')
    .summary('read a dataset into an Arrow or Parquet file and summarise it')
    .description(
      'Reads a dataset (CSV, MNIST IDX, Arrow IPC or Parquet) and writes it as one Arrow IPC or ' +
        'Parquet file, so that later runs start fast. Prints rows, shape, classes, value range ' +
        'and time taken.',
    )
    .argument(
      '<source...>',
      'one dataset file, mnist:train or mnist:test, or a pair: features CSV + labels CSV, or IDX images + labels',
    )
    .requiredOption(
      '-o, --out <file>',
      'output file: .arrow (IPC file), .arrows (IPC stream) or .parquet',
    )
    .option(
      '--shape <dims>',
      'sample shape of CSV input, e.g. 10x10 (default: one row of D)',
      parseShape,
    )
    .option(
      '--value-range <min,max>',
      'declared value range of CSV input; values outside fail',
      parseRange,
    )
    .option('--label-column <name>', "label column of a single CSV (default: 'label')")
    .option('--json', 'print the summary as JSON')
    .action(async (sources: string[], options: IngestOptions) =>
      (await import('./ingest-action.js')).ingestAction(sources, options),
    );
  withExamples(command, [
    's4nn ingest mnist:train --out mnist-train.arrow',
    's4nn ingest train_data.csv train_data_labels.csv --shape 10x10 --value-range 0,256 --out train.arrow',
    's4nn ingest train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz --out train.parquet --json',
  ]);
}
