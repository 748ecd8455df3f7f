import { describe, expect, it } from '@jest/globals';
import { latency } from '@s4nn/encoding';
import { createSampleReader } from './read-sample.js';
import { SampleError } from './sample-error.js';

describe('createSampleReader', () => {
  const read = createSampleReader(3, latency({ tmax: 256, maxValue: 255 }));
  const out = new Uint16Array(3);

  it('encodes values with the model encoder (spec 1: t = floor((X - x) T / X))', () => {
    expect(read({ values: [255, 128, 0], id: 'a' }, out)).toBe('a');
    expect(Array.from(out)).toEqual([0, 127, 256]);
  });

  it('reads a bare array and a typed array as values', () => {
    expect(read([0, 255, 51], out)).toBeUndefined();
    expect(Array.from(out)).toEqual([256, 0, 204]);
    read(Uint8Array.of(255, 255, 0), out);
    expect(Array.from(out)).toEqual([0, 0, 256]);
  });

  it('copies spike times as they are, with a numeric id', () => {
    expect(read({ times: [0, 17, 256], id: 4 }, out)).toBe(4);
    expect(Array.from(out)).toEqual([0, 17, 256]);
  });

  it.each([
    [{ values: [1, 2] }, 'values holds 2 numbers; the model takes 3'],
    [{ values: [1, '2', 3] }, 'values[1] is "2"; expected a number'],
    [
      { values: [1, 2, 256] },
      'values: latency encoding: index 2 holds 256; expected a number in [0, 255]',
    ],
    [{ times: [1, 2.5, 3] }, 'times[1] is 2.5; expected an integer in 0..256'],
    [{ times: [1, 2, 257] }, 'times[2] is 257; expected an integer in 0..256'],
    [{ values: [1, 2, 3], times: [1, 2, 3] }, 'a sample has exactly one of "values" and "times"'],
    [{}, 'a sample has exactly one of "values" and "times"'],
    [{ values: [1, 2, 3], label: 1 }, "forbidden keys: 'label'"],
    [{ values: 'abc' }, "sample: The 'values' field must be an array."],
    ['text', 'a sample is {"values": [...]}, {"times": [...]} or an array of numbers; got "text"'],
    [null, 'got null'],
    [new Error('invalid JSON (x)'), 'invalid JSON (x)'],
  ])('rejects %j with a message naming the problem', (sample, message) => {
    let caught: unknown;
    try {
      read(sample, out);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SampleError);
    expect((caught as Error).message).toContain(message);
  });

  it('keeps the id of a sample it rejects', () => {
    expect(() => read({ values: [1], id: 'z' }, out)).toThrow(expect.objectContaining({ id: 'z' }));
  });
});
