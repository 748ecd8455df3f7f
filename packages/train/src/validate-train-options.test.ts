import { describe, expect, it } from '@jest/globals';
import { notebookSpec, paperMnistSpec, SpecError } from '@s4nn/core';
import { presets } from './presets.js';
import { validateTrainOptions } from './validate-train-options.js';

const minimal = {
  data: { dataset: 'mnist' },
  encoding: { type: 'latency' },
  network: paperMnistSpec(),
};

function errorOf(input: unknown): SpecError {
  try {
    validateTrainOptions(input);
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  throw new Error('expected validateTrainOptions to throw');
}

describe('validateTrainOptions', () => {
  it('fills in the defaults and leaves its input alone', () => {
    const input = { ...minimal };
    expect(validateTrainOptions(input)).toEqual({
      ...minimal,
      epochs: 1,
      seed: 1,
      shuffle: false,
      validationFraction: 0,
      checkpointEvery: 1,
      engine: 'event',
      threads: 0,
      deadNeuronReset: true,
      earlyStoppingPatience: 0,
      progressThrottleMs: 250,
    });
    expect(input).toEqual(minimal);
  });

  it('accepts both presets as they are', () => {
    expect(validateTrainOptions(presets['paper-mnist']).network).toEqual(paperMnistSpec());
    expect(validateTrainOptions(presets.notebook).network).toEqual(notebookSpec());
  });

  it.each([
    [{ epochs: 0 }, 'epochs', 'epochs must be an integer >= 1 (got 0)'],
    [{ epochs: 1.5 }, 'epochs', 'epochs must be an integer >= 1 (got 1.5)'],
    [{ seed: -1 }, 'seed', 'seed must be an integer in 0..4294967295 (got -1)'],
    [
      { validationFraction: 1 },
      'validationFraction',
      'validationFraction must be a number in [0, 1) (got 1)',
    ],
    [{ shuffle: 'yes' }, 'shuffle', 'shuffle must be true or false (got "yes")'],
    [{ threads: -2 }, 'threads', 'threads must be an integer >= 0 (got -2)'],
    [{ trainLimit: 0 }, 'trainLimit', 'trainLimit must be an integer >= 1 (got 0)'],
    [{ cats: [1, 'x'] }, 'cats[1]', 'cats[1] must be an integer >= 0 (got "x")'],
    [
      { encoding: { type: 'rate' } },
      'encoding.type',
      "encoding.type must be 'latency' or 'pre-encoded' (got \"rate\")",
    ],
    [{ epoch: 3 }, 'epoch', 'epoch is not a known option'],
    [
      { data: { dataset: 'cifar' } },
      'data.dataset',
      'data.dataset must be \'mnist\' (got "cifar")',
    ],
    [{ data: { train: 'a.arrow' } }, 'data.test', 'data.test'],
    [
      { data: { trainFeatures: 'x.csv', trainLabels: 'y.csv', testFeatures: 'z.csv' } },
      'data.testLabels',
      'data.testLabels',
    ],
    [{ data: { path: 'x.csv' } }, 'data', 'data must be an object'],
    [{ data: undefined }, 'data', 'data must be an object'],
    [
      { cacheDir: true },
      'cacheDir',
      'cacheDir must be a directory path, or false or null for no cache (got true)',
    ],
    [{ cacheDir: '' }, 'cacheDir', 'cacheDir must be a directory path'],
  ])('names the field of %j', (change, field, message) => {
    const error = errorOf({ ...minimal, ...change });
    expect(error.field).toBe(field);
    expect(error.message).toContain(message);
  });

  it('takes a cache directory, or false or null for none', () => {
    for (const cacheDir of ['.cache/s4nn', false, null])
      expect(validateTrainOptions({ ...minimal, cacheDir }).cacheDir).toBe(cacheDir);
    // Its two rules both fail on a bad value: the message says what it must be once.
    expect(errorOf({ ...minimal, cacheDir: 3 }).message).toBe(
      'cacheDir must be a directory path, or false or null for no cache (got 3)',
    );
  });

  it('names the field of a bad network spec with its path', () => {
    const network = paperMnistSpec();
    network.layers[1].threshold = -5;
    const error = errorOf({ ...minimal, network });
    expect(error.field).toBe('network.layers[1].threshold');
    expect(error.message).toContain('layers[1].threshold');
  });

  it('checks the fields against each other', () => {
    expect(errorOf({ ...minimal, cats: [1, 2, 3] }).message).toBe(
      'cats must list one label per output neuron: the network has 10, cats 3',
    );
    expect(errorOf({ ...minimal, cats: [1, 1, 2, 3, 4, 5, 6, 7, 8, 9] }).field).toBe('cats');
    expect(errorOf({ ...minimal, earlyStoppingPatience: 2 }).field).toBe('earlyStoppingPatience');
    expect(errorOf({ ...minimal, encoding: { type: 'pre-encoded', maxValue: 255 } }).field).toBe(
      'encoding.maxValue',
    );
  });

  it('lists every bad field in one message', () => {
    const error = errorOf({ ...minimal, epochs: 0, threads: 'two' });
    expect(error.message).toBe(
      'epochs must be an integer >= 1 (got 0); threads must be an integer >= 0 (got "two")',
    );
  });
});
