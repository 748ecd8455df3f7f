import type { NetworkSpec, Weights } from '../spec/network-spec.js';
import { validateWeights } from '../network/validate-weights.js';
import { ModelFileError } from '../model/model-file-error.js';
import { weightShapes } from '../model/weight-shapes.js';
import { describeShape, readNpy, type NdArray } from './npy.js';
import { readNpz, writeNpz } from './npz.js';

/** The layer number an array name ends with: `arr_0` -> 0, `w12` -> 12. */
const TRAILING_NUMBER = /(\d+)$/;

/**
 * Imports the weights of every layer of `spec` from an `.npz` laid out as the published S4NN
 * code keeps them: one array per layer, the layer given by the trailing number of the array name
 * (`np.savez(f, *W)`'s `arr_0, arr_1, ...` or `w0, w1, ...`), float64 or float32, each of shape
 * `[N_l, ...inputs]` (e.g. `400x28x28` then `10x400x1`, or flat `400x784`), see
 * {@link layerWeightsFromArray}.
 *
 * ## Example
 * ```ts
 * const weights = weightsFromNpz(await readFile('W.npz'), paperMnistSpec(), 'W.npz');
 * ```
 */
export function weightsFromNpz(
  bytes: Uint8Array,
  spec: NetworkSpec,
  fileName = 'weights.npz',
): Weights {
  const arrays = readNpz(bytes, fileName);
  const byLayer = new Map<number, string>();
  for (const name of arrays.keys()) {
    const match = TRAILING_NUMBER.exec(name);
    if (match === null) {
      throw new ModelFileError(
        fileName,
        `array '${name}' has no trailing layer number; name the arrays arr_0, arr_1, ... (np.savez(f, *W)) or w0, w1, ...`,
      );
    }
    const layer = Number.parseInt(match[1], 10);
    const other = byLayer.get(layer);
    if (other !== undefined) {
      throw new ModelFileError(
        fileName,
        `arrays '${other}' and '${name}' both end in layer number ${layer}`,
      );
    }
    byLayer.set(layer, name);
  }
  const names = [...byLayer.entries()].sort(([a], [b]) => a - b).map(([, name]) => name);
  if (names.length !== spec.layers.length) {
    throw new ModelFileError(
      fileName,
      `holds ${names.length} arrays (${names.join(', ')}); the network spec has ${spec.layers.length} layers`,
    );
  }
  return names.map((name, layer) =>
    layerWeightsFromArray(arrays.get(name) as NdArray, spec, layer, `${fileName}:${name}`),
  );
}

/**
 * Imports one layer's weights from a `.npy` file (see {@link layerWeightsFromArray}).
 *
 * ## Example
 * ```ts
 * const w1 = layerWeightsFromNpy(await readFile('w1.npy'), spec, 1, 'w1.npy');
 * ```
 */
export function layerWeightsFromNpy(
  bytes: Uint8Array,
  spec: NetworkSpec,
  layer: number,
  fileName = 'weights.npy',
): Float64Array {
  return layerWeightsFromArray(readNpy(bytes, fileName), spec, layer, fileName);
}

/**
 * Imports all weights from a NumPy file, `.npz` (one array per layer) or `.npy` (one layer, for
 * a one-layer spec), told apart by their first bytes.
 */
export function weightsFromNumpyFile(
  bytes: Uint8Array,
  spec: NetworkSpec,
  fileName: string,
): Weights {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b; // "PK"
  if (isZip) return weightsFromNpz(bytes, spec, fileName);
  // Read first: the published code saves its list of layers with np.save, a pickled object array,
  // and the pickle's conversion hint says more than a layer count.
  const array = readNpy(bytes, fileName);
  if (spec.layers.length !== 1) {
    throw new ModelFileError(
      fileName,
      `a .npy file holds one layer; the network spec has ${spec.layers.length}: save all layers with np.savez(f, *W)`,
    );
  }
  return [layerWeightsFromArray(array, spec, 0, fileName)];
}

/**
 * The weights of layer `layer` of `spec` from an array of shape `[N_l, ...inputs]`, flattened
 * row-major to `[N_l, N_{l-1}]`. Accepted `inputs`: the flat width `N_{l-1}`, or for layer 0 the
 * spec's `inputShape`, either followed by any number of 1s (the published code's `10x400x1`).
 * Throws a {@link ModelFileError} naming `arrayName` and the shapes expected.
 */
export function layerWeightsFromArray(
  array: NdArray,
  spec: NetworkSpec,
  layer: number,
  arrayName: string,
): Float64Array {
  const [rows, cols] = weightShapes(spec)[layer];
  const inputShapes =
    layer === 0 && spec.inputShape.length > 1 ? [[cols], spec.inputShape] : [[cols]];
  const [outputs, ...inputs] = array.shape;
  while (inputs.length > 1 && inputs[inputs.length - 1] === 1) inputs.pop();
  const fits =
    outputs === rows &&
    inputShapes.some(
      (shape) =>
        shape.length === inputs.length && shape.every((size, axis) => size === inputs[axis]),
    );
  if (!fits) {
    const expected = inputShapes.map((shape) => describeShape([rows, ...shape])).join(' or ');
    throw new ModelFileError(
      arrayName,
      `shape ${describeShape(array.shape)} does not fit layer ${layer} (${cols} inputs -> ${rows} neurons): expected ${expected} (trailing 1s allowed)`,
    );
  }
  return array.data;
}

/**
 * Exports weights as an `.npz` that `np.load` reads: `arr_0 ... arr_{L-1}` (as `np.savez(f, *W)`
 * names them), float64, each of shape `[N_l, N_{l-1}]` (flat inputs, also for layer 0, as
 * s4nn stores them; reshape layer 0 in Python to `[N_1, *input_shape]` if needed).
 *
 * ## Example
 * ```ts
 * await writeFile('W.npz', weightsToNpz(model.weights, model.spec));
 * // Python: W = np.load('W.npz'); W['arr_0'].shape == (400, 784)
 * ```
 */
export function weightsToNpz(weights: Weights, spec: NetworkSpec): Uint8Array {
  validateWeights(spec, weights);
  return writeNpz(
    weightShapes(spec).map(([rows, cols], layer) => [
      `arr_${layer}`,
      { shape: [rows, cols], data: weights[layer] },
    ]),
  );
}
