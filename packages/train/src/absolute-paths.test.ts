import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { presets } from './presets.js';
import { withAbsolutePaths } from './absolute-paths.js';
import { validateTrainOptions } from './validate-train-options.js';

describe('withAbsolutePaths', () => {
  it('resolves the data files, initial weights and cache directory against the working directory', () => {
    const options = validateTrainOptions({
      ...presets.notebook,
      initWeights: 'w.npz',
      cacheDir: '.cache',
    });
    const resolved = withAbsolutePaths(options);
    const cwd = process.cwd();
    expect(resolved.data).toEqual({
      trainFeatures: path.join(cwd, 'train_data.csv'),
      trainLabels: path.join(cwd, 'train_data_labels.csv'),
      testFeatures: path.join(cwd, 'data_train_test.csv'),
      testLabels: path.join(cwd, 'y_test_labels.csv'),
    });
    expect(resolved.initWeights).toBe(path.join(cwd, 'w.npz'));
    expect(resolved.cacheDir).toBe(path.join(cwd, '.cache'));
    expect(withAbsolutePaths({ ...options, cacheDir: false }).cacheDir).toBe(false);
    expect(withAbsolutePaths({ ...options, data: { dataset: 'mnist' } }).data).toEqual({
      dataset: 'mnist',
    });
  });
});
