import type { Table } from 'apache-arrow';
import { allocateFeatures, makeDataset, smallestFeatureType } from './dataset.js';
import {
  checkLabel,
  classNamesFor,
  lengthMismatch,
  outOfRange,
  raggedRow,
  shapeFor,
} from './row-errors.js';

/** What a caller may declare about a dataset it reads from text. */
export interface DatasetDeclarations {
  /** Sample shape; its product must equal the number of feature columns. Default `[D]`. */
  shape?: number[];
  /** Declared `[min, max]`: a value outside fails with its line. Default: the observed range. */
  valueRange?: [number, number];
  /** Class names, one per label value. Default: `'0'..String(max label)`. */
  classNames?: string[];
}

/**
 * Collects rows of numbers (from a text reader) into a dataset table: checks the row width and
 * the declared range as it goes, and picks the smallest element type once all rows are in.
 * Rows are staged in a growing Float32Array: every integer up to 2^24 is exact there, and data
 * that is not integral in 0..65535 ends up as Float32 anyway, so staging loses nothing.
 */
export class DatasetBuilder {
  private staged = new Float32Array(1 << 16);
  private labels = new Int32Array(1 << 10);
  private count = 0;
  private labelCount = 0;
  private min = Infinity;
  private max = -Infinity;
  private allIntegers = true;
  private maxLabel = -1;

  /**
   * @param file names the features' file in errors
   * @param width D, the number of feature values per row
   */
  constructor(
    private readonly file: string,
    readonly width: number,
    private readonly declared: DatasetDeclarations,
  ) {}

  get rows(): number {
    return this.count;
  }

  /**
   * Appends the features of one row: `values[0..fieldCount)` minus the column `skip` (-1 for
   * none). `line` names the row in errors.
   */
  addFeatures(values: Float64Array, fieldCount: number, skip: number, line: number): void {
    const expected = this.width + (skip >= 0 ? 1 : 0);
    if (fieldCount !== expected) throw raggedRow(this.file, line, fieldCount, expected);
    const base = this.count * this.width;
    if (base + this.width > this.staged.length) this.staged = grow(this.staged, base + this.width);
    const range = this.declared.valueRange;
    const low = range ? range[0] : -Infinity;
    const high = range ? range[1] : Infinity;
    let out = base;
    for (let column = 0; column < fieldCount; column++) {
      if (column === skip) continue;
      const value = values[column];
      if (value < low || value > high) throw outOfRange(this.file, line, column, value, low, high);
      if (value < this.min) this.min = value;
      if (value > this.max) this.max = value;
      if (this.allIntegers && !Number.isInteger(value)) this.allIntegers = false;
      this.staged[out++] = value;
    }
    this.count++;
  }

  /** Appends one label; `file` and `line` name it in errors. */
  addLabel(value: number, file: string, line: number): void {
    checkLabel(value, file, line);
    if (this.labelCount === this.labels.length)
      this.labels = grow(this.labels, this.labelCount + 1);
    this.labels[this.labelCount++] = value;
    if (value > this.maxLabel) this.maxLabel = value;
  }

  /** Appends labels already checked (as `readLabelCsv` does). */
  addLabels(labels: Int32Array): void {
    if (this.labelCount + labels.length > this.labels.length) {
      this.labels = grow(this.labels, this.labelCount + labels.length);
    }
    this.labels.set(labels, this.labelCount);
    this.labelCount += labels.length;
    for (const label of labels) if (label > this.maxLabel) this.maxLabel = label;
  }

  /**
   * The dataset table. `labelFile` names the label source when the counts differ.
   */
  finish(labelFile: string): Table {
    if (this.labelCount !== this.count)
      throw lengthMismatch(this.file, this.count, labelFile, this.labelCount);
    const shape = shapeFor(this.declared.shape, this.width, this.file);
    const observed: [number, number] = this.count > 0 ? [this.min, this.max] : [0, 0];
    const valueRange = this.declared.valueRange ?? observed;
    const type = smallestFeatureType(this.declared.valueRange ?? observed, this.allIntegers);
    const features = allocateFeatures(type, this.count * this.width);
    features.set(this.staged.subarray(0, this.count * this.width));
    const classNames = classNamesFor(this.maxLabel, this.declared.classNames, labelFile);
    return makeDataset({
      features,
      labels: this.labels.slice(0, this.count),
      shape,
      valueRange,
      classNames,
    });
  }
}

function grow<T extends Float32Array | Int32Array>(array: T, needed: number): T {
  let length = array.length * 2;
  while (length < needed) length *= 2;
  const grown = new (array.constructor as new (n: number) => T)(length);
  grown.set(array);
  return grown;
}
