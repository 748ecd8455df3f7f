/**
 * Writes the notebook's 4-CSV dataset from the bundled MNIST: `train_data.csv`,
 * `train_data_labels.csv`, `data_train_test.csv`, `y_test_labels.csv` (header row each), 10x10
 * latency-encoded spike times of the digits 0-5. Load a split back with
 * `readNotebookCsv({ features, labels, shape: [10, 10], valueRange: [0, 256] })` and
 * `remap(table, [4, 1, 0, 2, 3, 5])`, as the notebook does.
 *
 * Usage: `node tools/dist/make-notebook-csv.js [--out dir] [--train-limit n] [--test-limit n]`
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { atomicWriteFile } from '@s4nn/core';
import { bundledMnist, datasetView } from '@s4nn/data';
import { notebookCsv } from './notebook-csv.js';

/** The digits the notebook keeps (its `cats` are a permutation of them). */
export const NOTEBOOK_DIGITS = [0, 1, 2, 3, 4, 5];

/** The file names of the notebook's layout, per split. */
export const NOTEBOOK_FILES = {
  train: { features: 'train_data.csv', labels: 'train_data_labels.csv' },
  test: { features: 'data_train_test.csv', labels: 'y_test_labels.csv' },
} as const;

export interface NotebookCsvOptions {
  outDir: string;
  /** At most this many training samples (after keeping digits 0-5); default all (36017). */
  trainLimit?: number;
  /** At most this many test samples; default all (6031). */
  testLimit?: number;
}

/** Writes the four files into `outDir` (each to a temporary name, then renamed); returns the sample counts. */
export async function writeNotebookCsv(
  options: NotebookCsvOptions,
): Promise<{ train: number; test: number }> {
  await mkdir(options.outDir, { recursive: true });
  const counts = { train: 0, test: 0 };
  for (const split of ['train', 'test'] as const) {
    const limit = split === 'train' ? options.trainLimit : options.testLimit;
    const text = notebookCsv(datasetView(await bundledMnist(split)), {
      digits: NOTEBOOK_DIGITS,
      limit,
    });
    await atomicWriteFile(join(options.outDir, NOTEBOOK_FILES[split].features), text.features);
    await atomicWriteFile(join(options.outDir, NOTEBOOK_FILES[split].labels), text.labels);
    counts[split] = text.count;
  }
  return counts;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'notebook-data' },
      'train-limit': { type: 'string' },
      'test-limit': { type: 'string' },
    },
  });
  const limit = (text: string | undefined, name: string) => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`--${name} must be a non-negative integer, got ${text}`);
    return n;
  };
  const counts = await writeNotebookCsv({
    outDir: values.out,
    trainLimit: limit(values['train-limit'], 'train-limit'),
    testLimit: limit(values['test-limit'], 'test-limit'),
  });
  console.log(`wrote ${counts.train} training and ${counts.test} test samples to ${values.out}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
