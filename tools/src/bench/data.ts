/**
 * Bench section `data`: MNIST IDX -> Arrow, notebook-layout CSV ingestion, the CSV -> Arrow
 * cache, Arrow IPC and Parquet write/read. Each figure is the best of a few runs (the machine's
 * 2 cores are shared, so single runs are noisy). Targets (issue 2): MNIST train ingested in
 * under 1 s; CSV at least 50 MB/s.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  bundledMnistPaths,
  datasetView,
  readArrow,
  readDatasetCached,
  readIdx,
  readNotebookCsv,
  readParquet,
  streamNotebookCsv,
  writeArrowBatches,
  writeArrow,
  writeParquet,
} from '@s4nn/data';
import { NOTEBOOK_FILES, writeNotebookCsv } from '../make-notebook-csv.js';
import type { BenchRow, BenchSection } from './table.js';

async function bestMs(runs: number, work: () => Promise<unknown>): Promise<number> {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

export const dataBench: BenchSection = async () => {
  const dir = mkdtempSync(join(tmpdir(), 's4nn-bench-data-'));
  try {
    const rows: BenchRow[] = [];
    const row = (name: string, value: number, unit: string, note?: string) =>
      rows.push({ section: 'data', case: name, value, unit, note });

    const mnistMs = await bestMs(3, async () =>
      datasetView(await readIdx(bundledMnistPaths('train'))),
    );
    row('MNIST IDX -> Arrow (60000 x 784)', round(mnistMs), 'ms', 'target < 1000 ms');
    const mnist = await readIdx(bundledMnistPaths('train'));

    const arrowPath = join(dir, 'mnist.arrow');
    row(
      'Arrow IPC write (MNIST train, 47 MB)',
      round(await bestMs(3, () => writeArrow(mnist, arrowPath))),
      'ms',
    );
    row(
      'Arrow IPC read (MNIST train)',
      round(await bestMs(3, async () => datasetView(await readArrow(arrowPath)))),
      'ms',
      'zero-copy view on the file buffer',
    );

    // The notebook's own training split: 36017 samples x 100 spike times, about 13 MB of CSV.
    const csvDir = join(dir, 'notebook');
    await writeNotebookCsv({ outDir: csvDir });
    const source = {
      features: join(csvDir, NOTEBOOK_FILES.train.features),
      labels: join(csvDir, NOTEBOOK_FILES.train.labels),
      shape: [10, 10],
      valueRange: [0, 256] as [number, number],
    };
    const bytes = statSync(source.features).size + statSync(source.labels).size;
    const csvMs = await bestMs(3, async () => datasetView(await readNotebookCsv(source)));
    row(
      `notebook CSV ingestion (36017 x 100, ${(bytes / 1e6).toFixed(1)} MB)`,
      round(bytes / 1e6 / (csvMs / 1000)),
      'MB/s',
      `target >= 50 MB/s; ${round(csvMs)} ms`,
    );
    const streamedPath = join(dir, 'streamed.arrow');
    const streamMs = await bestMs(3, () =>
      writeArrowBatches(streamNotebookCsv(source), streamedPath),
    );
    row(
      'notebook CSV -> Arrow file, streamed',
      round(bytes / 1e6 / (streamMs / 1000)),
      'MB/s',
      `bounded memory; ${round(streamMs)} ms`,
    );
    const cacheDir = join(dir, 'cache');
    await readDatasetCached(source, { cacheDir });
    row(
      'notebook CSV via cache (hit)',
      round(
        await bestMs(3, async () =>
          datasetView((await readDatasetCached(source, { cacheDir })).table),
        ),
      ),
      'ms',
    );

    const notebook = await readNotebookCsv(source);
    const parquetPath = join(dir, 'notebook.parquet');
    row(
      'Parquet write (notebook train)',
      round(await bestMs(2, () => writeParquet(notebook, parquetPath))),
      'ms',
      'parquet-wasm',
    );
    row(
      'Parquet read (notebook train)',
      round(await bestMs(2, async () => datasetView(await readParquet(parquetPath)))),
      'ms',
      'parquet-wasm',
    );
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
