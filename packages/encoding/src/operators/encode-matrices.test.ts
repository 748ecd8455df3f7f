import { describe, expect, it } from '@jest/globals';
import { TestScheduler } from 'rxjs/testing';
import { preEncoded } from '../pre-encoded.js';
import { latency } from '../latency.js';
import { encodeMatrices } from './encode-matrices.js';

const newScheduler = () =>
  new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('encodeMatrices', () => {
  it('encodes each chunk into one array and carries the chunk along', () => {
    const encoder = latency({ tmax: 256, maxValue: 255 });
    const a = { values: Uint8Array.of(255, 0, 0, 255), width: 2, labels: [3, 7] };
    const b = { values: Uint8Array.of(128, 1, 254), width: 3, labels: [1] };
    newScheduler().run(({ cold, expectObservable }) => {
      const chunks = cold('a-b|', { a, b });
      expectObservable(chunks.pipe(encodeMatrices(encoder))).toBe('A-B|', {
        A: { times: Uint16Array.of(0, 256, 256, 0), rows: 2, width: 2, chunk: a },
        B: { times: Uint16Array.of(127, 254, 1), rows: 1, width: 3, chunk: b },
      });
    });
  });

  it('ends with an error naming the sample and index within the chunk', () => {
    const encoder = preEncoded({ tmax: 10 });
    newScheduler().run(({ cold, expectObservable }) => {
      const chunks = cold('--a|', { a: { values: [1, 2, 3, 11], width: 2 } });
      expectObservable(chunks.pipe(encodeMatrices(encoder))).toBe(
        '--#',
        undefined,
        new RangeError(
          'pre-encoded spike times: sample 1, index 1 holds 11; expected a number in [0, 10]',
        ),
      );
    });
  });
});
