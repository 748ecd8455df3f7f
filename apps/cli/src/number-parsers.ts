import { InvalidArgumentError } from 'commander';

/**
 * Commander option parsers for numeric flags. A bad value throws commander's
 * InvalidArgumentError, which commander reports naming the flag (exit status 2).
 *
 * @example
 * ```ts
 * command.option('--epochs <n>', 'epochs to train', parseCount);
 * ```
 */
export function parseCount(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isSafeInteger(value) || value < 1) {
    throw new InvalidArgumentError('expected an integer >= 1.');
  }
  return value;
}

/** An integer >= 0, e.g. `--threads 0` (no worker threads) or `--seed 0`. */
export function parseNonNegativeInteger(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isSafeInteger(value) || value < 0) {
    throw new InvalidArgumentError('expected an integer >= 0.');
  }
  return value;
}

/** A share in `[0, 1)`, e.g. `--validation 0.1`. */
export function parseFraction(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !(value >= 0 && value < 1)) {
    throw new InvalidArgumentError('expected a number in [0, 1), e.g. 0.1.');
  }
  return value;
}

/** Comma-separated finite numbers, e.g. `--thresholds 100,100`. */
export function parseNumberList(text: string): number[] {
  const values = text.split(',').map((v) => (v.trim() === '' ? Number.NaN : Number(v)));
  if (!values.every(Number.isFinite)) {
    throw new InvalidArgumentError('expected numbers separated by commas, e.g. 100,100.');
  }
  return values;
}

/** Comma-separated distinct integers >= 0, e.g. `--cats 4,1,0,7,9,2,3,5,8,6`. */
export function parseCategoryList(text: string): number[] {
  const values = text.split(',').map((v) => (v.trim() === '' ? Number.NaN : Number(v)));
  if (!values.every((v) => Number.isSafeInteger(v) && v >= 0)) {
    throw new InvalidArgumentError('expected integers >= 0 separated by commas, e.g. 4,1,0.');
  }
  if (new Set(values).size !== values.length) {
    throw new InvalidArgumentError('expected each category once.');
  }
  return values;
}
