import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { datasetView, readNotebookCsv, remap } from '@s4nn/data';
import { NOTEBOOK_FILES, writeNotebookCsv } from './make-notebook-csv.js';

interface Excerpt {
  cats: number[];
  samples: { mnist_index: number; mnist_digit: number; label: number; input_times: number[] }[];
}
// First samples of /work/shared/fixtures/train-3layer.json: MNIST training images 0..3, all digits 0-5.
const excerpt = (
  await import('../test/fixtures/downsample-excerpt.json', { with: { type: 'json' } })
).default as Excerpt;

const outDir = mkdtempSync(join(tmpdir(), 's4nn-notebook-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('writeNotebookCsv', () => {
  it('writes the 4 files whose first training rows are the fixture spike times, loadable with remap(cats)', async () => {
    const counts = await writeNotebookCsv({
      outDir,
      trainLimit: excerpt.samples.length,
      testLimit: 20,
    });
    expect(counts).toEqual({ train: excerpt.samples.length, test: 20 });
    expect(readdirSync(outDir).sort()).toEqual([
      'data_train_test.csv',
      'train_data.csv',
      'train_data_labels.csv',
      'y_test_labels.csv',
    ]);
    const source = (split: 'train' | 'test') => ({
      features: join(outDir, NOTEBOOK_FILES[split].features),
      labels: join(outDir, NOTEBOOK_FILES[split].labels),
      shape: [10, 10],
      valueRange: [0, 256] as [number, number],
    });
    const raw = datasetView(await readNotebookCsv(source('train')));
    expect(Array.from(raw.labels)).toEqual(excerpt.samples.map((s) => s.mnist_digit));
    const train = datasetView(
      remap(await readNotebookCsv(source('train')), excerpt.cats, { strict: true }),
    );
    expect(train.features).toBeInstanceOf(Uint16Array);
    expect(Array.from(train.features)).toEqual(excerpt.samples.flatMap((s) => s.input_times));
    expect(Array.from(train.labels)).toEqual(excerpt.samples.map((s) => s.label));
    expect(train.classNames).toEqual(['4', '1', '0', '2', '3', '5']);
    const test = datasetView(
      remap(await readNotebookCsv(source('test')), excerpt.cats, { strict: true }),
    );
    expect(test.count).toBe(20);
    expect(test.shape).toEqual([10, 10]);
  });
});
