import { checkTmax } from './check-settings.js';
import type { Encoder } from './encoder.js';
import { encoderFromCode } from './value-code.js';

/** Options of {@link latency}. */
export interface LatencyOptions {
  /** T: the time that means "no spike" (256 in S4NN). */
  tmax: number;
  /** X: the brightest level of the data (255 for 8-bit images). */
  maxValue: number;
}

/**
 * Intensity-to-latency code (S4NN-SPEC.md section 1): `t = floor((X - x) * T / X)`, so bright
 * inputs fire early, `x = X` fires at 0 and `x = 0` gives `t = T`, "no spike". A value outside
 * `[0, X]`, NaN or infinite, is an error naming the sample and index.
 *
 * ## Example
 * ```ts
 * const encoder = latency({ tmax: 256, maxValue: 255 });
 * encoder.encodeSample(Uint8Array.of(255, 128, 0)); // Uint16Array [0, 127, 256]
 * ```
 */
export function latency({ tmax, maxValue }: LatencyOptions): Encoder {
  const name = 'latency encoding';
  checkTmax(name, tmax);
  if (typeof maxValue !== 'number' || !Number.isFinite(maxValue) || maxValue <= 0) {
    throw new RangeError(`${name}: maxValue must be a finite number > 0, got ${String(maxValue)}`);
  }
  return encoderFromCode({
    settings: { type: 'latency', tmax, maxValue },
    name,
    domain: `a number in [0, ${maxValue}]`,
    // Evaluated in this order, as the spec writes it: (X - x) * T first, then / X, so that
    // integer levels give the exact integer quotient (x = 0 gives exactly T).
    timeOf: (x) => (x >= 0 && x <= maxValue ? Math.floor(((maxValue - x) * tmax) / maxValue) : -1),
  });
}
