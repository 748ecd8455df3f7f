import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { readDataset } from '@s4nn/data';
import { summarizeDataset } from '../dataset-summary.js';
import { requireFiles } from '../files.js';
import { withExamples } from '../help-examples.js';
import { printSummary } from '../print-summary.js';

/** `s4nn info <file>`: the summary of `s4nn ingest` for an existing dataset file. */
export function registerInfo(program: Command): void {
  const command = program
    .command('info')
    .summary('summarise a dataset file')
    .description(
      'Reads a dataset file (.arrow, .parquet, .csv, MNIST IDX) and prints rows, shape, ' +
        'classes and counts, value range and time taken.',
    )
    .argument('<file>', 'the dataset file')
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      requireFiles([file]);
      const started = performance.now();
      const table = await readDataset(file);
      const timings = { read: Math.round(performance.now() - started) };
      printSummary(summarizeDataset(table, file, timings), options.json === true);
    });
  withExamples(command, ['s4nn info mnist-train.arrow', 's4nn info train.parquet --json']);
}
