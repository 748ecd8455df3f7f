import type { NetworkSpec } from './network-spec.js';

/**
 * D, the number of inputs of one sample: the product of `spec.inputShape`.
 *
 * ## Example
 * ```ts
 * inputWidth(paperMnistSpec()); // 784
 * ```
 */
export function inputWidth(spec: NetworkSpec): number {
  return spec.inputShape.reduce((product, size) => product * size, 1);
}

/**
 * `[D, N_1, ..., N_L]`: the input width, then the size of every weighted layer (the published
 * code's `layer_sizes`).
 */
export function layerSizes(spec: NetworkSpec): number[] {
  return [inputWidth(spec), ...spec.layers.map((layer) => layer.size)];
}

/** N_{l-1}: how many inputs layer `layer` reads (D for layer 0). */
export function layerInputWidth(spec: NetworkSpec, layer: number): number {
  return layer === 0 ? inputWidth(spec) : spec.layers[layer - 1].size;
}

/** K, the number of output neurons (one per class). */
export function outputSize(spec: NetworkSpec): number {
  return spec.layers[spec.layers.length - 1].size;
}
