import type { Table } from 'apache-arrow';
import { datasetView, makeDataset } from '@s4nn/data';

/**
 * The first `count` samples of a dataset table in file order, as views on the same buffers (no
 * copy); the table itself when it holds no more than `count`. `trainLimit` and `testLimit` take
 * their samples this way.
 *
 * ## Example
 * ```ts
 * const small = firstSamples(await bundledMnist('test'), 100); // 100 samples, same shape and classes
 * ```
 */
export function firstSamples(table: Table, count: number): Table {
  const view = datasetView(table);
  if (count >= view.count) return table;
  return makeDataset({
    shape: view.shape,
    valueRange: view.valueRange,
    classNames: view.classNames,
    features: view.features.subarray(0, count * view.width),
    labels: view.labels.subarray(0, count),
  });
}
