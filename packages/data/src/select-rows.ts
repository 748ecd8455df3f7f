import type { Table } from 'apache-arrow';
import { allocateFeatures, featureTypeOf, makeDataset, type DatasetMeta } from './dataset.js';
import type { DatasetView } from './dataset-view.js';

/**
 * A new dataset of the rows `rows` (ascending or not) of `view`, with `labels[k]` as the label
 * of the k-th selected row. Consecutive rows are copied as one block, so selecting most of a
 * dataset costs a few large copies rather than one per sample.
 */
export function selectRows(
  view: DatasetView,
  rows: Int32Array,
  labels: Int32Array,
  meta: DatasetMeta,
): Table {
  const { width } = view;
  const features = allocateFeatures(featureTypeOf(view.features), rows.length * width);
  let k = 0;
  while (k < rows.length) {
    let end = k + 1;
    while (end < rows.length && rows[end] === rows[end - 1] + 1) end++;
    features.set(view.features.subarray(rows[k] * width, (rows[end - 1] + 1) * width), k * width);
    k = end;
  }
  return makeDataset({ ...meta, features, labels });
}
