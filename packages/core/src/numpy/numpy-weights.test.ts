import { describe, expect, it } from '@jest/globals';
import { numpyFixture } from '../test-support/numpy-fixtures.js';
import { ramp, tinyModel, tinySpec, weightBits } from '../test-support/tiny-model.js';
import type { NetworkSpec } from '../spec/network-spec.js';
import { readNpz, writeNpz } from './npz.js';
import {
  layerWeightsFromNpy,
  weightsFromNpz,
  weightsFromNumpyFile,
  weightsToNpz,
} from './numpy-weights.js';

/** tinySpec with other layer sizes. */
function specOfSizes(...sizes: number[]): NetworkSpec {
  const spec = tinySpec();
  return { ...spec, layers: sizes.map((size) => ({ ...spec.layers[0], size })) };
}

describe('weightsFromNpz', () => {
  it('imports np.savez(f, *W) with a [N_out, ...input shape] first layer and a x1 second', () => {
    expect(weightsFromNpz(numpyFixture('savez-f8.npz'), tinySpec(), 'savez-f8.npz')).toEqual([
      ramp(12),
      ramp(6),
    ]);
  });

  it('orders w0, w1 by their trailing number and widens float32', () => {
    expect(weightsFromNpz(numpyFixture('named-f4.npz'), tinySpec(), 'named-f4.npz')).toEqual([
      ramp(12),
      ramp(6),
    ]);
  });

  it('orders arr_10 after arr_9', () => {
    const spec = specOfSizes(...Array.from({ length: 11 }, () => 1));
    const npz = writeNpz(
      Array.from(
        { length: 11 },
        (_, l) =>
          [
            `arr_${10 - l}`,
            {
              shape: [1, 10 - l === 0 ? 4 : 1],
              data: new Float64Array(10 - l === 0 ? 4 : 1).fill(10 - l),
            },
          ] as const,
      ),
    );
    expect(weightsFromNpz(npz, spec, 'deep.npz').map((layer) => layer[0])).toEqual(
      Array.from({ length: 11 }, (_, l) => l),
    );
  });

  it('names the array and the expected shapes when a shape does not fit', () => {
    expect(() =>
      weightsFromNpz(numpyFixture('savez-f8.npz'), specOfSizes(4, 2), 'savez-f8.npz'),
    ).toThrow(
      'savez-f8.npz:arr_0: shape 3x2x2 does not fit layer 0 (4 inputs -> 4 neurons): expected 4x4 or 4x2x2 (trailing 1s allowed)',
    );
    expect(() =>
      weightsFromNpz(numpyFixture('savez-f8.npz'), specOfSizes(3, 5), 'savez-f8.npz'),
    ).toThrow(
      'savez-f8.npz:arr_1: shape 2x3x1 does not fit layer 1 (3 inputs -> 5 neurons): expected 5x3 (trailing 1s allowed)',
    );
    const transposed = writeNpz([
      ['w0', { shape: [4, 3], data: ramp(12) }],
      ['w1', { shape: [2, 3], data: ramp(6) }],
    ]);
    expect(() => weightsFromNpz(transposed, tinySpec(), 't.npz')).toThrow(
      't.npz:w0: shape 4x3 does not fit layer 0',
    );
  });

  it('refuses a layer count that differs from the spec', () => {
    expect(() =>
      weightsFromNpz(numpyFixture('savez-f8.npz'), specOfSizes(3, 2, 2), 'savez-f8.npz'),
    ).toThrow('savez-f8.npz: holds 2 arrays (arr_0, arr_1); the network spec has 3 layers');
  });

  it('refuses names without a layer number, and two arrays for one layer', () => {
    const layer = { shape: [3, 4], data: ramp(12) };
    expect(() => weightsFromNpz(writeNpz([['weights', layer]]), tinySpec(), 'a.npz')).toThrow(
      "a.npz: array 'weights' has no trailing layer number; name the arrays arr_0, arr_1, ... (np.savez(f, *W)) or w0, w1, ...",
    );
    expect(() =>
      weightsFromNpz(
        writeNpz([
          ['w0', layer],
          ['arr_0', layer],
        ]),
        tinySpec(),
        'b.npz',
      ),
    ).toThrow("b.npz: arrays 'w0' and 'arr_0' both end in layer number 0");
  });

  it('refuses pickled object arrays with the conversion to use', () => {
    expect(() => weightsFromNpz(numpyFixture('object.npz'), tinySpec(), 'object.npz')).toThrow(
      'np.savez(f, *[np.asarray(w, dtype=np.float64) for w in W])',
    );
  });
});

describe('.npy layers', () => {
  it('imports one layer from a .npy file, checking its shape', () => {
    expect(layerWeightsFromNpy(numpyFixture('layer-be-f4.npy'), tinySpec(), 1, 'w1.npy')).toEqual(
      ramp(6),
    );
    expect(() =>
      layerWeightsFromNpy(numpyFixture('layer-f8.npy'), tinySpec(), 0, 'w0.npy'),
    ).toThrow('w0.npy: shape 2x3 does not fit layer 0 (4 inputs -> 3 neurons)');
  });

  it('weightsFromNumpyFile takes .npz, or .npy for a one-layer spec', () => {
    expect(weightsFromNumpyFile(numpyFixture('savez-f8.npz'), tinySpec(), 'W.npz')).toEqual([
      ramp(12),
      ramp(6),
    ]);
    const oneLayer = { ...tinySpec(), inputShape: [3], layers: [tinySpec().layers[1]] };
    expect(weightsFromNumpyFile(numpyFixture('layer-f8.npy'), oneLayer, 'w.npy')).toEqual([
      ramp(6),
    ]);
    expect(() => weightsFromNumpyFile(numpyFixture('layer-f8.npy'), tinySpec(), 'w.npy')).toThrow(
      'w.npy: a .npy file holds one layer; the network spec has 2: save all layers with np.savez(f, *W)',
    );
  });

  it("refuses the published code's np.save(f, W) of all layers as a pickle, with the conversion", () => {
    expect(() => weightsFromNumpyFile(numpyFixture('object.npy'), tinySpec(), 'W.npy')).toThrow(
      "W.npy: holds a pickled object array (dtype '|O'), which s4nn never unpickles",
    );
  });
});

describe('weightsToNpz', () => {
  it('exports arr_0..arr_{L-1} as float64 [N_out, N_in] that import back bit-identically', () => {
    const { spec, weights } = tinyModel();
    const npz = weightsToNpz(weights, spec);
    const arrays = readNpz(npz, 'W.npz');
    expect([...arrays.entries()].map(([name, array]) => [name, array.shape, array.dtype])).toEqual([
      ['arr_0', [3, 4], '<f8'],
      ['arr_1', [2, 3], '<f8'],
    ]);
    expect(weightBits(weightsFromNpz(npz, spec))).toEqual(weightBits(weights));
  });

  it('refuses weights that do not fit the spec', () => {
    expect(() => weightsToNpz([ramp(12)], tinySpec())).toThrow(/expected 2 Float64Arrays/);
  });
});
