import type { Table } from 'apache-arrow';
import { collectCsvRows } from './csv-row-batches.js';
import type { DatasetDeclarations } from './dataset-declarations.js';
import { DatasetError } from './dataset-error.js';
import { readLabelCsv } from './read-label-csv.js';
import { checkLabel, lengthMismatch } from './row-errors.js';

/** One split in the notebook's layout: a features CSV and a labels CSV, header row each. */
export interface NotebookCsvSource extends DatasetDeclarations {
  /** Features file: header row, then one sample per row (e.g. `train_data.csv`). */
  features: string;
  /** Labels file: header row, then one label per row (e.g. `train_data_labels.csv`). */
  labels: string;
}

/**
 * Reads one split of the notebook's CSV layout into a dataset table, features in the smallest
 * element type that holds every value (see {@link streamNotebookCsv} for files larger than memory).
 *
 * @example
 * ```ts
 * const train = await readNotebookCsv({
 *   features: 'train_data.csv', labels: 'train_data_labels.csv', shape: [10, 10], valueRange: [0, 256],
 * });
 * ```
 */
export async function readNotebookCsv(source: NotebookCsvSource): Promise<Table> {
  const labels = await readLabelCsv(source.labels);
  return collectCsvRows(notebookRows(source, labels), source.labels, (rows) => {
    if (rows < labels.length)
      throw lengthMismatch(source.features, rows, source.labels, labels.length);
  });
}

/** The row options of a notebook split whose labels are already read (4 bytes a sample). */
export function notebookRows(source: NotebookCsvSource, labels: Int32Array) {
  return {
    ...source,
    file: source.features,
    labelColumn: () => -1,
    labelOf: (_values: Float64Array, row: number, line: number) => {
      if (row === labels.length) {
        throw new DatasetError(
          source.features,
          `line ${line}`,
          `label and feature files of different lengths: more feature rows than the ${labels.length} labels in ${source.labels}`,
        );
      }
      return labels[row];
    },
  };
}

/** A single CSV whose columns are the features plus one named label column. */
export interface LabeledCsvSource extends DatasetDeclarations {
  path: string;
  /** Header name of the label column. Default `'label'`. */
  labelColumn?: string;
}

/**
 * Reads a single CSV with a header row and a named label column; every other column is a
 * feature, in file order, in the smallest element type that holds every value.
 *
 * @example
 * ```ts
 * const table = await readLabeledCsv({ path: 'digits.csv', labelColumn: 'digit' });
 * ```
 */
export async function readLabeledCsv(source: LabeledCsvSource): Promise<Table> {
  return collectCsvRows(labeledRows(source), source.path);
}

/** The row options of a single CSV whose label is the column named `source.labelColumn`. */
export function labeledRows(source: LabeledCsvSource) {
  const labelName = source.labelColumn ?? 'label';
  let labelIndex = -1;
  return {
    ...source,
    file: source.path,
    labelColumn: (columns: string[]) => {
      labelIndex = columns.indexOf(labelName);
      if (labelIndex < 0) {
        throw new DatasetError(
          source.path,
          'line 1',
          `no label column '${labelName}' in header [${columns.join(', ')}]`,
        );
      }
      return labelIndex;
    },
    labelOf: (values: Float64Array, _row: number, line: number) => {
      checkLabel(values[labelIndex], source.path, line);
      return values[labelIndex];
    },
  };
}
