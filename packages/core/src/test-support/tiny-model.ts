import type { S4nnModel } from '../model/model.js';
import type { NetworkSpec } from '../spec/network-spec.js';

/**
 * The network of the NumPy fixtures (test/fixtures/numpy/make-fixtures.py): 2x2 inputs -> 3 -> 2.
 */
export function tinySpec(): NetworkSpec {
  const layer = {
    threshold: 10,
    initRange: [0, 5] as [number, number],
    learningRate: 0.2,
    weightDecay: 1e-6,
    dropout: 0,
  };
  return {
    inputShape: [2, 2],
    tmax: 256,
    gamma: 3,
    layers: [
      { size: 3, ...layer },
      { size: 2, ...layer },
    ],
  };
}

/** The fixtures' values: element k (C order) of each array is k / 8 - 1, exact in float32. */
export function ramp(count: number): Float64Array {
  return Float64Array.from({ length: count }, (_, k) => k / 8 - 1);
}

/**
 * A model of {@link tinySpec} whose weights (seeded by `variant`) include values a lossy format
 * would change: -0, the smallest subnormal, the largest double, and non-round fractions.
 */
export function tinyModel(variant = 1): S4nnModel {
  const awkward = [-0, 5e-324, Number.MAX_VALUE, -1 / 3];
  const values = (count: number, layer: number): Float64Array =>
    Float64Array.from({ length: count }, (_, k) =>
      k < awkward.length && layer === 0
        ? awkward[k]
        : Math.sin(variant * 1000 + layer * 100 + k) * 48,
    );
  return {
    spec: tinySpec(),
    weights: [values(12, 0), values(6, 1)],
    encoder: { type: 'latency', tmax: 256, maxValue: 255 },
    classes: { names: ['seven', 'one'], categories: [7, 1] },
    provenance: {
      seed: variant,
      epochs: 3,
      dataset: 'fixture',
      nested: { list: [1, 'two', null] },
    },
  };
}

/** The bits of every value, so that `toEqual` tells -0 from 0 and compares NaN payloads. */
export function weightBits(weights: Float64Array[]): bigint[][] {
  return weights.map((layer) => Array.from(new BigUint64Array(layer.slice().buffer)));
}
