/**
 * The encoder contract shared by every input code: values in, first-spike times out.
 *
 * Spike times are unsigned 16-bit integers in `0..tmax`; the value `tmax` means "no spike"
 * (S4NN-SPEC.md section 1: time runs `0..T`, and a spike at `T` never changes anything).
 */

/** Settings of an encoder, stored as plain JSON in model files; {@link createEncoder} revives them. */
export type EncoderSettings =
  { type: 'latency'; tmax: number; maxValue: number } | { type: 'pre-encoded'; tmax: number };

/** A numeric matrix of `values.length / width` samples, row-major: one row of `width` values per sample. */
export interface ValueMatrix {
  /** `rows x width` values, sample after sample (e.g. an Arrow fixed-size-list child array). */
  readonly values: ArrayLike<number>;
  /** Values per sample (D). */
  readonly width: number;
}

/** Turns input values into first-spike times, one time per value. */
export interface Encoder {
  /** The JSON settings this encoder was made from. */
  readonly settings: EncoderSettings;
  /** The time that means "no spike" (T). */
  readonly tmax: number;
  /**
   * Encodes one sample. Writes into `out` (length at least `values.length`) when given,
   * else into a new array; returns the array written.
   */
  encodeSample(values: ArrayLike<number>, out?: Uint16Array): Uint16Array;
  /**
   * Encodes `values.length / width` samples at once into one row-major `n x width`
   * Uint16Array (written into `out` when given). Allocates nothing per sample. Errors name the
   * sample (row) and index (column) of the offending value.
   */
  encodeMatrix(values: ArrayLike<number>, width: number, out?: Uint16Array): Uint16Array;
}
