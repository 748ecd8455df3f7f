import { describe, it, expect } from '@jest/globals';
import { redrawDeadNeurons } from './redraw-dead-neurons.js';
import { countFirings, createFireCounts } from './fire-counts.js';
import { initWeights } from './init-weights.js';
import { createRng } from '../random/rng.js';
import { notebookSpec } from '../spec/reference-specs.js';

describe('redrawDeadNeurons (spec 5)', () => {
  it('re-draws exactly the hidden neurons that fired in fewer than 0.1% of the samples', () => {
    const spec = notebookSpec(); // 100-40-40-6
    const weights = initWeights(spec, createRng(5));
    const before = weights.map((layer) => layer.slice());
    const counts = createFireCounts(spec);
    counts[0].fill(2); // 2 of 2000 samples = 0.1%: alive
    counts[0][3] = 1; // below 0.1%: dead
    counts[1].fill(5);
    counts[1][0] = 0;
    counts[1][39] = 0;
    // The output layer is never re-drawn, even when silent.
    const redrawn = redrawDeadNeurons({ spec, weights }, counts, 2000, createRng(9));
    expect(redrawn).toEqual([1, 2, 0]);
    const changedRows = (l: number, width: number) =>
      Array.from({ length: spec.layers[l].size }, (_, j) => j).filter((j) =>
        weights[l]
          .subarray(j * width, (j + 1) * width)
          .some((w, i) => w !== before[l][j * width + i]),
      );
    expect(changedRows(0, 100)).toEqual([3]);
    expect(changedRows(1, 40)).toEqual([0, 39]);
    expect(Array.from(weights[2])).toEqual(Array.from(before[2]));
    const row = weights[1].subarray(0, 40);
    expect(row.every((w) => w >= 0 && w < 48)).toBe(true);
  });

  it('counts a neuron as fired when its time is below tmax', () => {
    const spec = notebookSpec();
    const counts = createFireCounts(spec);
    const times = spec.layers.map((layer) => new Uint16Array(layer.size).fill(256));
    times[0][7] = 255;
    times[2][1] = 1;
    countFirings(counts, times, 256);
    countFirings(counts, times, 256);
    expect([
      counts[0][7],
      counts[0][6],
      counts[2][1],
      counts[1].reduce((a, b) => a + b, 0),
    ]).toEqual([2, 0, 2, 0]);
  });
});
