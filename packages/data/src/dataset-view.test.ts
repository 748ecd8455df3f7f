import { describe, expect, it } from '@jest/globals';
import { Table, tableFromArrays } from 'apache-arrow';
import { makeDataset } from './dataset.js';
import { compactDataset, datasetView } from './dataset-view.js';

const meta = { shape: [3], valueRange: [0, 256] as [number, number], classNames: ['x', 'y'] };

describe('datasetView', () => {
  it('is zero-copy over the arrays the table was made from', () => {
    const features = Uint16Array.from([1, 2, 3, 4, 5, 256]);
    const labels = Int32Array.from([1, 0]);
    const view = datasetView(makeDataset({ ...meta, features, labels }));
    expect(view.features.buffer).toBe(features.buffer);
    expect(view.labels.buffer).toBe(labels.buffer);
    expect(view).toMatchObject({ count: 2, width: 3, ...meta });
  });

  it('concatenates a table of several record batches once, in order', () => {
    const a = makeDataset({
      ...meta,
      features: Uint16Array.from([1, 2, 3]),
      labels: Int32Array.from([0]),
    });
    const b = makeDataset({
      ...meta,
      features: Uint16Array.from([4, 5, 6, 7, 8, 9]),
      labels: Int32Array.from([1, 1]),
    });
    const table = new Table(a.schema, [...a.batches, ...b.batches]);
    const view = datasetView(table);
    expect(Array.from(view.features)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Array.from(view.labels)).toEqual([0, 1, 1]);
    expect(datasetView(table)).toBe(view);
    expect(compactDataset(table).batches).toHaveLength(1);
  });

  it('rejects features that do not fill count x width, and tables without s4nn metadata', () => {
    expect(() =>
      makeDataset({ ...meta, features: new Uint8Array(5), labels: new Int32Array(2) }),
    ).toThrow('features hold 5 values, expected 2 labels x width 3');
    const bare = tableFromArrays({ label: Int32Array.from([0]) });
    expect(() => datasetView(bare, 'bare.arrow')).toThrow(
      'bare.arrow, schema metadata: missing s4nn.shape',
    );
  });
});
