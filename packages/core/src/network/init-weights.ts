import type { NetworkSpec, Weights } from '../spec/network-spec.js';
import { layerInputWidth } from '../spec/network-shape.js';
import type { Rng } from '../random/rng.js';

/**
 * Fresh weights for `spec` (spec 5): layer by layer, lowest first, each matrix row-major, every
 * value uniform in the layer's `initRange` [a, b) drawn from `rng`. The same seed gives the same
 * weights on every machine.
 *
 * ## Example
 * ```ts
 * const weights = initWeights(paperMnistSpec(), createRng(7)); // [400*784, 10*400] values
 * ```
 */
export function initWeights(spec: NetworkSpec, rng: Rng): Weights {
  return spec.layers.map((layer, l) => {
    const values = new Float64Array(layer.size * layerInputWidth(spec, l));
    return rng.fillUniform(values, layer.initRange[0], layer.initRange[1]);
  });
}
