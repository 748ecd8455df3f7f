import type { NetworkSpec, Weights } from '../../spec/network-spec.js';
import { layerInputWidth } from '../../spec/network-shape.js';

/**
 * The event engine's own copy of the weights, laid out for its hot loops and shareable with
 * worker threads (every array may live on a SharedArrayBuffer).
 *
 * - `transposed[l]` is `[N_{l-1}, N_l]` (input-major): the weights one input spike adds to every
 *   neuron of layer l are contiguous, which is what both the forward pass (spec 2) and the
 *   masked update (spec 4.4) walk.
 * - `scales[l]` is a factor of the whole layer: the true weight is `scales[l] * stored`. Weight
 *   decay (`W -= lr * lambda * W` on every weight, every step, spec 4.4.3) then costs one
 *   multiplication instead of a pass over all N_l x N_{l-1} weights; updates divide by the scale.
 *   Rounding differs from the literal order by an ulp or so, far inside the fixtures' 1e-9.
 */
export interface WeightStore {
  transposed: Float64Array[];
  scales: Float64Array;
}

/** Allocates a store for `spec`; `shared` puts it on SharedArrayBuffers for worker threads. */
export function createWeightStore(spec: NetworkSpec, shared: boolean): WeightStore {
  const floats = (length: number) =>
    new Float64Array(shared ? new SharedArrayBuffer(8 * length) : new ArrayBuffer(8 * length));
  const scales = floats(spec.layers.length).fill(1);
  return {
    transposed: spec.layers.map((layer, l) => floats(layer.size * layerInputWidth(spec, l))),
    scales,
  };
}

/** Loads row-major `weights` into `store` (transposing; scales reset to 1). */
export function loadWeightStore(store: WeightStore, spec: NetworkSpec, weights: Weights): void {
  spec.layers.forEach((layer, l) => {
    const rows = layer.size;
    const cols = layerInputWidth(spec, l);
    const source = weights[l];
    const target = store.transposed[l];
    for (let j = 0; j < rows; j++) {
      for (let i = 0; i < cols; i++) target[i * rows + j] = source[j * cols + i];
    }
    store.scales[l] = 1;
  });
}

/** Writes the true weights (`scale * stored`, row-major) of `store` into `weights`. */
export function readWeightStore(store: WeightStore, spec: NetworkSpec, weights: Weights): void {
  spec.layers.forEach((layer, l) => {
    const rows = layer.size;
    const cols = layerInputWidth(spec, l);
    const source = store.transposed[l];
    const target = weights[l];
    const scale = store.scales[l];
    for (let j = 0; j < rows; j++) {
      for (let i = 0; i < cols; i++) target[j * cols + i] = scale * source[i * rows + j];
    }
  });
}

/**
 * Multiplies layer `l`'s scale into its stored weights and resets the scale to 1. Called when
 * decay has shrunk the scale (after millions of steps), so stored values never grow without
 * bound.
 */
export function foldScale(store: WeightStore, l: number): void {
  const scale = store.scales[l];
  const stored = store.transposed[l];
  for (let k = 0; k < stored.length; k++) stored[k] *= scale;
  store.scales[l] = 1;
}
