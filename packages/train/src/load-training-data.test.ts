import { readdir, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { makeDataset, writeArrow } from '@s4nn/data';
import { loadSamples, loadTrainingData } from './load-training-data.js';
import { temporaryDirectory } from './test-support/tiny-data.js';
import type { TrainOptions } from './train-options.js';
import { validateTrainOptions } from './validate-train-options.js';

const layer = { threshold: 1, initRange: [0, 1], learningRate: 0.1, weightDecay: 0, dropout: 0 };
const network = (width: number, classes: number) => ({
  inputShape: [width],
  tmax: 8,
  gamma: 3,
  layers: [{ size: classes, ...layer }],
});

/** Ten samples of two pixels: sample s is [25 s, 255 - 25 s], digit s % 4. */
async function writeDigits(dir: string): Promise<string> {
  const file = path.join(dir, 'digits.arrow');
  const features = Uint8Array.from({ length: 20 }, (_, k) =>
    k % 2 === 0 ? 25 * (k / 2) : 255 - 25 * ((k - 1) / 2),
  );
  const labels = Int32Array.from({ length: 10 }, (_, s) => s % 4);
  await writeArrow(
    makeDataset({
      features,
      labels,
      shape: [2],
      valueRange: [0, 255],
      classNames: ['zero', 'one', 'two', 'three'],
    }),
    file,
  );
  return file;
}

async function digitOptions(overrides: Partial<TrainOptions> = {}): Promise<TrainOptions> {
  const file = await writeDigits(await temporaryDirectory());
  return validateTrainOptions({
    data: { train: file, test: file },
    cats: [3, 1],
    encoding: { type: 'latency' },
    network: network(2, 2),
    ...overrides,
  });
}

describe('loadTrainingData', () => {
  it('remaps to cats, keeps the first trainLimit samples in file order and latency-encodes them', async () => {
    const data = await loadTrainingData(await digitOptions({ trainLimit: 3, testLimit: 1 }));
    // Digits 3 and 1 are samples 1, 3, 5, 7, 9 (digits 1, 3, 1, 3, 1): labels 1, 0, 1, 0, 1.
    expect(Array.from(data.train.labels)).toEqual([1, 0, 1]);
    // Samples 1, 3, 5 are [25, 230], [75, 180], [125, 130]; t = floor((255 - x) * 8 / 255).
    expect(Array.from(data.train.inputs)).toEqual([7, 0, 5, 2, 4, 3]);
    expect(data.test.count).toBe(1);
    expect(data.classNames).toEqual(['three', 'one']);
    expect(data.categories).toEqual([3, 1]);
    expect(data.encoder).toEqual({ type: 'latency', tmax: 8, maxValue: 255 });
    expect(data.validation).toBeUndefined();
    expect(data.summary).toMatchObject({ shape: [2], train: 3, validation: 0, test: 1 });
    expect(data.summary.cache).toBeUndefined(); // Arrow files need no cache
  });

  it('takes maxValue from the options over the dataset', async () => {
    const data = await loadTrainingData(
      await digitOptions({ encoding: { type: 'latency', maxValue: 510 }, trainLimit: 1 }),
    );
    // [25, 230] with X = 510: floor(485 * 8 / 510) = 7, floor(280 * 8 / 510) = 4.
    expect(Array.from(data.train.inputs)).toEqual([7, 4]);
  });

  it('carves a stratified validation split with the seed, the same every time', async () => {
    const options = await digitOptions({ validationFraction: 0.4 });
    const [a, b] = [await loadTrainingData(options), await loadTrainingData(options)];
    // Class 0 (digit 3) has 2 samples, class 1 (digit 1) has 3: round(0.8) = 1 and round(1.2) = 1.
    expect(Array.from(a.validation?.labels ?? []).sort()).toEqual([0, 1]);
    expect(a.train.count + (a.validation?.count ?? 0)).toBe(5);
    expect(b.validation?.inputs).toEqual(a.validation?.inputs);
    expect(a.summary).toMatchObject({ train: 3, validation: 2, test: 5 });
  });

  it("reads the notebook's four CSV files of pre-encoded spike times", async () => {
    const dir = await temporaryDirectory();
    const write = async (name: string, text: string) => {
      await writeFile(path.join(dir, name), text);
      return path.join(dir, name);
    };
    const options = validateTrainOptions({
      data: {
        trainFeatures: await write('train_data.csv', 'a,b\n0,8\n3.7,2\n5,5\n'),
        trainLabels: await write('train_data_labels.csv', 'label\n2\n0\n2\n'),
        testFeatures: await write('data_train_test.csv', 'a,b\n1,1\n'),
        testLabels: await write('y_test_labels.csv', 'label\n0\n'),
      },
      cats: [2, 0],
      encoding: { type: 'pre-encoded' },
      network: network(2, 2),
      // The rewrite below keeps the file's size; the cache's own tests are below.
      cacheDir: false,
    });
    const data = await loadTrainingData(options);
    expect(Array.from(data.train.inputs)).toEqual([0, 8, 3, 2, 5, 5]);
    expect(Array.from(data.train.labels)).toEqual([0, 1, 0]);
    expect(Array.from((await loadSamples(options, 'test')).labels)).toEqual([1]);
    expect(data.encoder).toEqual({ type: 'pre-encoded', tmax: 8 });

    await write('data_train_test.csv', 'a,b\n1,9\n');
    await expect(loadSamples(options, 'test')).rejects.toThrow(/data_train_test\.csv.*line 2/);
  });

  it('names cats when a label has no output neuron', async () => {
    const options = await digitOptions();
    await expect(loadTrainingData({ ...options, cats: undefined })).rejects.toThrow(
      'the train data has label 2 at sample 2, but the network has 2 outputs (labels 0..1); set cats to choose and order the classes',
    );
  });
});

/** The notebook's four CSV files of pre-encoded times in a fresh directory, and options reading them. */
async function notebookCsvOptions(overrides: Partial<TrainOptions> = {}) {
  const dir = await temporaryDirectory();
  const file = (name: string) => path.join(dir, name);
  await writeFile(file('train.csv'), 'a,b\n0,8\n3,2\n5,5\n');
  await writeFile(file('train_labels.csv'), 'label\n2\n0\n2\n');
  await writeFile(file('test.csv'), 'a,b\n1,1\n');
  await writeFile(file('test_labels.csv'), 'label\n0\n');
  const cacheDir = file('cache');
  const options = validateTrainOptions({
    data: {
      trainFeatures: file('train.csv'),
      trainLabels: file('train_labels.csv'),
      testFeatures: file('test.csv'),
      testLabels: file('test_labels.csv'),
    },
    cats: [2, 0],
    encoding: { type: 'pre-encoded' },
    network: network(2, 2),
    cacheDir,
    ...overrides,
  });
  return { dir, file, cacheDir, options };
}

describe('the CSV cache', () => {
  it('parses the CSV files once: the second load reads the cache and gives the same samples', async () => {
    const { cacheDir, options } = await notebookCsvOptions();
    const first = await loadTrainingData(options);
    const { cache } = first.summary;
    expect(cache?.train).toEqual({ path: expect.stringMatching(/\.arrow$/), hit: false });
    expect(cache?.test).toEqual({ path: expect.stringMatching(/\.arrow$/), hit: false });
    expect(path.dirname(cache?.train?.path ?? '')).toBe(cacheDir);
    expect((await readdir(cacheDir)).sort()).toEqual(
      [path.basename(cache?.train?.path ?? ''), path.basename(cache?.test?.path ?? '')].sort(),
    );

    const second = await loadTrainingData(options);
    expect(second.summary.cache).toEqual({
      train: { path: cache?.train?.path, hit: true },
      test: { path: cache?.test?.path, hit: true },
    });
    expect(Array.from(second.train.inputs)).toEqual([0, 8, 3, 2, 5, 5]);
    expect(second.train.inputs).toEqual(first.train.inputs);
    expect(second.train.labels).toEqual(first.train.labels);
    expect(second.test.inputs).toEqual(first.test.inputs);
    expect(second.classNames).toEqual(first.classNames);
    expect((await loadSamples(options, 'test')).inputs).toEqual(first.test.inputs);
  });

  it('misses when a CSV file changes size or mtime', async () => {
    const { file, options } = await notebookCsvOptions();
    await loadTrainingData(options);
    await writeFile(file('train.csv'), 'a,b\n0,8\n3,2\n5,6\n'); // same size, new contents
    const { mtime } = await stat(file('train.csv'));
    await utimes(file('train.csv'), mtime, new Date(mtime.getTime() + 2000)); // surely a new mtime
    const changed = await loadTrainingData(options);
    expect(changed.summary.cache?.train?.hit).toBe(false);
    expect(changed.summary.cache?.test?.hit).toBe(true);
    expect(Array.from(changed.train.inputs)).toEqual([0, 8, 3, 2, 5, 6]);

    await writeFile(file('train.csv'), 'a,b\n0,8\n3,2\n5,7\n1,1\n'); // another size
    await writeFile(file('train_labels.csv'), 'label\n2\n0\n2\n0\n');
    const grown = await loadTrainingData(options);
    expect(grown.summary.cache?.train?.hit).toBe(false);
    expect(Array.from(grown.train.inputs)).toEqual([0, 8, 3, 2, 5, 7, 1, 1]);
  });

  it('caches a single CSV with a label column, and writes nothing when turned off', async () => {
    const { dir, file, cacheDir, options } = await notebookCsvOptions();
    await writeFile(file('split.csv'), 'a,b,label\n4,4,2\n8,0,0\n');
    const single = { ...options, data: { train: file('split.csv'), test: file('split.csv') } };
    await loadTrainingData(single);
    const again = await loadTrainingData(single);
    expect(again.summary.cache?.train?.hit).toBe(true);
    expect(Array.from(again.train.inputs)).toEqual([4, 4, 8, 0]);

    for (const off of [false, null] as const) {
      const uncached = await notebookCsvOptions({ cacheDir: off });
      const data = await loadTrainingData(uncached.options);
      expect(data.summary.cache).toBeUndefined();
      expect(await readdir(uncached.dir)).not.toContain('cache');
    }
    expect(await readdir(dir)).toContain(path.basename(cacheDir));
  });
});
