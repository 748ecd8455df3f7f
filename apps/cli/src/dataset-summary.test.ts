import { describe, expect, it } from '@jest/globals';
import { makeDataset } from '@s4nn/data';
import { summarizeDataset } from './dataset-summary.js';

describe('summarizeDataset', () => {
  it('counts every named class, empty ones too, and finds the observed range', () => {
    const table = makeDataset({
      features: Float32Array.of(0.5, -1, 2, 0.25, 1, 1),
      labels: Int32Array.of(2, 0, 2),
      shape: [2],
      valueRange: [-1, 2],
      classNames: ['cat', 'dog', 'emu', 'fox'],
    });
    expect(summarizeDataset(table, 'pets.arrow', { read: 12 })).toEqual({
      file: 'pets.arrow',
      rows: 3,
      shape: [2],
      width: 2,
      valueType: 'Float32',
      valueRange: { declared: [-1, 2], observed: [-1, 2] },
      classes: [
        { label: 0, name: 'cat', count: 1 },
        { label: 1, name: 'dog', count: 0 },
        { label: 2, name: 'emu', count: 2 },
        { label: 3, name: 'fox', count: 0 },
      ],
      timings: { read: 12 },
    });
  });

  it('reports no observed range for an empty dataset', () => {
    const table = makeDataset({
      features: new Uint8Array(0),
      labels: new Int32Array(0),
      shape: [3],
      valueRange: [0, 255],
      classNames: [],
    });
    const summary = summarizeDataset(table, 'empty.arrow', {});
    expect(summary).toMatchObject({ rows: 0, valueType: 'Uint8', classes: [] });
    expect(summary.valueRange.observed).toBeNull();
  });
});
