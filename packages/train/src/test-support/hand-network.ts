import type { Network, NetworkSpec } from '@s4nn/core';

/**
 * A network small enough to check by hand: 2 inputs -> 3 hidden -> 2 outputs, thresholds 1,
 * tmax 8. Hidden neuron j < 2 copies input j one step later (weight 2 > 1); hidden neuron 2 has
 * no weights and never fires. Output 0 copies hidden 0 (weight 2), output 1 copies hidden 1
 * (weight 3), one step later again.
 */
export function handSpec(): NetworkSpec {
  const layer = {
    threshold: 1,
    initRange: [0, 0] as [number, number],
    learningRate: 0,
    weightDecay: 0,
    dropout: 0,
  };
  return {
    inputShape: [2],
    tmax: 8,
    gamma: 3,
    layers: [
      { size: 3, ...layer },
      { size: 2, ...layer },
    ],
  };
}

export function handNetwork(): Network {
  return {
    spec: handSpec(),
    weights: [Float64Array.of(2, 0, 0, 2, 0, 0), Float64Array.of(2, 0, 0, 0, 3, 0)],
  };
}

/**
 * Four samples and what the network does with them (spec 2-3):
 * - [1, 8] -> hidden [2, 8, 8] -> output [3, 8]: prediction 0 at 3; label 0, right.
 * - [8, 3] -> hidden [8, 4, 8] -> output [8, 5]: prediction 1 at 5; label 0, wrong.
 * - [2, 2] -> hidden [3, 3, 8] -> output [4, 4]: a tie at 4, broken by the potential at step 3
 *   (2 < 3) for neuron 1; the lowest-index rule says 0. Label 1: right, wrong by lowest index,
 *   right with ties counted.
 * - [6, 8] -> hidden [7, 8, 8] -> output [8, 8] (output 0 crosses at step 7 = tmax - 1, which
 *   is tmax): no output spike; V(tmax - 3 = 5) is 0 for both, so the fallback says 0. Label 0:
 *   right, but decided by the fallback.
 */
export const handSamples = {
  times: [
    [1, 8],
    [8, 3],
    [2, 2],
    [6, 8],
  ],
  labels: [0, 0, 1, 0],
};
