import { DatasetError } from './dataset-error.js';

// The errors every text reader raises, worded once so that each reader reports alike.

/** A row with the wrong number of values. */
export function raggedRow(
  file: string,
  line: number,
  found: number,
  expected: number,
): DatasetError {
  return new DatasetError(
    file,
    `line ${line}`,
    `ragged row: ${found} values, expected ${expected}`,
  );
}

/** A value outside the declared `[low, high]`. */
export function outOfRange(
  file: string,
  line: number,
  column: number,
  value: number,
  low: number,
  high: number,
): DatasetError {
  return new DatasetError(
    file,
    `line ${line}`,
    `column ${column + 1}: value ${value} outside the declared range [${low}, ${high}]`,
  );
}

/** Throws unless `value` is a label: an integer in 0..2^31-1. */
export function checkLabel(value: number, file: string, line: number): void {
  if (!Number.isInteger(value) || value < 0 || value > 0x7fffffff) {
    throw new DatasetError(file, `line ${line}`, `label ${value} is not a non-negative integer`);
  }
}

/** Feature and label sources with different numbers of rows. */
export function lengthMismatch(
  featureFile: string,
  featureRows: number,
  labelFile: string,
  labels: number,
): DatasetError {
  return new DatasetError(
    featureFile,
    '',
    `label and feature files of different lengths: ${featureRows} feature rows here, ${labels} labels in ${labelFile}`,
  );
}

/** Default class names: one per label value 0..maxLabel, checked against given ones. */
export function classNamesFor(
  maxLabel: number,
  given: string[] | undefined,
  labelFile: string,
): string[] {
  const classNames = given ?? Array.from({ length: maxLabel + 1 }, (_, k) => String(k));
  if (maxLabel >= classNames.length) {
    throw new DatasetError(
      labelFile,
      '',
      `label ${maxLabel} has no class name (${classNames.length} given)`,
    );
  }
  return classNames;
}

/** The declared shape (default `[width]`), checked to hold `width` values. */
export function shapeFor(declared: number[] | undefined, width: number, file: string): number[] {
  const shape = declared ?? [width];
  if (shape.reduce((a, b) => a * b, 1) !== width) {
    throw new DatasetError(
      file,
      '',
      `declared shape [${shape}] does not hold ${width} values per row`,
    );
  }
  return shape;
}
