import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync } from 'node:fs';
import { Table } from 'apache-arrow';
import { readArrow, writeArrowBatches } from './arrow-ipc.js';
import { datasetView } from './dataset-view.js';
import { readLabeledCsv, readNotebookCsv } from './read-csv.js';
import { streamLabeledCsv, streamNotebookCsv } from './stream-csv.js';
import { drain } from './test-support/drain.js';
import { tempDir } from './test-support/temp-dir.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

// 7 samples of 3 spike times: sample i is [i, 100 + i, 256 - i].
const rows = Array.from({ length: 7 }, (_, i) => [i, 100 + i, 256 - i]);
const source = {
  features: tmp.write('f.csv', `a,b,c\n${rows.map((r) => r.join(',')).join('\n')}\n`),
  labels: tmp.write('l.csv', `label\n${rows.map((_, i) => i % 3).join('\n')}\n`),
  valueRange: [0, 256] as [number, number],
};

async function collect(iterable: AsyncIterable<unknown>) {
  const items = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('streamNotebookCsv', () => {
  it('yields batches of at most batchRows samples that together equal the whole-file reader', async () => {
    const batches = await collect(streamNotebookCsv(source, { batchRows: 3 }));
    expect(batches.map((b) => (b as { numRows: number }).numRows)).toEqual([3, 3, 1]);
    const streamed = datasetView(new Table(batches as never));
    const whole = datasetView(await readNotebookCsv(source));
    expect(streamed.features).toBeInstanceOf(Uint16Array);
    expect(Array.from(streamed.features)).toEqual(Array.from(whole.features));
    expect(Array.from(streamed.labels)).toEqual(Array.from(whole.labels));
    expect(streamed.classNames).toEqual(['0', '1', '2']);
  });

  it('writes the batches to an Arrow file that reads back as one dataset', async () => {
    const path = tmp.path('streamed.arrow');
    await writeArrowBatches(streamNotebookCsv(source, { batchRows: 2 }), path);
    const view = datasetView(await readArrow(path));
    expect(Array.from(view.features)).toEqual(rows.flat());
    expect(view.valueRange).toEqual([0, 256]);
  });

  it('fails on a fraction when the element type is integral, and on more feature rows than labels', async () => {
    const fraction = {
      ...source,
      features: tmp.write('frac.csv', 'a\n1\n2.5\n'),
      labels: tmp.write('frac-l.csv', 'y\n0\n0\n'),
    };
    await expect(collect(streamNotebookCsv(fraction))).rejects.toThrow(
      `${fraction.features}, line 3: column 1: value 2.5 is not an integer, but the features are uint16`,
    );
    const extra = {
      ...source,
      features: tmp.write('extra.csv', 'a\n1\n2\n3\n'),
      labels: tmp.write('extra-l.csv', 'y\n0\n0\n'),
    };
    await expect(collect(streamNotebookCsv(extra))).rejects.toThrow(
      `${extra.features}, line 4: label and feature files of different lengths: more feature rows than the 2 labels`,
    );
  });

  it('leaves no file behind when the stream fails after some batches were written', async () => {
    const bad = {
      ...source,
      features: tmp.write('late.csv', 'a\n1\n2\n3\n999\n'),
      labels: tmp.write('late-l.csv', 'y\n0\n0\n0\n0\n'),
    };
    const path = tmp.path('late.arrow');
    await expect(writeArrowBatches(streamNotebookCsv(bad, { batchRows: 1 }), path)).rejects.toThrow(
      `${bad.features}, line 5: column 1: value 999 outside the declared range [0, 256]`,
    );
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(tmp.dir).filter((name) => name.startsWith('late.arrow'))).toEqual([]);
  });
});

describe('streamLabeledCsv', () => {
  // 10 samples: label i % 3, features [i, 2i + 0.5 | 2i].
  const lines = Array.from({ length: 10 }, (_, i) => `${i},${i % 3},${2 * i}`);
  const path = tmp.write('labeled.csv', `x0,digit,x1\n${lines.join('\n')}\n`);
  const declared = {
    path,
    labelColumn: 'digit',
    valueRange: [0, 255] as [number, number],
    classNames: ['a', 'b', 'c'],
  };

  it('yields batches of 4, 4, 2 holding the same numbers as readLabeledCsv, Float32 by default', async () => {
    const streamed = await drain(streamLabeledCsv(declared, { batchRows: 4 }));
    expect(streamed.error).toBeUndefined();
    expect(streamed.sizes).toEqual([4, 4, 2]);
    const view = streamed.view();
    const whole = datasetView(await readLabeledCsv(declared));
    expect(view.features).toBeInstanceOf(Float32Array);
    expect(Array.from(view.features)).toEqual(Array.from(whole.features));
    expect(Array.from(view.labels)).toEqual(Array.from(whole.labels));
    expect(Array.from(view.labels)).toEqual(lines.map((_, i) => i % 3));
    expect(view.classNames).toEqual(['a', 'b', 'c']);
    expect(view.valueRange).toEqual([0, 255]);
  });

  it('uses a declared integer element type and fails on a fraction with its line', async () => {
    const bytes = await drain(streamLabeledCsv({ ...declared, featureType: 'uint8' }));
    expect(bytes.view().features).toBeInstanceOf(Uint8Array);
    expect(Array.from(bytes.view().features)).toEqual(lines.flatMap((_, i) => [i, 2 * i]));
    const fraction = tmp.write('labeled-frac.csv', 'x,label\n1,0\n1.5,0\n');
    const failed = await drain(
      streamLabeledCsv({ ...declared, path: fraction, labelColumn: 'label', featureType: 'uint8' }),
    );
    expect(failed.error?.message).toBe(
      `${fraction}, line 3: column 1: value 1.5 is not an integer, but the features are uint8 (declare featureType 'float32')`,
    );
  });

  it('refuses a declared integer element type that cannot hold the declared value range', async () => {
    const wide = tmp.write('labeled-wide.csv', 'x,label\n256,0\n');
    const failed = await drain(
      streamLabeledCsv({
        ...declared,
        path: wide,
        labelColumn: 'label',
        valueRange: [0, 256],
        featureType: 'uint8',
      }),
    );
    expect(failed.sizes).toEqual([]);
    expect(failed.error?.message).toBe(
      `${wide}: featureType 'uint8' holds integers in [0, 255], but the declared valueRange is [0, 256]`,
    );
    const negative = await drain(
      streamNotebookCsv({ ...source, valueRange: [-1, 256], featureType: 'uint16' }),
    );
    expect(negative.error?.message).toBe(
      `${source.features}: featureType 'uint16' holds integers in [0, 65535], but the declared valueRange is [-1, 256]`,
    );
  });

  it('surfaces an error in a late batch with its line after the earlier batches were yielded', async () => {
    const bad = tmp.write(
      'labeled-late.csv',
      `x0,digit,x1\n${lines.slice(0, 9).join('\n')}\n9,1\n`,
    );
    const streamed = await drain(streamLabeledCsv({ ...declared, path: bad }, { batchRows: 4 }));
    expect(streamed.sizes).toEqual([4, 4]);
    expect(streamed.error?.message).toBe(`${bad}, line 11: ragged row: 2 values, expected 3`);
    const unnamed = tmp.write('labeled-class.csv', 'x0,digit,x1\n1,0,1\n1,3,1\n');
    const missing = await drain(streamLabeledCsv({ ...declared, path: unnamed }, { batchRows: 1 }));
    expect(missing.sizes).toEqual([1]);
    expect(missing.error?.message).toBe(`${unnamed}, line 3: label 3 has no class name (3 given)`);
    await expect(drain(streamLabeledCsv(declared, { batchRows: 0 }))).resolves.toMatchObject({
      error: new RangeError('batchRows must be a positive integer, got 0'),
    });
  });
});
