import type { Table } from 'apache-arrow';
import { readArrow } from './arrow-ipc.js';
import type { DatasetDeclarations } from './dataset-builder.js';
import { DatasetError } from './dataset-error.js';
import { readParquet } from './parquet.js';
import {
  readLabeledCsv,
  readNotebookCsv,
  type LabeledCsvSource,
  type NotebookCsvSource,
} from './read-csv.js';
import { readIdx, type IdxSource } from './read-idx.js';

/** A single file, read by its extension, with what may be declared about a CSV. */
export interface FileSource extends DatasetDeclarations {
  path: string;
  /** For a `.csv`: header name of the label column. Default `'label'`. */
  labelColumn?: string;
}

/**
 * Anything {@link readDataset} reads: a path, a notebook-layout pair, an IDX pair, or a
 * single file with declarations.
 */
export type DatasetSource = string | FileSource | NotebookCsvSource | IdxSource;

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
  const resolved = typeof source === 'string' ? { path: source } : source;
  if ('features' in resolved) return readNotebookCsv(resolved);
  if ('images' in resolved) return readIdx(resolved);
  const path = resolved.path;
  const lower = path.toLowerCase();
  if (lower.endsWith('.csv')) return readLabeledCsv(resolved satisfies LabeledCsvSource);
  if (/\.(arrow|arrows|ipc|feather)$/.test(lower)) return readArrow(path);
  if (lower.endsWith('.parquet')) return readParquet(path);
  if (/images-idx3-ubyte(\.gz)?$/.test(lower)) {
    const labels = path.replace(/images-idx3-ubyte/i, 'labels-idx1-ubyte');
    return readIdx({ images: path, labels });
  }
  throw new DatasetError(
    path,
    '',
    'unknown dataset format: expected .csv, .arrow, .arrows, .ipc, .feather, .parquet or *-images-idx3-ubyte[.gz]',
  );
}
