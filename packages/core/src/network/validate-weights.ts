import type { NetworkSpec, Weights } from '../spec/network-spec.js';
import { layerInputWidth } from '../spec/network-shape.js';
import { SpecError } from '../spec/spec-error.js';

/**
 * Throws a SpecError unless `weights` holds one Float64Array of `N_l * N_{l-1}` finite values per
 * layer of `spec`.
 */
export function validateWeights(spec: NetworkSpec, weights: Weights): void {
  if (!Array.isArray(weights) || weights.length !== spec.layers.length) {
    const got = Array.isArray(weights) ? `${weights.length} arrays` : typeof weights;
    throw new SpecError(
      `invalid weights: expected ${spec.layers.length} Float64Arrays, one per layer (got ${got})`,
      'weights',
    );
  }
  spec.layers.forEach((layer, l) => {
    const expected = layer.size * layerInputWidth(spec, l);
    const values = weights[l];
    if (!(values instanceof Float64Array) || values.length !== expected) {
      const got = values instanceof Float64Array ? `${values.length} values` : 'not a Float64Array';
      throw new SpecError(
        `invalid weights: weights[${l}] must be a Float64Array of ${layer.size}x${layerInputWidth(spec, l)} = ${expected} values (got ${got})`,
        `weights[${l}]`,
      );
    }
    for (let k = 0; k < values.length; k++) {
      if (!Number.isFinite(values[k])) {
        throw new SpecError(
          `invalid weights: weights[${l}][${k}] must be finite (got ${values[k]})`,
          `weights[${l}]`,
        );
      }
    }
  });
}
