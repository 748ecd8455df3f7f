import type { NetworkSpec } from '../spec/network-spec.js';
import { layerInputWidth } from '../spec/network-shape.js';

/** `[rows, cols]` = `[N_l, N_{l-1}]` of a weight matrix, as stored row-major. */
export type MatrixShape = [rows: number, cols: number];

/**
 * The shape of every weight matrix of `spec`, lowest layer first (layer 0 reads the D inputs).
 *
 * ## Example
 * ```ts
 * weightShapes(paperMnistSpec()); // [[400, 784], [10, 400]]
 * ```
 */
export function weightShapes(spec: NetworkSpec): MatrixShape[] {
  return spec.layers.map((layer, l) => [layer.size, layerInputWidth(spec, l)]);
}
