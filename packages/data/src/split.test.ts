import { describe, expect, it } from '@jest/globals';
import { makeDataset } from './dataset.js';
import { datasetView } from './dataset-view.js';
import { split } from './split.js';

// 100 samples: label = i % 4 except that class 3 only has samples 3, 7, ..., 39 (10 of them).
const labels = Int32Array.from({ length: 100 }, (_, i) => (i % 4 === 3 && i >= 40 ? i % 3 : i % 4));
const table = makeDataset({
  features: Uint16Array.from({ length: 100 }, (_, i) => i),
  labels,
  shape: [1],
  valueRange: [0, 256],
  classNames: ['a', 'b', 'c', 'd'],
});

/** A small seeded generator (mulberry32) standing in for the caller's RNG. */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ids = (t: ReturnType<typeof split>['train']) => Array.from(datasetView(t).features);
const countsOf = (t: ReturnType<typeof split>['train']) => {
  const counts = [0, 0, 0, 0];
  for (const label of datasetView(t).labels) counts[label]++;
  return counts;
};

describe('split', () => {
  it('takes round(fraction x count) of every class, and partitions the samples in order', () => {
    const { train, validation } = split(table, { fraction: 0.2, random: mulberry32(1) });
    const all = [...labels].reduce((c, l) => (c[l]++, c), [0, 0, 0, 0]);
    expect(all).toEqual([30, 30, 30, 10]);
    expect(countsOf(validation)).toEqual([6, 6, 6, 2]);
    expect(countsOf(train)).toEqual([24, 24, 24, 8]);
    const trainIds = ids(train);
    const validationIds = ids(validation);
    expect([...trainIds, ...validationIds].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 100 }, (_, i) => i),
    );
    expect(trainIds).toEqual([...trainIds].sort((a, b) => a - b));
    for (const id of validationIds)
      expect(datasetView(validation).labels[validationIds.indexOf(id)]).toBe(labels[id]);
    expect(datasetView(train).classNames).toEqual(['a', 'b', 'c', 'd']);
  });

  it('gives the same split for the same random sequence and another for another', () => {
    const a = ids(split(table, { fraction: 0.3, random: mulberry32(7) }).validation);
    const b = ids(split(table, { fraction: 0.3, random: mulberry32(7) }).validation);
    const c = ids(split(table, { fraction: 0.3, random: mulberry32(8) }).validation);
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
  });

  it('rejects a fraction outside [0, 1)', () => {
    expect(() => split(table, { fraction: 1, random: Math.random })).toThrow(
      'fraction must be in [0, 1), got 1',
    );
  });
});
