import type { Table } from 'apache-arrow';
import { DatasetError } from './dataset-error.js';
import { datasetView } from './dataset-view.js';
import { selectRows } from './select-rows.js';

/** Options of {@link split}. */
export interface SplitOptions {
  /** Share of each class that goes to validation, in [0, 1). */
  fraction: number;
  /** Uniform numbers in [0, 1) from the caller's seeded RNG: the same sequence gives the same split. */
  random: () => number;
}

/**
 * Carves a stratified validation set out of a training set: from each class, `round(fraction
 * x its count)` samples chosen by a Fisher-Yates shuffle driven by `random`. Both parts keep the
 * original sample order, labels and metadata.
 *
 * @example
 * ```ts
 * const { train, validation } = split(table, { fraction: 0.1, random: rng.next });
 * ```
 */
export function split(table: Table, options: SplitOptions): { train: Table; validation: Table } {
  const { fraction, random } = options;
  if (!(fraction >= 0 && fraction < 1)) {
    throw new DatasetError('<split>', '', `fraction must be in [0, 1), got ${fraction}`);
  }
  const view = datasetView(table);
  const rowsByClass = new Map<number, number[]>();
  for (let row = 0; row < view.count; row++) {
    const rows = rowsByClass.get(view.labels[row]);
    if (rows) rows.push(row);
    else rowsByClass.set(view.labels[row], [row]);
  }
  const inValidation = new Uint8Array(view.count);
  for (const label of [...rowsByClass.keys()].sort((a, b) => a - b)) {
    const rows = rowsByClass.get(label)!;
    const take = Math.round(fraction * rows.length);
    // Partial Fisher-Yates: the first `take` positions end up a uniform sample without replacement.
    for (let i = 0; i < take; i++) {
      const j = i + Math.floor(random() * (rows.length - i));
      [rows[i], rows[j]] = [rows[j], rows[i]];
      inValidation[rows[i]] = 1;
    }
  }
  const part = (wanted: number) => {
    const rows = Int32Array.from({ length: view.count }, (_, row) => row).filter(
      (row) => inValidation[row] === wanted,
    );
    const labels = rows.map((row) => view.labels[row]);
    return selectRows(view, rows, labels, {
      shape: view.shape,
      valueRange: view.valueRange,
      classNames: view.classNames,
    });
  };
  return { train: part(0), validation: part(1) };
}
