import type { Table } from 'apache-arrow';
import { DatasetError } from './dataset-error.js';
import { datasetView } from './dataset-view.js';
import { selectRows } from './select-rows.js';

/** Options of {@link remap}. */
export interface RemapOptions {
  /** Throw on the first label that is not in `cats` instead of dropping the sample. */
  strict?: boolean;
  /** Names the table in errors (e.g. its file). */
  source?: string;
}

/**
 * Keeps the samples whose label is in `cats` and relabels `cats[k]` to `k`; class `k` is named
 * after the original label `cats[k]` (its class name in the table, e.g. `'4'` for MNIST digit 4).
 * Sample order is kept.
 *
 * @example
 * ```ts
 * const six = remap(mnist, [4, 1, 0, 2, 3, 5]); // digit 4 -> label 0, ..., classNames ['4','1','0','2','3','5']
 * ```
 */
export function remap(table: Table, cats: readonly number[], options: RemapOptions = {}): Table {
  const source = options.source ?? '<table>';
  const view = datasetView(table, source);
  const maxCat = Math.max(-1, ...cats);
  // newLabel[original] = k, or -1 for labels that are dropped.
  const newLabel = new Int32Array(maxCat + 1).fill(-1);
  cats.forEach((cat, k) => {
    if (!Number.isInteger(cat) || cat < 0)
      throw new DatasetError(source, '', `remap: cats[${k}] = ${cat} is not a label`);
    if (newLabel[cat] !== -1)
      throw new DatasetError(source, '', `remap: label ${cat} appears twice in cats`);
    newLabel[cat] = k;
  });
  const labelOf = (original: number) => (original <= maxCat ? newLabel[original] : -1);
  let kept = 0;
  for (let row = 0; row < view.count; row++) {
    if (labelOf(view.labels[row]) >= 0) kept++;
    else if (options.strict) {
      throw new DatasetError(
        source,
        `row ${row}`,
        `label ${view.labels[row]} is not in cats [${cats.join(', ')}]`,
      );
    }
  }
  const rows = new Int32Array(kept);
  const labels = new Int32Array(kept);
  let k = 0;
  for (let row = 0; row < view.count; row++) {
    const label = labelOf(view.labels[row]);
    if (label < 0) continue;
    rows[k] = row;
    labels[k++] = label;
  }
  const classNames = cats.map((cat) => view.classNames[cat] ?? String(cat));
  return selectRows(view, rows, labels, {
    shape: view.shape,
    valueRange: view.valueRange,
    classNames,
  });
}
