import { describe, expect, it } from '@jest/globals';
import { TestScheduler } from 'rxjs/testing';
import { batchBySizeAndTime } from './batch-by-size-and-time.js';

const scheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('batchBySizeAndTime', () => {
  it('emits when a batch is full, or maxDelayMs after its first item, and at completion', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold('ab-c------d|');
      const expected = '-x----y----(z|)';
      expectObservable(source.pipe(batchBySizeAndTime(2, 3))).toBe(expected, {
        x: ['a', 'b'],
        y: ['c'],
        z: ['d'],
      });
    });
  });

  it('never emits on an idle stream and passes errors on', () => {
    scheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('------#').pipe(batchBySizeAndTime(4, 2))).toBe('------#');
    });
  });

  it('stops its timer on unsubscribe', () => {
    scheduler().run(({ hot, expectObservable }) => {
      const source = hot('a-b-c-d');
      expectObservable(source.pipe(batchBySizeAndTime(10, 5)), '^--!').toBe('----');
    });
  });
});
