import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readDataset, writeArrow, writeParquet } from '@s4nn/data';
import { resolveSources } from '../dataset-sources.js';
import { summarizeDataset } from '../dataset-summary.js';
import { requireFiles } from '../files.js';
import { printSummary } from '../print-summary.js';
import { UsageError } from '../usage-error.js';
import type { IngestOptions } from './ingest.js';

const writers = {
  '.arrow': (table, path) => writeArrow(table, path, { format: 'file' }),
  '.arrows': (table, path) => writeArrow(table, path, { format: 'stream' }),
  '.parquet': writeParquet,
} satisfies Record<string, typeof writeParquet>;

/** Runs `s4nn ingest` (see `commands/ingest.ts`): reads the sources, writes the file, prints the summary. */
export async function ingestAction(sources: string[], options: IngestOptions): Promise<void> {
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
}
