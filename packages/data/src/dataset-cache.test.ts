import { afterAll, describe, expect, it } from '@jest/globals';
import { readdirSync, utimesSync } from 'node:fs';
import { readDatasetCached } from './dataset-cache.js';
import { datasetView } from './dataset-view.js';
import { tempDir } from './test-support/temp-dir.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('readDatasetCached', () => {
  it('parses a CSV once, then reads the same numbers from the Arrow cache until the file changes', async () => {
    const source = {
      features: tmp.write('f.csv', 'a,b\n1,2\n3,4\n'),
      labels: tmp.write('l.csv', 'y\n0\n1\n'),
    };
    const cacheDir = tmp.path('cache');
    const first = await readDatasetCached(source, { cacheDir });
    expect(first.hit).toBe(false);
    const second = await readDatasetCached(source, { cacheDir });
    expect(second.hit).toBe(true);
    expect(second.cachePath).toBe(first.cachePath);
    expect(Array.from(datasetView(second.table).features)).toEqual([1, 2, 3, 4]);
    expect(readdirSync(cacheDir)).toEqual([first.cachePath!.split('/').pop()]);

    // Same size, new mtime: a different key, so the CSV is parsed again.
    tmp.write('f.csv', 'a,b\n5,6\n7,8\n');
    utimesSync(source.features, new Date(), new Date(Date.now() + 5000));
    const changed = await readDatasetCached(source, { cacheDir });
    expect(changed.hit).toBe(false);
    expect(Array.from(datasetView(changed.table).features)).toEqual([5, 6, 7, 8]);
  });

  it('keys the cache on declarations too, and passes non-CSV sources straight through', async () => {
    const path = tmp.write('single.csv', 'label,x\n0,3\n');
    const cacheDir = tmp.path('cache2');
    await readDatasetCached(path, { cacheDir });
    const declared = await readDatasetCached({ path, valueRange: [0, 256] }, { cacheDir });
    expect(declared.hit).toBe(false);
    expect(datasetView(declared.table).valueRange).toEqual([0, 256]);
    const arrowPath = declared.cachePath!;
    const direct = await readDatasetCached(arrowPath, { cacheDir });
    expect(direct).toMatchObject({ hit: false, cachePath: undefined });
  });
});
