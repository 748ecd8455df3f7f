import { checkTmax } from './check-settings.js';
import type { Encoder } from './encoder.js';
import { encoderFromCode } from './value-code.js';

/** Options of {@link preEncoded}. */
export interface PreEncodedOptions {
  /** T: the time that means "no spike". */
  tmax: number;
}

/**
 * For data that already holds spike times (the notebook's CSVs): `t = floor(value)`
 * (S4NN-SPEC.md section 1). A value outside `[0, T]` is an input error, never clamped.
 *
 * ## Example
 * ```ts
 * const encoder = preEncoded({ tmax: 256 });
 * encoder.encodeSample([0, 12.7, 256]); // Uint16Array [0, 12, 256]
 * encoder.encodeSample([257]); // throws: index 0 holds 257; expected a number in [0, 256]
 * ```
 */
export function preEncoded({ tmax }: PreEncodedOptions): Encoder {
  const name = 'pre-encoded spike times';
  checkTmax(name, tmax);
  return encoderFromCode({
    settings: { type: 'pre-encoded', tmax },
    name,
    domain: `a number in [0, ${tmax}]`,
    timeOf: (value) => (value >= 0 && value <= tmax ? Math.floor(value) : -1),
  });
}
