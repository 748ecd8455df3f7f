/**
 * Random small S4NN networks with integer weights and thresholds (fast-check): every potential
 * is an integer far below 2^24, exact in float32 and float64 alike, so the engines (and the
 * dense reference) must agree exactly on firing times and decisions.
 */
import fc from 'fast-check';
import { createNetwork, type Network } from '../network/network.js';
import type { NetworkSpec, Weights } from '../spec/network-spec.js';
import { inputWidth } from '../spec/network-shape.js';

export interface IntegerCase {
  spec: NetworkSpec;
  weights: Weights;
  /** n x D spike times, row-major. */
  inputs: Uint16Array;
  /** n labels in 0..K-1. */
  labels: number[];
}

/** Options of {@link integerCases}. */
export interface IntegerCaseOptions {
  /** Hidden layers: 1 to `maxHidden`. */
  maxHidden: number;
  /** Every layer's dropout rate (default 0). */
  dropout?: number;
  /** Samples per case, at most (default 4). */
  samples?: number;
  /** Samples per case, at least (default: `samples`, a fixed count). */
  minSamples?: number;
  /** Output neurons, at least (default 2; at most 5). */
  minOutputs?: number;
}

/** Cases of 1 to 12 inputs, tmax 4..40, weights in -4..9, thresholds in 0..20. */
export function integerCases(options: IntegerCaseOptions): fc.Arbitrary<IntegerCase> {
  const samples = options.samples ?? 4;
  const minSamples = options.minSamples ?? samples;
  return fc
    .record({
      width: fc.integer({ min: 1, max: 12 }),
      hidden: fc.array(fc.integer({ min: 1, max: 8 }), {
        minLength: 1,
        maxLength: options.maxHidden,
      }),
      outputs: fc.integer({ min: options.minOutputs ?? 2, max: 5 }),
      tmax: fc.integer({ min: 4, max: 40 }),
      gamma: fc.integer({ min: 0, max: 4 }),
      count:
        minSamples === samples
          ? fc.constant(samples)
          : fc.integer({ min: minSamples, max: samples }),
    })
    .chain(({ width, hidden, outputs, tmax, gamma, count }) => {
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
            minLength: count * width,
            maxLength: count * width,
          }),
          labels: fc.array(fc.integer({ min: 0, max: outputs - 1 }), {
            minLength: count,
            maxLength: count,
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

/** Sample `s` of a case's row-major inputs (a view, no copy). */
export function sampleOf(testCase: IntegerCase, s: number): Uint16Array {
  const width = inputWidth(testCase.spec);
  return testCase.inputs.subarray(s * width, (s + 1) * width);
}

/** A network of the case with its own copy of the weights (sessions own their network). */
export function networkOf(testCase: { spec: NetworkSpec; weights: Weights }): Network {
  return createNetwork(
    testCase.spec,
    testCase.weights.map((layer) => Float64Array.from(layer)),
  );
}
