import { createNetwork, createRng, type Network } from '@s4nn/core';

/** A random network with integer weights and thresholds, and samples for it. */
export interface IntegerNetworkCase {
  network: Network;
  inputs: Uint16Array;
  labels: number[];
}

/**
 * Random small networks whose potentials are all integers (weights in -4..9, thresholds in
 * 0..20): float32 and float64 compute them exactly, so two engines must agree bit for bit.
 * `hiddenLayers` is 1..3; a seed fixes the case.
 */
export function integerNetworkCase(
  seed: number,
  hiddenLayers: number,
  samples: number,
): IntegerNetworkCase {
  const rng = createRng(seed);
  const width = 1 + rng.integer(12);
  const tmax = 4 + rng.integer(37);
  const outputs = 2 + rng.integer(4);
  const sizes = [width, ...Array.from({ length: hiddenLayers }, () => 1 + rng.integer(8)), outputs];
  const spec = {
    inputShape: [width],
    tmax,
    gamma: rng.integer(5),
    layers: sizes.slice(1).map((size) => ({
      size,
      threshold: rng.integer(21),
      initRange: [0, 1] as [number, number],
      learningRate: 0.25,
      weightDecay: 1e-3,
      dropout: 0,
    })),
  };
  const weights = sizes
    .slice(1)
    .map((size, l) => Float64Array.from({ length: size * sizes[l] }, () => rng.integer(14) - 4));
  return {
    network: createNetwork(spec, weights),
    inputs: Uint16Array.from({ length: samples * width }, () => rng.integer(tmax + 1)),
    labels: Array.from({ length: samples }, () => rng.integer(outputs)),
  };
}

/** An independent copy (sessions own their network's weights). */
export function copyNetwork(network: Network): Network {
  return createNetwork(
    network.spec,
    network.weights.map((layer) => Float64Array.from(layer)),
  );
}
