import { describe, expect, it } from '@jest/globals';
import { makeDataset } from './dataset.js';
import { datasetView } from './dataset-view.js';
import { remap } from './remap.js';

// Six samples of width 2; sample i holds [10 i, 10 i + 1] and label digits[i].
const digits = [5, 9, 4, 0, 1, 4];
const table = makeDataset({
  features: Uint8Array.from({ length: 12 }, (_, k) => 10 * (k >> 1) + (k & 1)),
  labels: Int32Array.from(digits),
  shape: [2],
  valueRange: [0, 255],
  classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
});

describe('remap', () => {
  it('keeps samples in cats in order, relabels cats[k] -> k, names classes after the old labels', () => {
    const view = datasetView(remap(table, [4, 1, 0, 2, 3, 5]));
    expect(Array.from(view.labels)).toEqual([5, 0, 2, 1, 0]);
    expect(Array.from(view.features)).toEqual([0, 1, 20, 21, 30, 31, 40, 41, 50, 51]);
    expect(view.classNames).toEqual(['4', '1', '0', '2', '3', '5']);
    expect(view.features).toBeInstanceOf(Uint8Array);
    expect(view.shape).toEqual([2]);
  });

  it('in strict mode names the row of a label outside cats', () => {
    expect(() => remap(table, [4, 1, 0, 2, 3, 5], { strict: true, source: 'mnist.arrow' })).toThrow(
      'mnist.arrow, row 1: label 9 is not in cats [4, 1, 0, 2, 3, 5]',
    );
    expect(datasetView(remap(table, [9, 5, 4, 0, 1], { strict: true })).count).toBe(6);
  });

  it('rejects cats with a repeated or negative label', () => {
    expect(() => remap(table, [1, 1])).toThrow('label 1 appears twice in cats');
    expect(() => remap(table, [-1])).toThrow('cats[0] = -1 is not a label');
  });
});
