import { describe, expect, it } from '@jest/globals';
import { TFJS_BACKEND_CHOICES } from '@s4nn/core';
import { BACKEND_CHOICES, dataFromFlags, overridesFromFlags } from './run-flags.js';
import { UsageError } from './usage-error.js';

describe('--backend', () => {
  it("offers the tfjs engine's backends", () => {
    expect(BACKEND_CHOICES).toEqual(TFJS_BACKEND_CHOICES);
  });

  it('becomes the backend option of the run', () => {
    expect(overridesFromFlags({ engine: 'tfjs', backend: 'wasm' }, 2)).toEqual({
      engine: 'tfjs',
      backend: 'wasm',
    });
  });
});

describe('flags as train options', () => {
  it('maps the flags given, and only those', () => {
    expect(overridesFromFlags({}, 2)).toEqual({});
    expect(
      overridesFromFlags(
        {
          epochs: 3,
          validation: 0.1,
          deadReset: false,
          out: 'runs/x',
          thresholds: [90, 100],
          tmax: 128,
          encoding: 'latency',
        },
        2,
      ),
    ).toEqual({
      epochs: 3,
      validationFraction: 0.1,
      deadNeuronReset: false,
      outDir: 'runs/x',
      encoding: { type: 'latency' },
      network: { tmax: 128, layers: [{ threshold: 90 }, { threshold: 100 }] },
    });
    // commander sets `deadReset: true` when --no-dead-reset is absent: that overrides nothing.
    expect(overridesFromFlags({ deadReset: true }, 2)).toEqual({});
  });

  it('maps --cache-dir to the cache directory and --no-cache to false', () => {
    // commander sets `cache: true` when --no-cache is absent: that keeps the default directory.
    expect(overridesFromFlags({ cache: true }, 2)).toEqual({});
    expect(overridesFromFlags({ cache: true, cacheDir: 'tmp/cache' }, 2)).toEqual({
      cacheDir: 'tmp/cache',
    });
    expect(overridesFromFlags({ cache: false }, 2)).toEqual({ cacheDir: false });
    expect(() => overridesFromFlags({ cache: false, cacheDir: 'tmp/cache' }, 2)).toThrow(
      new UsageError('give --cache-dir or --no-cache, not both'),
    );
  });

  it('rejects --thresholds that do not give one value per layer', () => {
    expect(() => overridesFromFlags({ thresholds: [100, 100] }, 3)).toThrow(
      new UsageError('--thresholds gives 2 values for a network of 3 layers'),
    );
  });

  it('reads one data source form', () => {
    expect(dataFromFlags({})).toBeUndefined();
    expect(dataFromFlags({ dataset: 'mnist' })).toEqual({ dataset: 'mnist' });
    expect(dataFromFlags({ train: 'a.arrow', test: 'b.arrow' })).toEqual({
      train: 'a.arrow',
      test: 'b.arrow',
    });
    const notebook = {
      trainFeatures: 'a.csv',
      trainLabels: 'b.csv',
      testFeatures: 'c.csv',
      testLabels: 'd.csv',
    };
    expect(dataFromFlags(notebook)).toEqual(notebook);
  });

  it.each([
    [
      { trainFeatures: 'a.csv', testLabels: 'd.csv' },
      'the notebook layout needs --train-labels, --test-features too',
    ],
    [{ train: 'a.arrow' }, '--train needs --test too'],
    [
      { dataset: 'mnist' as const, test: 'b.arrow' },
      'give one data source: --dataset, the four notebook CSV flags, or --train and --test',
    ],
  ])('rejects an incomplete or mixed source %j', (flags, message) => {
    expect(() => dataFromFlags(flags)).toThrow(new UsageError(message));
  });
});
