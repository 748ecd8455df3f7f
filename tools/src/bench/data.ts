/**
 * Bench section `data`: MNIST IDX -> Arrow, notebook-layout and labeled CSV ingestion, the
 * CSV -> Arrow cache, Arrow IPC and Parquet write/read, and the peak memory of streaming a large
 * generated CSV against reading it whole. Each figure is the best of a few runs (the machine's
 * 2 cores are shared, so single runs are noisy). Targets (issue 2): MNIST train ingested in
 * under 1 s; CSV at least 50 MB/s.
 */
import { fork } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  bundledMnistPaths,
  datasetView,
  readArrow,
  readDatasetCached,
  readIdx,
  readLabeledCsv,
  readNotebookCsv,
  readParquet,
  streamIdx,
  streamLabeledCsv,
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
    // Ingestion speed in MB of source file per second of wall time.
    const throughputRow = (name: string, bytes: number, ms: number, note: string) =>
      row(name, round(bytes / 1e6 / (ms / 1000)), 'MB/s', `${note}; ${round(ms)} ms`);

    const mnistMs = await bestMs(3, async () =>
      datasetView(await readIdx(bundledMnistPaths('train'))),
    );
    row('MNIST IDX -> Arrow (60000 x 784)', round(mnistMs), 'ms', 'target < 1000 ms');
    const mnist = await readIdx(bundledMnistPaths('train'));
    const mnistStreamPath = join(dir, 'mnist-streamed.arrow');
    row(
      'MNIST IDX -> Arrow file, streamed (batches of 16384)',
      round(
        await bestMs(3, () =>
          writeArrowBatches(streamIdx(bundledMnistPaths('train')), mnistStreamPath),
        ),
      ),
      'ms',
      'bounded memory',
    );

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
    throughputRow(
      `notebook CSV ingestion (36017 x 100, ${(bytes / 1e6).toFixed(1)} MB)`,
      bytes,
      csvMs,
      'target >= 50 MB/s',
    );
    const streamedPath = join(dir, 'streamed.arrow');
    const streamMs = await bestMs(3, () =>
      writeArrowBatches(streamNotebookCsv(source), streamedPath),
    );
    throughputRow('notebook CSV -> Arrow file, streamed', bytes, streamMs, 'bounded memory');
    const labeledPath = join(dir, 'labeled.csv');
    writeLabeledCsv(labeledPath, 36017, 100);
    const labeledBytes = statSync(labeledPath).size;
    const labeledMs = await bestMs(3, async () =>
      datasetView(await readLabeledCsv({ path: labeledPath })),
    );
    throughputRow(
      `labeled CSV ingestion (36017 x 100, ${(labeledBytes / 1e6).toFixed(1)} MB)`,
      labeledBytes,
      labeledMs,
      'target >= 50 MB/s',
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

    // Peak memory: each way of reading runs in a fresh process, which reports its peak RSS
    // (getrusage) minus its RSS before reading. Streaming the small labeled CSV too shows the
    // streamed peak does not grow with the file.
    const bigPath = join(dir, 'big.csv');
    writeLabeledCsv(bigPath, 850_000, 100);
    const runs: [MemoryMode, string][] = [
      ['stream', labeledPath],
      ...MEMORY_MODES.map((mode): [MemoryMode, string] => [mode, bigPath]),
    ];
    for (const [mode, csv] of runs) {
      const mb = statSync(csv).size / 1e6;
      const { peakMb, ms } = await measureInChild(mode, csv, join(dir, 'big.arrow'));
      row(
        `peak RSS growth, ${mb.toFixed(0)} MB labeled CSV, ${MEMORY_LABELS[mode]}`,
        Math.round(peakMb),
        'MB',
        `${round(mb / (ms / 1000))} MB/s`,
      );
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** A labeled CSV of `count` rows: a label 0..9, then `width` byte values (a fixed LCG). */
function writeLabeledCsv(path: string, count: number, width: number): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, `label,${Array.from({ length: width }, (_, j) => `p${j}`).join(',')}\n`);
    let state = 1;
    let lines: string[] = [];
    for (let i = 0; i < count; i++) {
      const values = [i % 10];
      for (let j = 0; j < width; j++) {
        state = (state * 1103515245 + 12345) % 2147483648;
        values.push(state % 256);
      }
      lines.push(values.join(','));
      if (lines.length === 4096 || i === count - 1) {
        writeSync(fd, `${lines.join('\n')}\n`);
        lines = [];
      }
    }
  } finally {
    closeSync(fd);
  }
}

const MEMORY_CHILD = '--memory-child';
const MEMORY_MODES = ['whole', 'stream', 'stream-to-arrow'] as const;
type MemoryMode = (typeof MEMORY_MODES)[number];
const MEMORY_LABELS: Record<MemoryMode, string> = {
  whole: 'readLabeledCsv (whole table)',
  stream: 'streamLabeledCsv (batches of 16384)',
  'stream-to-arrow': 'streamLabeledCsv -> writeArrowBatches',
};

function measureInChild(
  mode: MemoryMode,
  csv: string,
  arrow: string,
): Promise<{ peakMb: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [MEMORY_CHILD, mode, csv, arrow]);
    child.once('message', (message) => resolve(message as { peakMb: number; ms: number }));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`memory child (${mode}) exited with ${code}`));
    });
  });
}

async function memoryChild(mode: MemoryMode, csv: string, arrow: string): Promise<void> {
  const declared = {
    path: csv,
    valueRange: [0, 255] as [number, number],
    classNames: Array.from({ length: 10 }, (_, k) => String(k)),
    featureType: 'uint8' as const,
  };
  const before = process.memoryUsage().rss;
  const start = performance.now();
  if (mode === 'whole') {
    datasetView(await readLabeledCsv(declared));
  } else if (mode === 'stream') {
    for await (const batch of streamLabeledCsv(declared)) void batch.numRows;
  } else {
    await writeArrowBatches(streamLabeledCsv(declared), arrow);
  }
  const ms = performance.now() - start;
  const peakMb = (process.resourceUsage().maxRSS * 1024 - before) / 1e6;
  process.send!({ peakMb, ms });
}

if (process.argv[2] === MEMORY_CHILD) {
  const [mode, csv, arrow] = process.argv.slice(3);
  await memoryChild(mode as MemoryMode, csv, arrow);
}
