import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { readDataset, writeArrow, writeParquet } from '@s4nn/data';
import { resolveSources } from '../dataset-sources.js';
import { summarizeDataset } from '../dataset-summary.js';
import { requireFiles } from '../files.js';
import { withExamples } from '../help-examples.js';
import { parseRange, parseShape } from '../option-parsers.js';
import { printSummary } from '../print-summary.js';
import { UsageError } from '../usage-error.js';

interface IngestOptions {
  out: string;
  shape?: number[];
  valueRange?: [number, number];
  labelColumn?: string;
  json?: boolean;
}

const writers = {
  '.arrow': (table, path) => writeArrow(table, path, { format: 'file' }),
  '.arrows': (table, path) => writeArrow(table, path, { format: 'stream' }),
  '.parquet': writeParquet,
} satisfies Record<string, typeof writeParquet>;

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
    .action(async (sources: string[], options: IngestOptions) => {
      const extension = Object.keys(writers).find((ext) => options.out.toLowerCase().endsWith(ext));
      if (extension === undefined) {
        throw new UsageError(`--out ${options.out}: expected a .arrow, .arrows or .parquet file`);
      }
      if (!existsSync(dirname(options.out))) {
        throw new UsageError(`--out ${options.out}: folder ${dirname(options.out)} does not exist`);
      }
      const { source, files } = resolveSources(sources, {
        shape: options.shape,
        valueRange: options.valueRange,
        labelColumn: options.labelColumn,
      });
      requireFiles(files);
      const started = performance.now();
      const table = await readDataset(source);
      const read = performance.now() - started;
      await writers[extension as keyof typeof writers](table, options.out);
      const write = performance.now() - started - read;
      const timings = { read: Math.round(read), write: Math.round(write) };
      printSummary(summarizeDataset(table, options.out, timings), options.json === true);
    });
  withExamples(command, [
    's4nn ingest mnist:train --out mnist-train.arrow',
    's4nn ingest train_data.csv train_data_labels.csv --shape 10x10 --value-range 0,256 --out train.arrow',
    's4nn ingest train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz --out train.parquet --json',
  ]);
}
