import type { NetworkSpec, Weights } from '../spec/network-spec.js';
import { validateNetworkSpec } from '../spec/validate-network-spec.js';
import { validateWeights } from './validate-weights.js';

/** A network: its spec and its weights (row-major `[N_l, N_{l-1}]` per layer). */
export interface Network {
  spec: NetworkSpec;
  weights: Weights;
}

/**
 * Binds `weights` to `spec` after validating both (throws a SpecError naming the field).
 *
 * ## Example
 * ```ts
 * const network = createNetwork(paperMnistSpec(), initWeights(paperMnistSpec(), createRng(1)));
 * ```
 */
export function createNetwork(spec: NetworkSpec, weights: Weights): Network {
  validateNetworkSpec(spec);
  validateWeights(spec, weights);
  return { spec, weights };
}

/**
 * Validates `weights` against the network's spec and copies them into `network.weights` (the
 * arrays the network holds stay the same objects; passing them back is a no-op copy).
 *
 * ## Example
 * ```ts
 * setNetworkWeights(network, loaded.weights); // throws a SpecError naming the layer on a bad shape
 * ```
 */
export function setNetworkWeights(network: Network, weights: Weights): void {
  validateWeights(network.spec, weights);
  if (weights !== network.weights) weights.forEach((layer, l) => network.weights[l].set(layer));
}
