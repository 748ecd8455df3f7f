/**
 * Random small S4NN networks with integer weights and thresholds (fast-check): every potential
 * is an integer far below 2^24, exact in float32 and float64 alike, so the tfjs and event
 * engines must agree exactly on firing times and decisions.
 */
import fc from 'fast-check';
import { createNetwork, type Network } from '../../../network/network.js';
import type { NetworkSpec, Weights } from '../../../spec/network-spec.js';

export interface IntegerCase {
  spec: NetworkSpec;
  weights: Weights;
  /** n x D spike times, row-major. */
  inputs: Uint16Array;
  labels: number[];
}

/** Cases with 1 to `maxHidden` hidden layers; `dropout` is every layer's rate. */
export function integerCases(options: {
  maxHidden: number;
  dropout?: number;
  samples?: number;
}): fc.Arbitrary<IntegerCase> {
  const samples = options.samples ?? 4;
  return fc
    .record({
      width: fc.integer({ min: 1, max: 12 }),
      hidden: fc.array(fc.integer({ min: 1, max: 8 }), {
        minLength: 1,
        maxLength: options.maxHidden,
      }),
      outputs: fc.integer({ min: 2, max: 5 }),
      tmax: fc.integer({ min: 4, max: 40 }),
      gamma: fc.integer({ min: 0, max: 4 }),
    })
    .chain(({ width, hidden, outputs, tmax, gamma }) => {
      const sizes = [width, ...hidden, outputs];
      const layerCount = sizes.length - 1;
      return fc
        .record({
          thresholds: fc.array(fc.integer({ min: 0, max: 20 }), {
            minLength: layerCount,
            maxLength: layerCount,
          }),
          weights: fc.tuple(
            ...sizes.slice(1).map((size, l) =>
              fc.array(fc.integer({ min: -4, max: 9 }), {
                minLength: size * sizes[l],
                maxLength: size * sizes[l],
              }),
            ),
          ),
          inputs: fc.array(fc.integer({ min: 0, max: tmax }), {
            minLength: samples * width,
            maxLength: samples * width,
          }),
          labels: fc.array(fc.integer({ min: 0, max: outputs - 1 }), {
            minLength: samples,
            maxLength: samples,
          }),
        })
        .map(({ thresholds, weights, inputs, labels }) => ({
          spec: {
            inputShape: [width],
            tmax,
            gamma,
            layers: sizes.slice(1).map((size, l) => ({
              size,
              threshold: thresholds[l],
              initRange: [0, 1] as [number, number],
              learningRate: 0.25,
              weightDecay: 1e-3,
              dropout: options.dropout ?? 0,
            })),
          },
          weights: weights.map((layer) => Float64Array.from(layer)),
          inputs: Uint16Array.from(inputs),
          labels,
        }));
    });
}

/** A network of the case with its own copy of the weights (sessions own their network). */
export function networkOf(testCase: { spec: NetworkSpec; weights: Weights }): Network {
  return createNetwork(
    testCase.spec,
    testCase.weights.map((layer) => Float64Array.from(layer)),
  );
}
