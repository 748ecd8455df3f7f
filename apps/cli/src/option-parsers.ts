import { InvalidArgumentError } from 'commander';

/**
 * Parses a sample shape flag such as `10x10` or `784` (commander option parser; a bad value
 * is a usage error).
 */
export function parseShape(text: string): number[] {
  const dims = text.split(/[x,]/).map(Number);
  if (!dims.every((d) => Number.isInteger(d) && d > 0)) {
    throw new InvalidArgumentError('expected positive integers joined by x, e.g. 10x10.');
  }
  return dims;
}

/** Parses a value range flag `min,max`, e.g. `0,255`. */
export function parseRange(text: string): [number, number] {
  const bounds = text.split(',').map((b) => (b.trim() === '' ? Number.NaN : Number(b)));
  if (bounds.length !== 2 || !bounds.every(Number.isFinite) || bounds[0] > bounds[1]) {
    throw new InvalidArgumentError('expected min,max with min <= max, e.g. 0,255.');
  }
  return [bounds[0], bounds[1]];
}
