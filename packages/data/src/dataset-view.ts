import type { Table } from 'apache-arrow';
import {
  concatRows,
  featureTypeOf,
  makeDataset,
  readMeta,
  type DatasetMeta,
  type FeatureArray,
} from './dataset.js';

/** Zero-copy numeric access to a dataset, for hot loops. */
export interface DatasetView extends DatasetMeta {
  /** Number of samples n. */
  count: number;
  /** Values per sample D (the product of `shape`). */
  width: number;
  /** n x D values, row-major: sample i is `features.subarray(i * width, (i + 1) * width)`. */
  features: FeatureArray;
  /** n labels. */
  labels: Int32Array;
}

const views = new WeakMap<Table, DatasetView>();

/**
 * The typed arrays under a dataset table. With one record batch (what every reader of this
 * package returns) they are views on the table's own buffers, no copy. A table of several
 * record batches (e.g. built by the caller from a stream) is concatenated once, and the result
 * is cached per table, so call this outside the hot loop and keep the view.
 *
 * @example
 * ```ts
 * const { count, width, features, labels } = datasetView(await readDataset('mnist.arrow'));
 * for (let i = 0; i < count; i++) use(features.subarray(i * width, (i + 1) * width), labels[i]);
 * ```
 */
export function datasetView(table: Table, source = '<table>'): DatasetView {
  const cached = views.get(table);
  if (cached) return cached;
  const meta = readMeta(table, source);
  const view =
    table.batches.length === 1
      ? viewOfSingleBatch(table, meta)
      : viewOfSingleBatch(compact(table, meta), meta);
  views.set(table, view);
  return view;
}

/**
 * The same dataset as a table of exactly one record batch (the table itself when it already
 * is one), so that its columns are single contiguous typed arrays.
 */
export function compactDataset(table: Table, source = '<table>'): Table {
  return table.batches.length === 1 ? table : compact(table, readMeta(table, source));
}

function compact(table: Table, meta: DatasetMeta): Table {
  const width = meta.shape.reduce((a, b) => a * b, 1);
  const parts = table.batches.map((batch) =>
    batchArrays(batch.getChild('features')!.data[0], batch.getChild('label')!.data[0], width),
  );
  const type = parts.length > 0 ? featureTypeOf(parts[0].features) : 'float32';
  return makeDataset({ ...meta, ...concatRows(parts, width, type) });
}

function viewOfSingleBatch(table: Table, meta: DatasetMeta): DatasetView {
  const width = meta.shape.reduce((a, b) => a * b, 1);
  const batch = table.batches[0];
  const { features, labels } = batch
    ? batchArrays(batch.getChild('features')!.data[0], batch.getChild('label')!.data[0], width)
    : { features: new Float32Array(0), labels: new Int32Array(0) };
  return { ...meta, count: labels.length, width, features, labels };
}

interface ColumnData {
  length: number;
  values: unknown;
  children: ColumnData[];
}

// Arrow JS keeps primitive `values` already sliced to the data's own rows, so a view of the
// right length is all that is needed.
function batchArrays(featureData: ColumnData, labelData: ColumnData, width: number) {
  const count = labelData.length;
  const features = (featureData.children[0].values as FeatureArray).subarray(0, count * width);
  const labels = (labelData.values as Int32Array).subarray(0, count);
  return { features, labels };
}
