import { describe, expect, it } from '@jest/globals';
import { preEncoded } from './pre-encoded.js';

describe('preEncoded', () => {
  const encoder = preEncoded({ tmax: 256 });

  it('floors times and keeps 0 and T', () => {
    expect(Array.from(encoder.encodeSample([0, 12.7, 255.99, 256]))).toEqual([0, 12, 255, 256]);
    expect(Array.from(encoder.encodeMatrix(Float32Array.of(3, 4.5, 256, 0), 2))).toEqual([
      3, 4, 256, 0,
    ]);
  });

  it('rejects values outside [0, T] instead of clamping them', () => {
    expect(() => encoder.encodeSample([257])).toThrow(
      'pre-encoded spike times: index 0 holds 257; expected a number in [0, 256]',
    );
    expect(() => encoder.encodeMatrix([1, 2, -0.5, 3], 2)).toThrow('sample 1, index 0 holds -0.5');
    expect(() => encoder.encodeSample([Number.NaN])).toThrow('holds NaN');
  });

  it('rejects bytes above a small T through the byte table', () => {
    const small = preEncoded({ tmax: 10 });
    expect(Array.from(small.encodeSample(Uint8Array.of(10, 0)))).toEqual([10, 0]);
    expect(() => small.encodeSample(Uint8Array.of(11))).toThrow('index 0 holds 11');
  });

  it('exposes its settings as plain JSON', () => {
    expect(encoder.settings).toEqual({ type: 'pre-encoded', tmax: 256 });
  });
});
