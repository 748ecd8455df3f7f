import { map, type OperatorFunction } from 'rxjs';
import type { Encoder, ValueMatrix } from '../encoder.js';

/** A chunk of samples after encoding: `rows x width` spike times, row-major, and the chunk it came from. */
export interface SpikeTimeMatrix<C extends ValueMatrix = ValueMatrix> {
  /** `rows x width` spike times, sample after sample. */
  readonly times: Uint16Array;
  /** Number of samples in the chunk. */
  readonly rows: number;
  /** Spike times per sample (D). */
  readonly width: number;
  /** The input chunk, untouched, so that labels or other fields travel with the times. */
  readonly chunk: C;
}

/**
 * Encodes a stream of matrices (record-batch-like chunks `{ values, width }`), one Uint16Array
 * of spike times per chunk with no per-sample allocation.
 *
 * Like `encodeSamples` a batch at a time: the rows of a chunk are samples, as in an Arrow
 * record batch whose `features` column is a fixed-size list of `width` values. A bad value
 * ends the stream with an error naming the sample (row within the chunk) and index.
 *
 * ## Example
 * ```ts
 * import { of } from 'rxjs';
 * import { encodeMatrices, latency } from '@s4nn/encoding';
 *
 * of({ values: Uint8Array.of(255, 0, 0, 255), width: 2, labels: [3, 7] })
 *   .pipe(encodeMatrices(latency({ tmax: 256, maxValue: 255 })))
 *   .subscribe(({ times, rows, chunk }) => console.log(rows, times, chunk.labels));
 * // 2 Uint16Array [0, 256, 256, 0] [3, 7]
 * ```
 *
 * @see encodeSamples for a stream of single samples.
 * @param encoder The code to apply.
 * @return An operator from chunks to {@link SpikeTimeMatrix} (a fresh `times` array per chunk).
 */
export function encodeMatrices<C extends ValueMatrix>(
  encoder: Encoder,
): OperatorFunction<C, SpikeTimeMatrix<C>> {
  return map((chunk) => ({
    times: encoder.encodeMatrix(chunk.values, chunk.width),
    rows: chunk.values.length / chunk.width,
    width: chunk.width,
    chunk,
  }));
}
