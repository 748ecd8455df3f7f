import {
  DataType,
  Field,
  FixedSizeList,
  Float32,
  Int32,
  makeData,
  Precision,
  RecordBatch,
  Schema,
  Struct,
  Table,
  Uint16,
  Uint8,
} from 'apache-arrow';
import { DatasetError } from './dataset-error.js';

/** The typed arrays a dataset's `features` column may hold (smallest that fits the data). */
export type FeatureArray = Uint8Array | Uint16Array | Float32Array;
/** Element type names of the `features` column. */
export type FeatureType = 'uint8' | 'uint16' | 'float32';

/** Schema metadata keys, all JSON-encoded values. */
export const META_SHAPE = 's4nn.shape';
export const META_VALUE_RANGE = 's4nn.valueRange';
export const META_CLASS_NAMES = 's4nn.classNames';

/** What a dataset says about itself (stored in the Arrow schema metadata). */
export interface DatasetMeta {
  /** Shape of one sample, e.g. `[28, 28]`; its product is the width D. */
  shape: number[];
  /** Declared `[min, max]` of the feature values; every value lies within it. */
  valueRange: [number, number];
  /** Name of class k at index k; labels are 0..classNames.length-1 (or raw digits for MNIST). */
  classNames: string[];
}

/** The parts of a dataset, as typed arrays: features row-major n x D. */
export interface DatasetParts extends DatasetMeta {
  features: FeatureArray;
  labels: Int32Array;
}

/**
 * Builds a dataset table zero-copy over the given typed arrays: column `features` is a
 * FixedSizeList<width D> of the array's element type, column `label` is Int32, and the shape,
 * value range and class names go into the schema metadata.
 *
 * @example
 * ```ts
 * const table = makeDataset({
 *   features: new Uint8Array([0, 255, 10, 20]), labels: new Int32Array([0, 1]),
 *   shape: [2], valueRange: [0, 255], classNames: ['0', '1'],
 * });
 * ```
 */
export function makeDataset(parts: DatasetParts): Table {
  const width = parts.shape.reduce((a, b) => a * b, 1);
  const count = parts.labels.length;
  if (!(width > 0) || parts.features.length !== count * width) {
    throw new DatasetError(
      '<makeDataset>',
      '',
      `features hold ${parts.features.length} values, expected ${count} labels x width ${width}`,
    );
  }
  // makeData's overloads do not accept a union of element types; the three build alike, so
  // type them as one of them.
  const elementType = arrowElementType(parts.features) as Float32;
  const listType = new FixedSizeList(width, new Field('value', elementType, false));
  const values = makeData({
    type: elementType,
    length: count * width,
    nullCount: 0,
    data: parts.features as Float32Array,
  });
  const features = makeData({ type: listType, length: count, nullCount: 0, child: values });
  const labels = makeData({ type: new Int32(), length: count, nullCount: 0, data: parts.labels });
  const schema = new Schema(
    [new Field('features', listType, false), new Field('label', new Int32(), false)],
    encodeMeta(parts),
  );
  const batch = new RecordBatch(
    schema,
    makeData({
      type: new Struct(schema.fields),
      length: count,
      nullCount: 0,
      children: [features, labels],
    }),
  );
  return new Table(schema, [batch]);
}

/** The element type name of a feature array. */
export function featureTypeOf(features: FeatureArray): FeatureType {
  if (features instanceof Uint8Array) return 'uint8';
  if (features instanceof Uint16Array) return 'uint16';
  return 'float32';
}

/** The largest value of each integer element type (their smallest is 0). */
export const INTEGER_FEATURE_MAX = { uint8: 0xff, uint16: 0xffff } as const;

/**
 * The smallest element type that holds every value of a dataset exactly: Uint8 for integers in
 * 0..255, Uint16 for integers in 0..65535 (spike times), Float32 otherwise.
 */
export function smallestFeatureType(
  range: readonly [number, number],
  allIntegers: boolean,
): FeatureType {
  if (!allIntegers || range[0] < 0) return 'float32';
  if (range[1] <= INTEGER_FEATURE_MAX.uint8) return 'uint8';
  if (range[1] <= INTEGER_FEATURE_MAX.uint16) return 'uint16';
  return 'float32';
}

/** Allocates a feature array of the given element type. */
export function allocateFeatures(type: FeatureType, length: number): FeatureArray {
  if (type === 'uint8') return new Uint8Array(length);
  if (type === 'uint16') return new Uint16Array(length);
  return new Float32Array(length);
}

/**
 * Concatenates row batches (features n_k x `width`, n_k labels) into one feature array of `type`
 * and one label array, in order.
 */
export function concatRows(
  parts: readonly { features: FeatureArray; labels: Int32Array }[],
  width: number,
  type: FeatureType,
): { features: FeatureArray; labels: Int32Array } {
  const count = parts.reduce((sum, part) => sum + part.labels.length, 0);
  const features = allocateFeatures(type, count * width);
  const labels = new Int32Array(count);
  let row = 0;
  for (const part of parts) {
    features.set(part.features, row * width);
    labels.set(part.labels, row);
    row += part.labels.length;
  }
  return { features, labels };
}

function arrowElementType(features: FeatureArray): Uint8 | Uint16 | Float32 {
  const type = featureTypeOf(features);
  return type === 'uint8' ? new Uint8() : type === 'uint16' ? new Uint16() : new Float32();
}

function encodeMeta(meta: DatasetMeta): Map<string, string> {
  return new Map([
    [META_SHAPE, JSON.stringify(meta.shape)],
    [META_VALUE_RANGE, JSON.stringify(meta.valueRange)],
    [META_CLASS_NAMES, JSON.stringify(meta.classNames)],
  ]);
}

/**
 * Reads and checks a dataset's metadata and columns; `source` names the table in errors.
 */
export function readMeta(table: Pick<Table, 'schema'>, source: string): DatasetMeta {
  const metadata = table.schema.metadata;
  const shape = parseJson(metadata.get(META_SHAPE), META_SHAPE, source);
  const valueRange = parseJson(metadata.get(META_VALUE_RANGE), META_VALUE_RANGE, source);
  const classNames = parseJson(metadata.get(META_CLASS_NAMES), META_CLASS_NAMES, source);
  if (
    !Array.isArray(shape) ||
    shape.length === 0 ||
    !shape.every((d) => Number.isInteger(d) && d > 0)
  ) {
    throw new DatasetError(
      source,
      'schema metadata',
      `${META_SHAPE} must be a list of positive integers`,
    );
  }
  if (!Array.isArray(valueRange) || valueRange.length !== 2 || !valueRange.every(Number.isFinite)) {
    throw new DatasetError(source, 'schema metadata', `${META_VALUE_RANGE} must be [min, max]`);
  }
  if (!Array.isArray(classNames) || !classNames.every((c) => typeof c === 'string')) {
    throw new DatasetError(
      source,
      'schema metadata',
      `${META_CLASS_NAMES} must be a list of strings`,
    );
  }
  const features = table.schema.fields.find((f) => f.name === 'features');
  const label = table.schema.fields.find((f) => f.name === 'label');
  const width = shape.reduce((a: number, b: number) => a * b, 1);
  if (!features || !DataType.isFixedSizeList(features.type) || features.type.listSize !== width) {
    throw new DatasetError(
      source,
      'schema',
      `column 'features' must be a fixed-size list of width ${width}`,
    );
  }
  // Decoded IPC schemas hold the generic Int_/Float classes, so test the type's fields.
  const element = features.type.children[0].type;
  const elementOk =
    (DataType.isInt(element) &&
      !element.isSigned &&
      (element.bitWidth === 8 || element.bitWidth === 16)) ||
    (DataType.isFloat(element) && element.precision === Precision.SINGLE);
  if (!elementOk) {
    throw new DatasetError(
      source,
      'schema',
      `column 'features' must hold uint8, uint16 or float32, not ${element}`,
    );
  }
  if (!label || !DataType.isInt(label.type) || !label.type.isSigned || label.type.bitWidth !== 32) {
    throw new DatasetError(source, 'schema', `column 'label' must be int32`);
  }
  return { shape, valueRange: valueRange as [number, number], classNames };
}

function parseJson(text: string | undefined, key: string, source: string): unknown {
  if (text === undefined) throw new DatasetError(source, 'schema metadata', `missing ${key}`);
  try {
    return JSON.parse(text);
  } catch {
    throw new DatasetError(source, 'schema metadata', `${key} is not valid JSON: ${text}`);
  }
}
