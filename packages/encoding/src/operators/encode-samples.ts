import { map, type OperatorFunction } from 'rxjs';
import type { Encoder } from '../encoder.js';

/**
 * Encodes a stream of samples, one spike-time array out per sample in.
 *
 * Like `map(values => encoder.encodeSample(values))`: a value outside the encoder's domain
 * ends the stream with an error naming the index.
 *
 * ## Example
 * ```ts
 * import { from } from 'rxjs';
 * import { encodeSamples, latency } from '@s4nn/encoding';
 *
 * from([Uint8Array.of(255, 0), Uint8Array.of(0, 255)])
 *   .pipe(encodeSamples(latency({ tmax: 256, maxValue: 255 })))
 *   .subscribe((times) => console.log(times)); // Uint16Array [0, 256], then [256, 0]
 * ```
 *
 * @see encodeMatrices for chunks of many samples at once.
 * @param encoder The code to apply, e.g. `latency(...)` or `createEncoder(settings)`.
 * @return An operator from sample values to a fresh Uint16Array of spike times per sample.
 */
export function encodeSamples(encoder: Encoder): OperatorFunction<ArrayLike<number>, Uint16Array> {
  return map((values) => encoder.encodeSample(values));
}
