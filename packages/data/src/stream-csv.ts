import type { RecordBatch } from 'apache-arrow';
import { CsvRowBatches, type RowBatch } from './csv-row-batches.js';
import { DatasetError } from './dataset-error.js';
import { makeDataset, smallestFeatureType, type FeatureType } from './dataset.js';
import {
  labeledRows,
  notebookRows,
  type LabeledCsvSource,
  type NotebookCsvSource,
} from './read-csv.js';
import { readLabelCsv } from './read-label-csv.js';
import { classNamesFor, lengthMismatch } from './row-errors.js';

/** Options of every streaming reader. */
export interface StreamOptions {
  /** Samples per record batch (the last may hold fewer). Default 16384. */
  batchRows?: number;
}

const DEFAULT_BATCH_ROWS = 16384;

/** A notebook-layout source to stream: the value range must be declared. */
export interface StreamedNotebookCsvSource extends NotebookCsvSource {
  valueRange: [number, number];
  /** Element type of the features; default the smallest that holds integers in `valueRange`. */
  featureType?: FeatureType;
}

/**
 * Streams one split of the notebook's CSV layout as record batches of at most `batchRows`
 * samples, with bounded memory: one batch and one 1 MiB chunk of text at a time (plus the
 * labels, 4 bytes a sample). Every batch carries the dataset's schema and metadata, so the
 * batches written in order (e.g. by {@link writeArrowBatches}) form a dataset file.
 *
 * The element type is fixed before the first batch, so it comes from the declared `valueRange`
 * (integers, e.g. spike times `[0, 256]` -> uint16) or from `featureType`; a value that does not
 * fit it fails with its line. Errors may come after some batches were yielded: a consumer must
 * treat the batches as a whole only once the iteration completes.
 *
 * @example
 * ```ts
 * for await (const batch of streamNotebookCsv({ features, labels, valueRange: [0, 256] })) use(batch);
 * ```
 */
export async function* streamNotebookCsv(
  source: StreamedNotebookCsvSource,
  options: StreamOptions = {},
): AsyncGenerator<RecordBatch> {
  const labels = await readLabelCsv(source.labels);
  let maxLabel = -1;
  for (const label of labels) if (label > maxLabel) maxLabel = label;
  const classNames = classNamesFor(maxLabel, source.classNames, source.labels);
  const reader = new CsvRowBatches({
    ...notebookRows(source, labels),
    type: source.featureType ?? smallestFeatureType(source.valueRange, true),
    batchRows: options.batchRows ?? DEFAULT_BATCH_ROWS,
  });
  for await (const batch of reader.batches()) {
    yield recordBatch(batch, reader.shape, source.valueRange, classNames);
  }
  if (reader.rows < labels.length)
    throw lengthMismatch(source.features, reader.rows, source.labels, labels.length);
}

/**
 * A single labeled CSV to stream. The value range and class names go into every batch's schema
 * before the rows are seen, so both must be declared.
 */
export interface StreamedLabeledCsvSource extends LabeledCsvSource {
  valueRange: [number, number];
  classNames: string[];
  /**
   * Element type of the features. Default `'float32'`: unlike {@link readLabeledCsv}, a stream
   * cannot pick the smallest type after seeing every row, and Float32 holds any value exactly
   * as the whole reader would. Declare `'uint8'`/`'uint16'` for integer data (a fraction then
   * fails with its line).
   */
  featureType?: FeatureType;
}

/**
 * Streams a single CSV with a named label column as record batches of at most `batchRows`
 * samples, with bounded memory (one batch and one 1 MiB chunk of text at a time). A label
 * without a class name fails with its line. Errors may come after some batches were yielded.
 *
 * @example
 * ```ts
 * const batches = streamLabeledCsv(
 *   { path: 'digits.csv', labelColumn: 'digit', valueRange: [0, 255], classNames: ['0', '1'], featureType: 'uint8' },
 *   { batchRows: 4096 },
 * );
 * await writeArrowBatches(batches, 'digits.arrow');
 * ```
 */
export async function* streamLabeledCsv(
  source: StreamedLabeledCsvSource,
  options: StreamOptions = {},
): AsyncGenerator<RecordBatch> {
  const rows = labeledRows(source);
  const classCount = source.classNames.length;
  const reader = new CsvRowBatches({
    ...rows,
    labelOf: (values, row, line) => {
      const label = rows.labelOf(values, row, line);
      if (label >= classCount) {
        throw new DatasetError(
          source.path,
          `line ${line}`,
          `label ${label} has no class name (${classCount} given)`,
        );
      }
      return label;
    },
    type: source.featureType ?? 'float32',
    batchRows: options.batchRows ?? DEFAULT_BATCH_ROWS,
  });
  for await (const batch of reader.batches()) {
    yield recordBatch(batch, reader.shape, source.valueRange, source.classNames);
  }
}

function recordBatch(
  batch: RowBatch,
  shape: number[],
  valueRange: [number, number],
  classNames: string[],
): RecordBatch {
  return makeDataset({ ...batch, shape, valueRange, classNames }).batches[0];
}
