import path from 'node:path';
import type { TrainOptions } from './train-options.js';

/**
 * `options` with its data files, initial weights and cache directory resolved against the
 * working directory, so that options stored in a file (a run's `config.json`, a model's
 * provenance) work from any other directory.
 *
 * ## Example
 * ```ts
 * withAbsolutePaths({ ...options, data: { train: 'a.arrow', test: 'b.arrow' } }).data;
 * // { train: '/home/ada/a.arrow', test: '/home/ada/b.arrow' } when run in /home/ada
 * ```
 */
export function withAbsolutePaths(options: TrainOptions): TrainOptions {
  const { data, initWeights, cacheDir } = options;
  const absolute = (file: string) => path.resolve(file);
  const files =
    'trainFeatures' in data
      ? {
          ...data,
          trainFeatures: absolute(data.trainFeatures),
          trainLabels: absolute(data.trainLabels),
          testFeatures: absolute(data.testFeatures),
          testLabels: absolute(data.testLabels),
        }
      : 'train' in data
        ? { ...data, train: absolute(data.train), test: absolute(data.test) }
        : data;
  return {
    ...options,
    data: files,
    ...(initWeights === undefined ? {} : { initWeights: absolute(initWeights) }),
    ...(typeof cacheDir === 'string' ? { cacheDir: absolute(cacheDir) } : {}),
  };
}
