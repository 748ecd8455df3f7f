import type { Table } from 'apache-arrow';
import { datasetView } from '@s4nn/data';

/** What `s4nn ingest` and `s4nn info` report about a dataset (also their `--json` output). */
export interface DatasetSummary {
  /** The dataset file described. */
  file: string;
  rows: number;
  /** Shape of one sample, e.g. `[28, 28]`. */
  shape: number[];
  /** Values per sample (the product of `shape`). */
  width: number;
  /** Element type of the features column, e.g. `Uint8`. */
  valueType: string;
  /** Range declared in the file's metadata, and the smallest and largest value present. */
  valueRange: { declared: [number, number]; observed: [number, number] | null };
  /** One entry per label value present or named, in label order. */
  classes: { label: number; name: string; count: number }[];
  /** Wall time of each step, in milliseconds (e.g. `{ read: 310, write: 95 }`). */
  timings: Record<string, number>;
}

/**
 * Describes a dataset table. One pass over the features for the observed range, one over the
 * labels for the counts.
 *
 * @example
 * ```ts
 * const summary = summarizeDataset(await readDataset('mnist.arrow'), 'mnist.arrow', { read: 40 });
 * ```
 */
export function summarizeDataset(
  table: Table,
  file: string,
  timings: Record<string, number>,
): DatasetSummary {
  const view = datasetView(table, file);
  return {
    file,
    rows: view.count,
    shape: view.shape,
    width: view.width,
    valueType: elementTypeName(table),
    valueRange: { declared: view.valueRange, observed: observedRange(view.features) },
    classes: classCounts(view.labels, view.classNames),
    timings,
  };
}

// The features column is a fixed-size list (checked by datasetView): its one child holds the values.
function elementTypeName(table: Table): string {
  const list = table.schema.fields.find((field) => field.name === 'features')?.type;
  return String(list?.children[0]?.type);
}

function observedRange(values: ArrayLike<number>): [number, number] | null {
  if (values.length === 0) return null;
  let min = values[0];
  let max = values[0];
  for (let i = 1; i < values.length; i++) {
    const value = values[i];
    if (value < min) min = value;
    else if (value > max) max = value;
  }
  return [min, max];
}

function classCounts(labels: Int32Array, classNames: readonly string[]): DatasetSummary['classes'] {
  let maxLabel = classNames.length - 1;
  for (let i = 0; i < labels.length; i++) if (labels[i] > maxLabel) maxLabel = labels[i];
  const counts = new Array<number>(maxLabel + 1).fill(0);
  for (let i = 0; i < labels.length; i++) counts[labels[i]]++;
  return counts.map((count, label) => ({ label, name: classNames[label] ?? String(label), count }));
}
