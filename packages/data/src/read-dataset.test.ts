import { afterAll, describe, expect, it } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import { datasetView } from './dataset-view.js';
import { readDataset } from './read-dataset.js';
import { idxBytes } from './test-support/idx.js';
import { tempDir } from './test-support/temp-dir.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('readDataset', () => {
  it('reads an images IDX path together with the labels file of the matching name', async () => {
    tmp.write('train-images-idx3-ubyte.gz', gzipSync(idxBytes([1, 2, 2], [1, 2, 3, 4])));
    tmp.write('train-labels-idx1-ubyte.gz', gzipSync(idxBytes([1], [6])));
    const view = datasetView(await readDataset(tmp.path('train-images-idx3-ubyte.gz')));
    expect(Array.from(view.features)).toEqual([1, 2, 3, 4]);
    expect(Array.from(view.labels)).toEqual([6]);
  });

  it('reads a .csv path as a single CSV with a label column, and passes declarations through', async () => {
    const path = tmp.write('one.csv', 'a,label,b\n1,0,2\n');
    expect(Array.from(datasetView(await readDataset(path)).features)).toEqual([1, 2]);
    const declared = datasetView(
      await readDataset({ path, valueRange: [0, 256], classNames: ['zero'] }),
    );
    expect(declared.valueRange).toEqual([0, 256]);
    expect(declared.classNames).toEqual(['zero']);
    expect(declared.features).toBeInstanceOf(Uint16Array);
  });
});
