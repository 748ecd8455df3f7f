import type { RecordBatch, Table } from 'apache-arrow';
import { readArrow, streamArrow } from './arrow-ipc.js';
import type { FeatureType } from './dataset.js';
import type { DatasetDeclarations } from './dataset-declarations.js';
import { DatasetError } from './dataset-error.js';
import { readParquet, streamParquet } from './parquet.js';
import {
  readLabeledCsv,
  readNotebookCsv,
  type LabeledCsvSource,
  type NotebookCsvSource,
} from './read-csv.js';
import { readIdx, streamIdx, type IdxSource } from './read-idx.js';
import { streamLabeledCsv, streamNotebookCsv, type StreamOptions } from './stream-csv.js';

/** A single file, read by its extension, with what may be declared about a CSV. */
export interface FileSource extends DatasetDeclarations {
  path: string;
  /** For a `.csv`: header name of the label column. Default `'label'`. */
  labelColumn?: string;
  /** For a streamed `.csv`: element type of the features (see {@link streamLabeledCsv}). */
  featureType?: FeatureType;
}

/**
 * Anything {@link readDataset} reads: a path, a notebook-layout pair, an IDX pair, or a
 * single file with declarations.
 */
export type DatasetSource = string | FileSource | NotebookCsvSource | IdxSource;

/** What a source is, told by its fields or its file name: one rule for reading and streaming. */
type ResolvedSource =
  | { format: 'notebook'; source: NotebookCsvSource }
  | { format: 'idx'; source: IdxSource }
  | { format: 'csv'; source: LabeledCsvSource & { featureType?: FeatureType } }
  | { format: 'arrow' | 'parquet'; path: string };

function resolveSource(source: DatasetSource): ResolvedSource {
  const resolved = typeof source === 'string' ? { path: source } : source;
  if ('features' in resolved) return { format: 'notebook', source: resolved };
  if ('images' in resolved) return { format: 'idx', source: resolved };
  const path = resolved.path;
  const lower = path.toLowerCase();
  if (lower.endsWith('.csv')) return { format: 'csv', source: resolved };
  if (/\.(arrow|arrows|ipc|feather)$/.test(lower)) return { format: 'arrow', path };
  if (lower.endsWith('.parquet')) return { format: 'parquet', path };
  if (/images-idx3-ubyte(\.gz)?$/.test(lower)) {
    const labels = path.replace(/images-idx3-ubyte/i, 'labels-idx1-ubyte');
    return { format: 'idx', source: { images: path, labels } };
  }
  throw new DatasetError(
    path,
    '',
    'unknown dataset format: expected .csv, .arrow, .arrows, .ipc, .feather, .parquet or *-images-idx3-ubyte[.gz]',
  );
}

/**
 * Reads a dataset from any supported source into a table of one record batch.
 *
 * A path is read by its extension: `.csv` (a single CSV with a `label` column), `.arrow`,
 * `.arrows`, `.ipc`, `.feather` (Arrow IPC file or stream), `.parquet`, or an MNIST images file
 * `*-images-idx3-ubyte[.gz]`, whose labels file is the same name with `labels`/`idx1`.
 * For the notebook's layout pass `{ features, labels }`, for IDX `{ images, labels }`.
 *
 * @example
 * ```ts
 * const mnist = await readDataset('data/train-images-idx3-ubyte.gz');
 * const notebook = await readDataset({ features: 'train_data.csv', labels: 'train_data_labels.csv' });
 * ```
 */
export async function readDataset(source: DatasetSource): Promise<Table> {
  const resolved = resolveSource(source);
  switch (resolved.format) {
    case 'notebook':
      return readNotebookCsv(resolved.source);
    case 'idx':
      return readIdx(resolved.source);
    case 'csv':
      return readLabeledCsv(resolved.source);
    case 'arrow':
      return readArrow(resolved.path);
    case 'parquet':
      return readParquet(resolved.path);
  }
}

/**
 * Streams a dataset from any source {@link readDataset} reads, as record batches of the same
 * numbers, with bounded memory: the same dispatch onto {@link streamNotebookCsv},
 * {@link streamLabeledCsv}, {@link streamIdx}, {@link streamArrow} and {@link streamParquet}.
 * A CSV needs its value range declared (and a single CSV its class names too), since every
 * batch carries them; Arrow batches come as they are stored (`batchRows` does not apply).
 *
 * @example
 * ```ts
 * await writeArrowBatches(streamDataset({ features, labels, valueRange: [0, 256] }), 'train.arrow');
 * ```
 */
export async function* streamDataset(
  source: DatasetSource,
  options: StreamOptions = {},
): AsyncGenerator<RecordBatch> {
  const resolved = resolveSource(source);
  switch (resolved.format) {
    case 'notebook': {
      const { valueRange } = resolved.source;
      if (!valueRange) throw undeclared(resolved.source.features, 'valueRange');
      yield* streamNotebookCsv({ ...resolved.source, valueRange }, options);
      return;
    }
    case 'idx':
      yield* streamIdx(resolved.source, options);
      return;
    case 'csv': {
      const { valueRange, classNames, path } = resolved.source;
      if (!valueRange) throw undeclared(path, 'valueRange');
      if (!classNames) throw undeclared(path, 'classNames');
      yield* streamLabeledCsv({ ...resolved.source, valueRange, classNames }, options);
      return;
    }
    case 'arrow':
      yield* streamArrow(resolved.path);
      return;
    case 'parquet':
      yield* streamParquet(resolved.path, options);
      return;
  }
}

function undeclared(file: string, field: string): DatasetError {
  return new DatasetError(
    file,
    '',
    `streaming a CSV needs a declared ${field}: every record batch carries it before all rows are read`,
  );
}
