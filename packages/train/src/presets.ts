import { notebookSpec, paperMnistSpec } from '@s4nn/core';
import type { TrainOptions } from './train-options.js';

/** The names of the built-in configurations. */
export type PresetName = 'paper-mnist' | 'notebook';

/** What a preset fixes: the data, categories, encoding and network; the rest keeps its defaults. */
export type Preset = Pick<TrainOptions, 'data' | 'cats' | 'encoding' | 'network'> &
  Partial<TrainOptions>;

/**
 * The reference configurations of S4NN-SPEC.md section 7.
 * - `paper-mnist`: the published network, 784-400-10 on the bundled MNIST, latency-coded 8-bit
 *   pixels, categories 4,1,0,7,9,2,3,5,8,6, samples in file order, no dropout.
 * - `notebook`: the seed notebook's 100-40-40-6 on its four CSV files of pre-encoded 10x10 spike
 *   times (file names as the notebook has them, in the working directory), categories 4,1,0,2,3,5.
 *
 * ## Example
 * ```ts
 * const options = resolveTrainOptions({ preset: 'notebook', overrides: { epochs: 5 } });
 * ```
 */
export const presets: Record<PresetName, Preset> = {
  'paper-mnist': {
    data: { dataset: 'mnist' },
    cats: [4, 1, 0, 7, 9, 2, 3, 5, 8, 6],
    encoding: { type: 'latency', maxValue: 255 },
    network: paperMnistSpec(),
    shuffle: false,
  },
  notebook: {
    data: {
      trainFeatures: 'train_data.csv',
      trainLabels: 'train_data_labels.csv',
      testFeatures: 'data_train_test.csv',
      testLabels: 'y_test_labels.csv',
    },
    cats: [4, 1, 0, 2, 3, 5],
    encoding: { type: 'pre-encoded' },
    network: notebookSpec(),
    shuffle: false,
  },
};
