import { describe, expect, it } from '@jest/globals';
import { notebookSpec, paperMnistSpec } from '@s4nn/core';
import { resolveTrainOptions } from './resolve-train-options.js';

describe('resolveTrainOptions', () => {
  it('gives the paper-mnist preset of spec 7', () => {
    const options = resolveTrainOptions({ preset: 'paper-mnist' });
    expect(options.network).toEqual(paperMnistSpec());
    expect(
      options.network.layers.map((layer) => [layer.size, layer.threshold, layer.initRange]),
    ).toEqual([
      [400, 100, [0, 5]],
      [10, 100, [0, 48]],
    ]);
    expect(options.cats).toEqual([4, 1, 0, 7, 9, 2, 3, 5, 8, 6]);
    expect(options.encoding).toEqual({ type: 'latency', maxValue: 255 });
    expect(options.data).toEqual({ dataset: 'mnist' });
    expect(options.shuffle).toBe(false);
  });

  it('gives the notebook preset of spec 7', () => {
    const options = resolveTrainOptions({ preset: 'notebook' });
    expect(options.network).toEqual(notebookSpec());
    expect(options.network.layers.map((layer) => layer.initRange[1])).toEqual([5, 48, 96]);
    expect(options.cats).toEqual([4, 1, 0, 2, 3, 5]);
    expect(options.encoding).toEqual({ type: 'pre-encoded' });
  });

  it('lets the config file override the preset and the flags override both', () => {
    const options = resolveTrainOptions({
      preset: 'paper-mnist',
      config: { epochs: 5, seed: 9, network: { layers: [{ threshold: 90 }, {}] } },
      overrides: { epochs: 2, network: { tmax: 128 } },
    });
    expect(options.epochs).toBe(2);
    expect(options.seed).toBe(9);
    expect(options.network.tmax).toBe(128);
    expect(options.network.layers[0]).toEqual({ ...paperMnistSpec().layers[0], threshold: 90 });
    expect(options.network.layers[1]).toEqual(paperMnistSpec().layers[1]);
  });

  it('replaces the data source and encoding whole', () => {
    const options = resolveTrainOptions({
      preset: 'paper-mnist',
      overrides: {
        data: { train: 'a.parquet', test: 'b.parquet' },
        encoding: { type: 'pre-encoded' },
      },
    });
    expect(options.data).toEqual({ train: 'a.parquet', test: 'b.parquet' });
    expect(options.encoding).toEqual({ type: 'pre-encoded' });
  });

  it('replaces an array of another length (a different network shape)', () => {
    const layer = {
      size: 10,
      threshold: 50,
      initRange: [0, 10],
      learningRate: 0.1,
      weightDecay: 0,
      dropout: 0,
    };
    const options = resolveTrainOptions({
      preset: 'paper-mnist',
      config: { network: { layers: [layer] } },
    });
    expect(options.network.layers).toEqual([layer]);
  });

  it('does not change the presets', () => {
    resolveTrainOptions({
      preset: 'paper-mnist',
      overrides: { network: { layers: [{ threshold: 1 }, {}] } },
    });
    expect(resolveTrainOptions({ preset: 'paper-mnist' }).network).toEqual(paperMnistSpec());
  });

  it('names an unknown preset and a field the merged options lack', () => {
    expect(() => resolveTrainOptions({ preset: 'paper' as 'notebook' })).toThrow(
      'preset must be one of paper-mnist, notebook (got "paper")',
    );
    expect(() => resolveTrainOptions({ config: { epochs: 2 } })).toThrow('data must be an object');
  });
});
