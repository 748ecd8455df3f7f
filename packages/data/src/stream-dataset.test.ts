import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readArrow, streamArrow, writeArrowBatches } from './arrow-ipc.js';
import { datasetView } from './dataset-view.js';
import { readParquet, streamParquet, writeParquet } from './parquet.js';
import { readDataset, streamDataset } from './read-dataset.js';
import { drain } from './test-support/drain.js';
import { idxBytes } from './test-support/idx.js';
import { tempDir } from './test-support/temp-dir.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

// 10 samples of 3 spike times in the notebook layout: sample i is [i, 2i, 256 - i], label i % 4.
const rows = Array.from({ length: 10 }, (_, i) => [i, 2 * i, 256 - i]);
const notebook = {
  features: tmp.write('f.csv', `a,b,c\n${rows.map((r) => r.join(',')).join('\n')}\n`),
  labels: tmp.write('l.csv', `label\n${rows.map((_, i) => i % 4).join('\n')}\n`),
  valueRange: [0, 256] as [number, number],
};

describe('streamArrow', () => {
  it.each(['file', 'stream'] as const)(
    'streams an Arrow IPC %s batch by batch, the same numbers as readArrow',
    async (format) => {
      const path = tmp.path(`ten.${format === 'file' ? 'arrow' : 'arrows'}`);
      await writeArrowBatches(streamDataset(notebook, { batchRows: 4 }), path, { format });
      const streamed = await drain(streamArrow(path));
      expect(streamed.error).toBeUndefined();
      expect(streamed.sizes).toEqual([4, 4, 2]);
      const whole = datasetView(await readArrow(path));
      expect(Array.from(streamed.view().features)).toEqual(rows.flat());
      expect(Array.from(whole.features)).toEqual(rows.flat());
      expect(Array.from(streamed.view().labels)).toEqual(Array.from(whole.labels));
    },
  );

  it('fails on a stream cut inside a late record batch, naming it, after the earlier ones', async () => {
    const path = tmp.path('cut-source.arrows');
    await writeArrowBatches(streamDataset(notebook, { batchRows: 4 }), path, { format: 'stream' });
    const bytes = readFileSync(path);
    const cut = tmp.write('cut.arrows', bytes.subarray(0, bytes.length - 40));
    const streamed = await drain(streamArrow(cut));
    expect(streamed.sizes).toEqual([4, 4]);
    expect(streamed.error?.message).toMatch(
      `${cut}, record batch 2: not a readable Arrow IPC file or stream`,
    );
  });

  it('fails on a file that is not Arrow IPC before any batch', async () => {
    const junk = tmp.write('junk.arrow', 'not arrow at all, just text');
    const streamed = await drain(streamArrow(junk));
    expect(streamed.sizes).toEqual([]);
    expect(streamed.error?.message).toMatch(`${junk}: not a readable Arrow IPC file or stream`);
  });
});

describe('streamParquet', () => {
  it('streams a Parquet file in batches of 4, 4, 2 with the numbers of readParquet', async () => {
    const path = tmp.path('ten.parquet');
    await writeParquet(await readDataset(notebook), path);
    const streamed = await drain(streamParquet(path, { batchRows: 4 }));
    expect(streamed.error).toBeUndefined();
    expect(streamed.sizes).toEqual([4, 4, 2]);
    expect(streamed.view().valueRange).toEqual([0, 256]);
    expect(Array.from(streamed.view().features)).toEqual(rows.flat());
    expect(Array.from(datasetView(await readParquet(path)).labels)).toEqual(
      Array.from(streamed.view().labels),
    );
  });
});

describe('streamDataset', () => {
  it('streams every source readDataset reads, with the same numbers', async () => {
    tmp.write('train-images-idx3-ubyte.gz', gzipSync(idxBytes([3, 1, 2], [1, 2, 3, 4, 5, 6])));
    tmp.write('train-labels-idx1-ubyte.gz', gzipSync(idxBytes([3], [6, 7, 8])));
    const labeled = tmp.write(
      'labeled.csv',
      `label,a,b,c\n${rows.map((r, i) => [i % 4, ...r].join(',')).join('\n')}\n`,
    );
    const arrow = tmp.path('whole.arrow');
    await writeArrowBatches(streamDataset(notebook), arrow);
    const parquet = tmp.path('whole.parquet');
    await writeParquet(await readArrow(arrow), parquet);
    const sources = [
      notebook,
      tmp.path('train-images-idx3-ubyte.gz'),
      { path: labeled, valueRange: [0, 256] as [number, number], classNames: ['0', '1', '2', '3'] },
      arrow,
      parquet,
    ];
    for (const source of sources) {
      const streamed = await drain(streamDataset(source, { batchRows: 2 }));
      expect(streamed.error).toBeUndefined();
      const whole = datasetView(await readDataset(source));
      expect(Array.from(streamed.view().features)).toEqual(Array.from(whole.features));
      expect(Array.from(streamed.view().labels)).toEqual(Array.from(whole.labels));
    }
  });

  it('ingests a stream into an Arrow file without holding it: the file reads back identical', async () => {
    const path = tmp.path('ingested.arrow');
    await writeArrowBatches(streamDataset({ ...notebook, shape: [3] }, { batchRows: 3 }), path);
    const back = await readArrow(path);
    const view = datasetView(back);
    const whole = datasetView(await readDataset(notebook));
    expect(view.features).toBeInstanceOf(Uint16Array);
    expect(Array.from(view.features)).toEqual(Array.from(whole.features));
    expect(Array.from(view.labels)).toEqual(Array.from(whole.labels));
    expect(view.classNames).toEqual(['0', '1', '2', '3']);
    expect(view.valueRange).toEqual([0, 256]);
  });

  it('asks for the declarations a streamed CSV needs', async () => {
    const streamed = await drain(
      streamDataset({ features: notebook.features, labels: notebook.labels }),
    );
    expect(streamed.error?.message).toBe(
      `${notebook.features}: streaming a CSV needs a declared valueRange: every record batch carries it before all rows are read`,
    );
  });
});
