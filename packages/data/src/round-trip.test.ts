import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { readArrow, writeArrow } from './arrow-ipc.js';
import { datasetView } from './dataset-view.js';
import { readParquet, writeParquet } from './parquet.js';
import { readDataset } from './read-dataset.js';
import { tempDir } from './test-support/temp-dir.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

function numbers(view: ReturnType<typeof datasetView>) {
  return {
    features: Array.from(view.features),
    type: view.features.constructor.name,
    labels: Array.from(view.labels),
    shape: view.shape,
    valueRange: view.valueRange,
    classNames: view.classNames,
  };
}

describe('CSV -> Arrow -> Parquet -> Arrow', () => {
  it.each([
    [
      'spike times (Uint16)',
      'a,b,c,d\n0,256,17,3\n255,1,2,256\n',
      { valueRange: [0, 256] as [number, number] },
    ],
    ['fractions (Float32)', 'a,b,c,d\n0.5,-1.25,3,4\n1e-3,2,2.75,0\n', {}],
  ])('keeps every number, label and metadata field of %s', async (name, csv, declared) => {
    const source = {
      features: tmp.write(`${name}.csv`, csv),
      labels: tmp.write(`${name}-labels.csv`, 'label\n5\n2\n'),
      shape: [2, 2],
      ...declared,
    };
    const fromCsv = numbers(datasetView(await readDataset(source)));
    await writeArrow(await readDataset(source), tmp.path(`${name}.arrow`));
    const fromArrow = await readArrow(tmp.path(`${name}.arrow`));
    await writeParquet(fromArrow, tmp.path(`${name}.parquet`));
    const fromParquet = await readParquet(tmp.path(`${name}.parquet`));
    await writeArrow(fromParquet, tmp.path(`${name}.arrows`), { format: 'stream' });
    const fromStream = await readDataset(tmp.path(`${name}.arrows`));
    expect(numbers(datasetView(fromArrow))).toEqual(fromCsv);
    expect(numbers(datasetView(fromParquet))).toEqual(fromCsv);
    expect(numbers(datasetView(fromStream))).toEqual(fromCsv);
    expect(fromCsv.labels).toEqual([5, 2]);
  });

  it('writes the IPC file and stream formats (magic ARROW1 only in the file format)', async () => {
    const table = await readDataset({
      features: tmp.write('m.csv', 'a\n1\n'),
      labels: tmp.write('m-l.csv', 'y\n0\n'),
    });
    await writeArrow(table, tmp.path('m.arrow'));
    await writeArrow(table, tmp.path('m.arrows'), { format: 'stream' });
    expect(readFileSync(tmp.path('m.arrow')).subarray(0, 6).toString()).toBe('ARROW1');
    expect(readFileSync(tmp.path('m.arrows')).subarray(0, 6).toString()).not.toBe('ARROW1');
  });

  it('fails with the file name on bytes that are not Arrow or Parquet, and on an unknown extension', async () => {
    const bad = tmp.write('bad.arrow', 'this is not arrow');
    await expect(readArrow(bad)).rejects.toThrow(`${bad}: not a readable Arrow IPC file or stream`);
    const badParquet = tmp.write('bad.parquet', 'this is not parquet');
    await expect(readParquet(badParquet)).rejects.toThrow(
      `${badParquet}: not a readable Parquet file`,
    );
    await expect(readDataset('data.xlsx')).rejects.toThrow('data.xlsx: unknown dataset format');
  });
});
