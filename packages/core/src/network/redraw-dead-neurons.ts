import type { Rng } from '../random/rng.js';
import { layerInputWidth } from '../spec/network-shape.js';
import type { FireCounts } from './fire-counts.js';
import type { Network } from './network.js';

/** Spec 5: a hidden neuron is dead when it fired in fewer than 0.1% of the epoch's samples. */
export const DEAD_NEURON_FIRING_SHARE = 0.001;

/**
 * The end-of-epoch dead-neuron re-draw of spec 5: every hidden neuron whose fire count is below
 * 0.1% of `sampleCount` gets its incoming weights (its row of `weights[l]`) drawn again uniformly
 * from its layer's `initRange`, in layer, neuron, input order. The output layer is never
 * re-drawn. Works on `network.weights` in place and returns how many neurons were re-drawn per
 * layer (0 for the output layer).
 *
 * With an engine session, bring the weights up to date first and hand them back afterwards:
 * ```ts
 * const redrawn = redrawDeadNeurons(
 *   { spec, weights: session.getWeights() }, counts, samplesSeen, rng);
 * session.setWeights(session.network.weights);
 * ```
 */
export function redrawDeadNeurons(
  network: Network,
  fireCounts: FireCounts,
  sampleCount: number,
  rng: Rng,
): number[] {
  const { spec, weights } = network;
  const minimumFirings = DEAD_NEURON_FIRING_SHARE * sampleCount;
  return spec.layers.map((layer, l) => {
    if (l === spec.layers.length - 1) return 0;
    const width = layerInputWidth(spec, l);
    const [a, b] = layer.initRange;
    let redrawn = 0;
    for (let j = 0; j < layer.size; j++) {
      if (fireCounts[l][j] >= minimumFirings) continue;
      rng.fillUniform(weights[l].subarray(j * width, (j + 1) * width), a, b);
      redrawn++;
    }
    return redrawn;
  });
}
