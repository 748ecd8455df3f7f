import fastestValidator from 'fastest-validator';
import type { Encoder } from '@s4nn/encoding';
import type { SampleId } from './prediction.js';
import { SampleError } from './sample-error.js';

/** Reads one sample (any JSON value) into a row of spike times; see {@link createSampleReader}. */
export type SampleReader = (sample: unknown, out: Uint16Array) => SampleId | undefined;

// The package is CommonJS whose typings declare an ES default export: at run time the default
// import is the class itself.
const Validator = fastestValidator as unknown as typeof fastestValidator.default;

// The object's shape only. The per-element checks are a hand loop: fastest-validator's
// `items: 'number'` took 33 us per 784-value sample against 0.9 us for the loop (measured on
// this machine), more than the JSON parse of the line.
const sampleShape = new Validator({ haltOnFirstError: true }).compile({
  $$strict: true,
  values: { type: 'array', optional: true },
  times: { type: 'array', optional: true },
  id: { type: 'multi', optional: true, rules: [{ type: 'string' }, { type: 'number' }] },
});

/**
 * A reader for samples of `width` values: `{ values }` go through `encoder`, `{ times }` must be
 * integers in 0..tmax, a bare array (or typed array) is `values`. An `Error` given as the sample
 * (e.g. a line that was not JSON) is reported as it is. Returns the sample's id; throws a
 * {@link SampleError} naming the field and index.
 */
export function createSampleReader(width: number, encoder: Encoder): SampleReader {
  const tmax = encoder.tmax;

  const readValues = (values: ArrayLike<unknown>, out: Uint16Array, id: SampleId | undefined) => {
    checkLength(values, 'values', id);
    for (let i = 0; i < width; i++) {
      if (typeof values[i] !== 'number') {
        throw new SampleError(`values[${i}] is ${describe(values[i])}; expected a number`, id);
      }
    }
    try {
      encoder.encodeSample(values as ArrayLike<number>, out);
    } catch (error) {
      throw new SampleError(`values: ${(error as Error).message}`, id);
    }
  };

  const readTimes = (times: ArrayLike<unknown>, out: Uint16Array, id: SampleId | undefined) => {
    checkLength(times, 'times', id);
    for (let i = 0; i < width; i++) {
      const time = times[i];
      if (typeof time !== 'number' || !Number.isInteger(time) || time < 0 || time > tmax) {
        throw new SampleError(
          `times[${i}] is ${describe(time)}; expected an integer in 0..${tmax}`,
          id,
        );
      }
      out[i] = time;
    }
  };

  const checkLength = (array: ArrayLike<unknown>, field: string, id: SampleId | undefined) => {
    if (array.length !== width) {
      throw new SampleError(`${field} holds ${array.length} numbers; the model takes ${width}`, id);
    }
  };

  return (sample, out) => {
    if (sample instanceof Error) throw new SampleError(sample.message);
    if (Array.isArray(sample) || ArrayBuffer.isView(sample)) {
      readValues(sample as ArrayLike<unknown>, out, undefined);
      return undefined;
    }
    if (typeof sample !== 'object' || sample === null) {
      throw new SampleError(
        `a sample is {"values": [...]}, {"times": [...]} or an array of numbers; got ${describe(sample)}`,
      );
    }
    const fields = sample as { values?: unknown[]; times?: unknown[]; id?: SampleId };
    const shape = sampleShape(fields);
    if (shape !== true) {
      const [problem] = shape as { message?: string }[];
      throw new SampleError(`sample: ${problem?.message ?? 'invalid'}`, validId(fields.id));
    }
    const { values, times, id } = fields;
    if ((values === undefined) === (times === undefined)) {
      throw new SampleError('a sample has exactly one of "values" and "times"', id);
    }
    if (values !== undefined) readValues(values, out, id);
    else readTimes(times as unknown[], out, id);
    return id;
  };
}

function validId(id: unknown): SampleId | undefined {
  return typeof id === 'string' || typeof id === 'number' ? id : undefined;
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
