import type { Table } from 'apache-arrow';
import { inputWidth, outputSize, SpecError } from '@s4nn/core';
import {
  bundledMnist,
  datasetView,
  readDataset,
  readDatasetCached,
  remap,
  split,
  type DatasetSource,
} from '@s4nn/data';
import { createEncoder, type EncoderSettings } from '@s4nn/encoding';
import { defaultCacheDir } from './cache-directory.js';
import { firstSamples } from './first-samples.js';
import { runRandom } from './run-random.js';
import type { TrainOptions } from './train-options.js';

/** Samples ready for an engine: spike times and labels 0..K-1. */
export interface EncodedSamples {
  count: number;
  /** Values per sample D. */
  width: number;
  /** count x D spike times in 0..tmax, row-major. */
  inputs: Uint16Array;
  labels: Int32Array;
}

/** What a run's `run-start` event says about its data. */
export interface DatasetSummary {
  /** The data source as configured. */
  source: TrainOptions['data'];
  shape: number[];
  classNames: string[];
  train: number;
  validation: number;
  test: number;
  /** What the CSV cache did, per split read from CSV through it (absent: no split was). */
  cache?: { train?: SplitCache; test?: SplitCache };
}

/** A split read through the CSV cache: its Arrow IPC file, and whether that existed already. */
export interface SplitCache {
  path: string;
  hit: boolean;
}

/** Everything a run trains and evaluates on. */
export interface TrainingData {
  train: EncodedSamples;
  /** Absent when `validationFraction` is 0. */
  validation?: EncodedSamples;
  test: EncodedSamples;
  /** Name of class k (output neuron k). */
  classNames: string[];
  /** The source labels of the classes (`cats`), when remapped. */
  categories?: number[];
  /** The input code with its resolved `maxValue`, as it goes into the model file. */
  encoder: EncoderSettings;
  summary: DatasetSummary;
}

/**
 * Reads, remaps, limits, splits and encodes the data of a run: the datasets of
 * `options.data` -> `remap(cats)` -> the first `trainLimit` / `testLimit` samples -> a
 * stratified validation split drawn with the run's seed -> spike times (spec 1).
 *
 * ## Example
 * ```ts
 * const data = await loadTrainingData(resolveTrainOptions({ preset: 'notebook' }));
 * data.train.inputs; // Uint16Array, train.count x 100 spike times
 * ```
 */
export async function loadTrainingData(options: TrainOptions): Promise<TrainingData> {
  const [trainRead, testRead] = await Promise.all([
    readSplit(options, 'train'),
    readSplit(options, 'test'),
  ]);
  const train = prepareTable(trainRead.table, options, 'train', options.trainLimit);
  const test = prepareTable(testRead.table, options, 'test', options.testLimit);
  const parts =
    options.validationFraction > 0
      ? split(train, { fraction: options.validationFraction, random: randomOf(options.seed) })
      : { train, validation: undefined };
  const encoder = encoderFor(options, train);
  const view = datasetView(train);
  const encoded = {
    train: encodeTable(parts.train, encoder),
    validation: parts.validation && encodeTable(parts.validation, encoder),
    test: encodeTable(test, encoder),
  };
  return {
    ...encoded,
    classNames: view.classNames,
    ...(options.cats === undefined ? {} : { categories: [...options.cats] }),
    encoder,
    summary: {
      source: options.data,
      shape: view.shape,
      classNames: view.classNames,
      train: encoded.train.count,
      validation: encoded.validation?.count ?? 0,
      test: encoded.test.count,
      ...cacheSummary(trainRead.cache, testRead.cache),
    },
  };
}

/**
 * One split of the configured data, remapped, limited to its first `limit` samples and encoded
 * (for evaluating a model on the data a run was configured with).
 *
 * ## Example
 * ```ts
 * const test = await loadSamples(options, 'test', 1000);
 * ```
 */
export async function loadSamples(
  options: TrainOptions,
  which: 'train' | 'test',
  limit?: number,
): Promise<EncodedSamples> {
  const table = prepareTable((await readSplit(options, which)).table, options, which, limit);
  return encodeTable(table, encoderFor(options, table));
}

/** A split as read, with what the cache did when it was read through the cache. */
interface SplitRead {
  table: Table;
  cache?: SplitCache;
}

async function readSplit(options: TrainOptions, which: 'train' | 'test'): Promise<SplitRead> {
  const { data, network, encoding, cacheDir } = options;
  if ('dataset' in data) return { table: await bundledMnist(which) };
  // Declarations apply to CSV files: the sample shape is the network's, and a value outside the
  // code's range fails with its line.
  const declarations = {
    shape: network.inputShape,
    ...(encoding.type === 'pre-encoded'
      ? { valueRange: [0, network.tmax] as [number, number] }
      : encoding.maxValue === undefined
        ? {}
        : { valueRange: [0, encoding.maxValue] as [number, number] }),
  };
  let source: DatasetSource;
  if ('trainFeatures' in data) {
    source =
      which === 'train'
        ? { features: data.trainFeatures, labels: data.trainLabels, ...declarations }
        : { features: data.testFeatures, labels: data.testLabels, ...declarations };
  } else {
    source = {
      path: data[which],
      ...declarations,
      ...(data.labelColumn === undefined ? {} : { labelColumn: data.labelColumn }),
    };
  }
  // Absent means the default directory; false or null turn the cache off.
  const dir = cacheDir === undefined ? defaultCacheDir() : cacheDir || undefined;
  if (dir === undefined) return { table: await readDataset(source) };
  const { table, cachePath, hit } = await readDatasetCached(source, { cacheDir: dir });
  return cachePath === undefined ? { table } : { table, cache: { path: cachePath, hit } };
}

function cacheSummary(
  train: SplitCache | undefined,
  test: SplitCache | undefined,
): Pick<DatasetSummary, 'cache'> {
  if (train === undefined && test === undefined) return {};
  return { cache: { ...(train && { train }), ...(test && { test }) } };
}

/** Remaps to `cats`, keeps the first `limit` samples and checks the table against the network. */
function prepareTable(
  table: Table,
  options: TrainOptions,
  which: string,
  limit: number | undefined,
): Table {
  const remapped =
    options.cats === undefined ? table : remap(table, options.cats, { source: which });
  const view = datasetView(remapped, which);
  const width = inputWidth(options.network);
  if (view.width !== width) {
    throw new SpecError(
      `network.inputShape [${options.network.inputShape.join(', ')}] takes ${width} values per sample; the ${which} data has ${view.width}`,
      'network.inputShape',
    );
  }
  const classes = outputSize(options.network);
  for (let row = 0; row < view.count; row++) {
    if (view.labels[row] >= classes) {
      throw new SpecError(
        `the ${which} data has label ${view.labels[row]} at sample ${row}, but the network has ${classes} outputs (labels 0..${classes - 1}); set cats to choose and order the classes`,
        'cats',
      );
    }
  }
  return limit === undefined ? remapped : firstSamples(remapped, limit);
}

function encoderFor(options: TrainOptions, table: Table): EncoderSettings {
  const { encoding, network } = options;
  if (encoding.type === 'pre-encoded') return { type: 'pre-encoded', tmax: network.tmax };
  const maxValue = encoding.maxValue ?? datasetView(table).valueRange[1];
  return { type: 'latency', tmax: network.tmax, maxValue };
}

function encodeTable(table: Table, settings: EncoderSettings): EncodedSamples {
  const view = datasetView(table);
  return {
    count: view.count,
    width: view.width,
    // On a SharedArrayBuffer, so evaluating on worker threads reads the samples in place, uncopied.
    inputs: createEncoder(settings).encodeMatrix(
      view.features,
      view.width,
      new Uint16Array(new SharedArrayBuffer(view.count * view.width * 2)),
    ),
    labels: view.labels,
  };
}

function randomOf(seed: number): () => number {
  const rng = runRandom(seed).split;
  return () => rng.next();
}
