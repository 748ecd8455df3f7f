import { createReadStream } from 'node:fs';
import type { RecordBatch } from 'apache-arrow';
import {
  allocateFeatures,
  makeDataset,
  smallestFeatureType,
  type FeatureArray,
  type FeatureType,
} from './dataset.js';
import { DatasetError } from './dataset-error.js';
import { NumericCsvParser } from './numeric-csv.js';
import type { NotebookCsvSource } from './read-csv.js';
import { readLabelCsv } from './read-label-csv.js';
import { classNamesFor, lengthMismatch, outOfRange, raggedRow, shapeFor } from './row-errors.js';

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
  options: { batchRows?: number } = {},
): AsyncGenerator<RecordBatch> {
  const batchRows = options.batchRows ?? 16384;
  const [low, high] = source.valueRange;
  const type = source.featureType ?? smallestFeatureType(source.valueRange, true);
  const integral = type !== 'float32';
  const labels = await readLabelCsv(source.labels);
  let maxLabel = -1;
  for (const label of labels) if (label > maxLabel) maxLabel = label;
  const classNames = classNamesFor(maxLabel, source.classNames, source.labels);

  const ready: RecordBatch[] = [];
  let width = 0;
  let shape: number[] = [];
  let features: FeatureArray = new Uint8Array(0);
  let rowInBatch = 0;
  let rows = 0;
  const flush = () => {
    const batchLabels = labels.subarray(rows - rowInBatch, rows);
    const batchFeatures = features.subarray(0, rowInBatch * width);
    ready.push(
      makeDataset({
        features: batchFeatures,
        labels: batchLabels,
        shape,
        valueRange: source.valueRange,
        classNames,
      }).batches[0],
    );
    features = allocateFeatures(type, batchRows * width);
    rowInBatch = 0;
  };
  const parser = new NumericCsvParser(
    source.features,
    (values, fieldCount, line) => {
      if (fieldCount !== width) throw raggedRow(source.features, line, fieldCount, width);
      if (rows === labels.length) {
        throw new DatasetError(
          source.features,
          `line ${line}`,
          `label and feature files of different lengths: more feature rows than the ${labels.length} labels in ${source.labels}`,
        );
      }
      const base = rowInBatch * width;
      for (let column = 0; column < width; column++) {
        const value = values[column];
        if (value < low || value > high)
          throw outOfRange(source.features, line, column, value, low, high);
        if (integral && !Number.isInteger(value)) {
          throw new DatasetError(
            source.features,
            `line ${line}`,
            `column ${column + 1}: value ${value} is not an integer, but the features are ${type} (declare featureType 'float32')`,
          );
        }
        features[base + column] = value;
      }
      rowInBatch++;
      rows++;
      if (rowInBatch === batchRows) flush();
    },
    (columns) => {
      width = columns.length;
      shape = shapeFor(source.shape, width, source.features);
      features = allocateFeatures(type, batchRows * width);
    },
  );
  for await (const chunk of createReadStream(source.features, { highWaterMark: 1 << 20 })) {
    parser.push(chunk as Buffer);
    yield* ready.splice(0);
  }
  parser.end();
  if (rows === 0) throw new DatasetError(source.features, '', 'no data rows after the header');
  if (rows < labels.length)
    throw lengthMismatch(source.features, rows, source.labels, labels.length);
  if (rowInBatch > 0) flush();
  yield* ready.splice(0);
}
