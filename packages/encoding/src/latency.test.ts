import { describe, expect, it } from '@jest/globals';
import { latency } from './latency.js';

/** S4NN-SPEC.md section 1 in integer arithmetic: ((X - x) * T) div X, for integer levels. */
function expectedTime(level: number, maxValue: number, tmax: number): number {
  const numerator = (maxValue - level) * tmax;
  return (numerator - (numerator % maxValue)) / maxValue;
}

describe('latency', () => {
  const encoder = latency({ tmax: 256, maxValue: 255 });

  it('gives T for x = 0, 0 for x = X, and the spec values between', () => {
    expect(Array.from(encoder.encodeSample([0, 255, 1, 128, 254]))).toEqual([256, 0, 254, 127, 1]);
  });

  it('matches the formula on all 256 8-bit levels, through the byte table and the formula', () => {
    const levels = Uint8Array.from({ length: 256 }, (_, level) => level);
    const expected = Array.from(levels, (level) => expectedTime(level, 255, 256));
    expect(Array.from(encoder.encodeSample(levels))).toEqual(expected);
    expect(Array.from(encoder.encodeSample(Float64Array.from(levels)))).toEqual(expected);
    expect(Array.from(encoder.encodeSample(Array.from(levels)))).toEqual(expected);
  });

  it('encodes real-valued data on any scale', () => {
    const unit = latency({ tmax: 10, maxValue: 1 });
    expect(Array.from(unit.encodeSample([0, 0.25, 0.5, 1]))).toEqual([10, 7, 5, 0]);
  });

  it('encodes a matrix row-major into one array, reusing the output given', () => {
    const values = Uint8Array.of(255, 0, 128, 0, 255, 1);
    const out = new Uint16Array(6);
    expect(encoder.encodeMatrix(values, 3, out)).toBe(out);
    expect(Array.from(out)).toEqual([0, 256, 127, 256, 0, 254]);
  });

  it('names the sample and index of a value outside [0, X]', () => {
    expect(() => encoder.encodeMatrix([0, 1, 2, 3, 256, 5], 3)).toThrow(
      'latency encoding: sample 1, index 1 holds 256; expected a number in [0, 255]',
    );
    expect(() => encoder.encodeSample([0, -1])).toThrow('index 1 holds -1');
    expect(() => encoder.encodeSample([Number.NaN])).toThrow('index 0 holds NaN');
    expect(() => encoder.encodeSample([Number.POSITIVE_INFINITY])).toThrow(
      'index 0 holds Infinity',
    );
  });

  it('rejects bytes above a smaller X through the byte table', () => {
    const hundred = latency({ tmax: 256, maxValue: 100 });
    expect(Array.from(hundred.encodeSample(Uint8Array.of(100, 0)))).toEqual([0, 256]);
    expect(() => hundred.encodeMatrix(Uint8Array.of(0, 0, 0, 101), 2)).toThrow(
      'sample 1, index 1 holds 101; expected a number in [0, 100]',
    );
  });

  it('rejects bad settings, widths and outputs', () => {
    expect(() => latency({ tmax: 0, maxValue: 255 })).toThrow('tmax must be an integer');
    expect(() => latency({ tmax: 65536, maxValue: 255 })).toThrow('tmax must be an integer');
    expect(() => latency({ tmax: 2.5, maxValue: 255 })).toThrow('tmax must be an integer');
    expect(() => latency({ tmax: 256, maxValue: 0 })).toThrow('maxValue must be a finite');
    expect(() => latency({ tmax: 256, maxValue: Number.NaN })).toThrow('maxValue must be');
    expect(() => encoder.encodeMatrix([0, 1, 2], 2)).toThrow('matrix width 2 does not divide');
    expect(() => encoder.encodeSample([0, 1], new Uint16Array(1))).toThrow(
      'output array holds 1 times; 2 are needed',
    );
  });

  it('exposes its settings as plain JSON', () => {
    expect(JSON.parse(JSON.stringify(encoder.settings))).toEqual({
      type: 'latency',
      tmax: 256,
      maxValue: 255,
    });
    expect(encoder.tmax).toBe(256);
  });
});
