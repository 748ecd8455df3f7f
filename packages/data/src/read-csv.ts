import type { Table } from 'apache-arrow';
import { DatasetBuilder, type DatasetDeclarations } from './dataset-builder.js';
import { DatasetError } from './dataset-error.js';
import { readNumericCsv } from './numeric-csv.js';
import { readLabelCsv } from './read-label-csv.js';

/** One split in the notebook's layout: a features CSV and a labels CSV, header row each. */
export interface NotebookCsvSource extends DatasetDeclarations {
  /** Features file: header row, then one sample per row (e.g. `train_data.csv`). */
  features: string;
  /** Labels file: header row, then one label per row (e.g. `train_data_labels.csv`). */
  labels: string;
}

/**
 * Reads one split of the notebook's CSV layout into a dataset table.
 *
 * @example
 * ```ts
 * const train = await readNotebookCsv({
 *   features: 'train_data.csv', labels: 'train_data_labels.csv', shape: [10, 10], valueRange: [0, 256],
 * });
 * ```
 */
export async function readNotebookCsv(source: NotebookCsvSource): Promise<Table> {
  // The header row fixes the width D: a data row of any other length is ragged.
  let builder: DatasetBuilder | undefined;
  await readNumericCsv(
    source.features,
    (values, fieldCount, line) => builder!.addFeatures(values, fieldCount, -1, line),
    (columns) => (builder = new DatasetBuilder(source.features, columns.length, source)),
  );
  if (!builder || builder.rows === 0)
    throw new DatasetError(source.features, '', 'no data rows after the header');
  builder.addLabels(await readLabelCsv(source.labels));
  return builder.finish(source.labels);
}

/** A single CSV whose columns are the features plus one named label column. */
export interface LabeledCsvSource extends DatasetDeclarations {
  path: string;
  /** Header name of the label column. Default `'label'`. */
  labelColumn?: string;
}

/**
 * Reads a single CSV with a header row and a named label column; every other column is a
 * feature, in file order.
 *
 * @example
 * ```ts
 * const table = await readLabeledCsv({ path: 'digits.csv', labelColumn: 'digit' });
 * ```
 */
export async function readLabeledCsv(source: LabeledCsvSource): Promise<Table> {
  const labelName = source.labelColumn ?? 'label';
  let labelIndex = -1;
  let builder: DatasetBuilder | undefined;
  const onHeader = (columns: string[]) => {
    labelIndex = columns.indexOf(labelName);
    if (labelIndex < 0) {
      throw new DatasetError(
        source.path,
        'line 1',
        `no label column '${labelName}' in header [${columns.join(', ')}]`,
      );
    }
    builder = new DatasetBuilder(source.path, columns.length - 1, source);
  };
  await readNumericCsv(
    source.path,
    (values, fieldCount, line) => {
      builder!.addFeatures(values, fieldCount, labelIndex, line);
      builder!.addLabel(values[labelIndex], source.path, line);
    },
    onHeader,
  );
  if (!builder || builder.rows === 0)
    throw new DatasetError(source.path, '', 'no data rows after the header');
  return builder.finish(source.path);
}
