import { createReadStream } from 'node:fs';
import type { Table } from 'apache-arrow';
import type { DatasetDeclarations } from './dataset-declarations.js';
import {
  allocateFeatures,
  concatRows,
  INTEGER_FEATURE_MAX,
  makeDataset,
  smallestFeatureType,
  type FeatureArray,
  type FeatureType,
} from './dataset.js';
import { DatasetError } from './dataset-error.js';
import { NumericCsvParser } from './numeric-csv.js';
import { classNamesFor, outOfRange, raggedRow, shapeFor } from './row-errors.js';

/** Up to `batchRows` rows of a CSV: n x D features and n labels, fresh arrays the caller keeps. */
export interface RowBatch {
  features: FeatureArray;
  labels: Int32Array;
}

/** How {@link CsvRowBatches} reads one features CSV. */
export interface CsvRowBatchOptions extends DatasetDeclarations {
  /** The features file; names every error. */
  file: string;
  /** Element type of the batches' features: fixed up front, since batches leave before the end. */
  type: FeatureType;
  batchRows: number;
  /** Index of the label column in the header, or -1 when the labels come from elsewhere. */
  labelColumn(columns: string[]): number;
  /** The (checked) label of data row `row` (0-based) at `line`, from `values` or elsewhere. */
  labelOf(values: Float64Array, row: number, line: number): number;
}

/**
 * The one path from a numeric CSV to dataset rows, shared by the whole-table and the streaming
 * CSV readers: parses 1 MiB chunks, checks every row (width, declared range, integrality when
 * the element type is an integer type) and hands out batches of `batchRows` rows, so memory
 * holds one batch and one chunk of text. It also tracks what a whole-table reader needs once
 * all rows are in: the observed range, whether every value is an integer, the largest label.
 */
export class CsvRowBatches {
  rows = 0;
  width = 0;
  shape: number[] = [];
  min = Infinity;
  max = -Infinity;
  allIntegers = true;
  maxLabel = -1;

  constructor(private readonly options: CsvRowBatchOptions) {
    if (!(Number.isInteger(options.batchRows) && options.batchRows > 0)) {
      throw new RangeError(`batchRows must be a positive integer, got ${options.batchRows}`);
    }
    // The range check is what keeps an integer array from wrapping a value silently (256 -> 0).
    if (options.type !== 'float32') {
      const [low, high] = options.valueRange ?? [-Infinity, Infinity];
      const max = INTEGER_FEATURE_MAX[options.type];
      if (low < 0 || high > max) {
        throw new DatasetError(
          options.file,
          '',
          `featureType '${options.type}' holds integers in [0, ${max}], but the declared valueRange is [${low}, ${high}]`,
        );
      }
    }
  }

  /** Yields the batches in file order; throws a {@link DatasetError} at the first bad row. */
  async *batches(): AsyncGenerator<RowBatch> {
    const { file, type, batchRows, labelOf } = this.options;
    const integral = type !== 'float32';
    const [low, high] = this.options.valueRange ?? [-Infinity, Infinity];
    const ready: RowBatch[] = [];
    let labelIndex = -1;
    let fields = 0;
    let features: FeatureArray = allocateFeatures(type, 0);
    let labels = new Int32Array(0);
    let inBatch = 0;
    const flush = () => {
      ready.push({
        features: features.subarray(0, inBatch * this.width),
        labels: labels.subarray(0, inBatch),
      });
      features = allocateFeatures(type, batchRows * this.width);
      labels = new Int32Array(batchRows);
      inBatch = 0;
    };
    const parser = new NumericCsvParser(
      file,
      (values, fieldCount, line) => {
        if (fieldCount !== fields) throw raggedRow(file, line, fieldCount, fields);
        const label = labelOf(values, this.rows, line);
        let out = inBatch * this.width;
        for (let column = 0; column < fieldCount; column++) {
          if (column === labelIndex) continue;
          const value = values[column];
          if (value < low || value > high) throw outOfRange(file, line, column, value, low, high);
          if (value < this.min) this.min = value;
          if (value > this.max) this.max = value;
          if (!Number.isInteger(value)) {
            if (integral) throw notInteger(file, line, column, value, type);
            this.allIntegers = false;
          }
          features[out++] = value;
        }
        labels[inBatch++] = label;
        if (label > this.maxLabel) this.maxLabel = label;
        this.rows++;
        if (inBatch === batchRows) flush();
      },
      (columns) => {
        labelIndex = this.options.labelColumn(columns);
        fields = columns.length;
        this.width = fields - (labelIndex >= 0 ? 1 : 0);
        this.shape = shapeFor(this.options.shape, this.width, file);
        features = allocateFeatures(type, batchRows * this.width);
        labels = new Int32Array(batchRows);
      },
    );
    // A bad row fails only after the batches completed before it were handed out.
    let failure: unknown;
    try {
      for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
        parser.push(chunk as Buffer);
        yield* ready.splice(0);
      }
      parser.end();
    } catch (error) {
      failure = error;
    }
    yield* ready.splice(0);
    if (failure) throw failure;
    if (this.rows === 0) throw new DatasetError(file, '', 'no data rows after the header');
    if (inBatch > 0) flush();
    yield* ready.splice(0);
  }
}

/**
 * Reads every batch (Float32, which holds every value the smallest type could) and builds the
 * whole table in the smallest element type for the observed or declared range: the whole-table
 * CSV readers are "collect the stream". Peak memory: the Float32 batches plus the result.
 * `check` runs after the last row (e.g. label and feature counts); `labelFile` names labels.
 */
export async function collectCsvRows(
  options: Omit<CsvRowBatchOptions, 'type' | 'batchRows'>,
  labelFile: string,
  check: (rows: number) => void = () => undefined,
): Promise<Table> {
  const reader = new CsvRowBatches({ ...options, type: 'float32', batchRows: 1 << 14 });
  const parts: RowBatch[] = [];
  for await (const batch of reader.batches()) parts.push(batch);
  check(reader.rows);
  const observed: [number, number] = [reader.min, reader.max];
  const valueRange = options.valueRange ?? observed;
  const type = smallestFeatureType(valueRange, reader.allIntegers);
  const { features, labels } = concatRows(parts, reader.width, type);
  const classNames = classNamesFor(reader.maxLabel, options.classNames, labelFile);
  return makeDataset({ features, labels, shape: reader.shape, valueRange, classNames });
}

function notInteger(
  file: string,
  line: number,
  column: number,
  value: number,
  type: FeatureType,
): DatasetError {
  return new DatasetError(
    file,
    `line ${line}`,
    `column ${column + 1}: value ${value} is not an integer, but the features are ${type} (declare featureType 'float32')`,
  );
}
