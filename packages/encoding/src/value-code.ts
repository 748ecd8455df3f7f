import type { Encoder, EncoderSettings } from './encoder.js';

/**
 * One input code reduced to its per-value rule; {@link encoderFromCode} builds the sample,
 * matrix and lookup-table machinery around it once for every code.
 */
export interface ValueCode {
  readonly settings: EncoderSettings;
  /** Name used in error messages, e.g. `latency encoding`. */
  readonly name: string;
  /** What a valid value is, for error messages, e.g. `a number in [0, 255]`. */
  readonly domain: string;
  /** The spike time of one value, or -1 when the value is outside the code's domain. */
  timeOf(value: number): number;
}

/** Integer typed arrays small enough that a table of every level beats the formula. */
type ByteArray = Uint8Array | Uint8ClampedArray;

function isByteArray(values: ArrayLike<number>): values is ByteArray {
  return values instanceof Uint8Array || values instanceof Uint8ClampedArray;
}

/** Wraps a {@link ValueCode} as an {@link Encoder}. */
export function encoderFromCode(code: ValueCode): Encoder {
  let byteTable: Uint16Array | undefined;
  let everyByteValid = true;
  // The time of every byte level, built on first use; levels outside the code's domain
  // (bytes above a small X or T) are marked by clearing `everyByteValid`.
  const tableOfBytes = (): Uint16Array => {
    if (byteTable === undefined) {
      byteTable = new Uint16Array(256);
      for (let level = 0; level < 256; level++) {
        const time = code.timeOf(level);
        if (time < 0) everyByteValid = false;
        else byteTable[level] = time;
      }
    }
    return byteTable;
  };

  const fail = (value: number, flatIndex: number, width: number | undefined): never => {
    const where =
      width === undefined
        ? `index ${flatIndex}`
        : `sample ${Math.floor(flatIndex / width)}, index ${flatIndex % width}`;
    throw new RangeError(`${code.name}: ${where} holds ${value}; expected ${code.domain}`);
  };

  // The hot loops: one table read per byte, or one formula evaluation per value; no
  // allocation. Separate functions keep each element access monomorphic for V8.
  const encodeBytes = (values: ByteArray, out: Uint16Array, width: number | undefined): void => {
    const table = tableOfBytes();
    const n = values.length;
    if (!everyByteValid) {
      for (let i = 0; i < n; i++) if (code.timeOf(values[i]) < 0) fail(values[i], i, width);
    }
    // A table read per byte: 1.6-1.8x the formula's speed on MNIST (bench section `encoding`).
    for (let i = 0; i < n; i++) out[i] = table[values[i]];
  };
  const encodeNumbers = (
    values: ArrayLike<number>,
    out: Uint16Array,
    width: number | undefined,
  ): void => {
    const n = values.length;
    for (let i = 0; i < n; i++) {
      const time = code.timeOf(values[i]);
      if (time < 0) fail(values[i], i, width);
      out[i] = time;
    }
  };
  const encodeInto = (
    values: ArrayLike<number>,
    out: Uint16Array,
    width: number | undefined,
  ): Uint16Array => {
    if (isByteArray(values)) encodeBytes(values, out, width);
    else encodeNumbers(values, out, width);
    return out;
  };

  const outputFor = (length: number, out: Uint16Array | undefined): Uint16Array => {
    if (out === undefined) return new Uint16Array(length);
    if (out.length < length) {
      throw new RangeError(
        `${code.name}: output array holds ${out.length} times; ${length} are needed`,
      );
    }
    return out;
  };

  return {
    settings: Object.freeze({ ...code.settings }),
    tmax: code.settings.tmax,
    encodeSample: (values, out) => encodeInto(values, outputFor(values.length, out), undefined),
    encodeMatrix: (values, width, out) => {
      if (!Number.isInteger(width) || width <= 0 || values.length % width !== 0) {
        throw new RangeError(
          `${code.name}: matrix width ${width} does not divide its ${values.length} values into whole samples`,
        );
      }
      return encodeInto(values, outputFor(values.length, out), width);
    },
  };
}
