import { describe, expect, it } from '@jest/globals';
import { TestScheduler } from 'rxjs/testing';
import { latency } from '../latency.js';
import { encodeSamples } from './encode-samples.js';

const encoder = latency({ tmax: 256, maxValue: 255 });
const newScheduler = () =>
  new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('encodeSamples', () => {
  it('emits one spike-time array per sample, at the same frames', () => {
    newScheduler().run(({ cold, expectObservable }) => {
      const samples = cold('-a--b-|', { a: Uint8Array.of(255, 0), b: [128, 254] });
      expectObservable(samples.pipe(encodeSamples(encoder))).toBe('-A--B-|', {
        A: Uint16Array.of(0, 256),
        B: Uint16Array.of(127, 1),
      });
    });
  });

  it('ends with an error naming the index of a bad value', () => {
    newScheduler().run(({ cold, expectObservable }) => {
      const samples = cold('-a--b--c|', { a: [0], b: [0, 300], c: [1] });
      expectObservable(samples.pipe(encodeSamples(encoder))).toBe(
        '-A--#',
        { A: Uint16Array.of(256) },
        new RangeError('latency encoding: index 1 holds 300; expected a number in [0, 255]'),
      );
    });
  });
});
