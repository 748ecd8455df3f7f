import { describe, expect, it } from '@jest/globals';
import { datasetView, makeDataset } from '@s4nn/data';
import { firstSamples } from './first-samples.js';

const table = makeDataset({
  shape: [2],
  valueRange: [0, 9],
  classNames: ['a', 'b'],
  features: Uint8Array.from([1, 2, 3, 4, 5, 6]),
  labels: Int32Array.from([0, 1, 1]),
});

describe('firstSamples', () => {
  it('keeps the first samples in file order with the shape, range and classes', () => {
    const view = datasetView(firstSamples(table, 2));
    expect(view.count).toBe(2);
    expect(Array.from(view.features)).toEqual([1, 2, 3, 4]);
    expect(Array.from(view.labels)).toEqual([0, 1]);
    expect([view.shape, view.valueRange, view.classNames]).toEqual([[2], [0, 9], ['a', 'b']]);
  });

  it('returns the table itself when it holds no more than asked for', () => {
    expect(firstSamples(table, 3)).toBe(table);
    expect(firstSamples(table, 10)).toBe(table);
  });
});
