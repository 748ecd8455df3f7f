import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { areaWeights, downsampleArea } from './downsample.js';

interface Excerpt {
  w: number[][];
  samples: { mnist_index: number; pixels28: number[]; gray10: number[] }[];
}
// First samples of /work/shared/fixtures/train-3layer.json (see the file's `source`).
const excerpt = JSON.parse(
  readFileSync(new URL('../test/fixtures/downsample-excerpt.json', import.meta.url), 'utf8'),
) as Excerpt;

describe('areaWeights', () => {
  it('is the fixture table downsampling.w for 28 -> 10, each row summing to 28', () => {
    const weights = areaWeights(28, 10);
    const rows = Array.from({ length: 10 }, (_, c) =>
      Array.from(weights.subarray(c * 28, (c + 1) * 28)),
    );
    expect(rows).toEqual(excerpt.w);
    for (const row of rows) expect(row.reduce((a, b) => a + b)).toBe(28);
  });
});

describe('downsampleArea', () => {
  it('reproduces gray10 of the fixture samples from their pixels28, one at a time and in one batch', () => {
    const all = Uint8Array.from(excerpt.samples.flatMap((s) => s.pixels28));
    const batch = downsampleArea(all, excerpt.samples.length, 28, 10);
    excerpt.samples.forEach((sample, k) => {
      expect(Array.from(downsampleArea(Uint8Array.from(sample.pixels28), 1, 28, 10))).toEqual(
        sample.gray10,
      );
      expect(Array.from(batch.subarray(k * 100, (k + 1) * 100))).toEqual(sample.gray10);
    });
  });

  it('keeps a uniform image uniform and rounds a half up', () => {
    expect(Array.from(downsampleArea(new Uint8Array(784).fill(200), 1, 28, 10))).toEqual(
      new Array(100).fill(200),
    );
    // 2x2 -> 1x1: the mean of 0, 0, 0, 2 is 0.5, rounded half up to 1; of 0, 0, 0, 1 is 0.25 -> 0.
    expect(Array.from(downsampleArea(Uint8Array.of(0, 0, 0, 2, 0, 0, 0, 1), 2, 2, 1))).toEqual([
      1, 0,
    ]);
  });

  it('rejects too few pixels', () => {
    expect(() => downsampleArea(new Uint8Array(100), 1, 28, 10)).toThrow(
      '100 pixels cannot hold 1 images of 28x28',
    );
  });
});
