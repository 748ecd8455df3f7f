/** The first hidden layer's weights drawn as one RGBA image: a grid of tiles, one per neuron. */
export interface ReceptiveFieldGrid {
  /** Neurons (tiles) in the grid. */
  neurons: number;
  columns: number;
  rows: number;
  /** One tile: the input's shape (rows x columns of the sample). */
  tileHeight: number;
  tileWidth: number;
  /** Image size in pixels, including a 1-pixel gap between tiles and around the grid. */
  width: number;
  height: number;
  /** width x height x 4 bytes, row-major RGBA. */
  rgba: Uint8Array;
  /** Per neuron, the largest |weight|: the colour scale of its tile. */
  scales: Float64Array;
}

const GAP_SHADE = 128;

/**
 * Draws each row of the first weight matrix (`[N, D]`, row-major) as a tile in the input's shape:
 * white is a zero weight, red a positive one (the input pushes the neuron towards firing) and
 * blue a negative one, each tile scaled by its own largest |weight| so that every neuron's
 * pattern is visible. Tiles are laid out in a near-square grid (20 x 20 for MNIST's 400).
 *
 * ## Example
 * ```ts
 * const grid = receptiveFieldGrid(model.weights[0], model.spec.layers[0].size, model.spec.inputShape);
 * grid.width; // 581 for 784-400-...: 20 tiles of 28 pixels plus 21 gaps
 * ```
 */
export function receptiveFieldGrid(
  weights: Float64Array,
  neurons: number,
  inputShape: readonly number[],
): ReceptiveFieldGrid {
  const inputs = inputShape.reduce((a, b) => a * b, 1);
  if (weights.length !== neurons * inputs) {
    throw new Error(
      `receptive fields: ${weights.length} weights for ${neurons} neurons x ${inputs} inputs (input shape [${inputShape.join(', ')}])`,
    );
  }
  const [tileHeight, tileWidth] = tileShape(inputShape);
  const columns = Math.ceil(Math.sqrt(neurons));
  const rows = Math.ceil(neurons / columns);
  const width = columns * (tileWidth + 1) + 1;
  const height = rows * (tileHeight + 1) + 1;
  const rgba = new Uint8Array(width * height * 4);
  rgba.fill(GAP_SHADE);
  for (let alpha = 3; alpha < rgba.length; alpha += 4) rgba[alpha] = 255;
  const scales = new Float64Array(neurons);
  for (let neuron = 0; neuron < neurons; neuron++) {
    const row = weights.subarray(neuron * inputs, (neuron + 1) * inputs);
    let scale = 0;
    for (let i = 0; i < inputs; i++) scale = Math.max(scale, Math.abs(row[i]));
    scales[neuron] = scale;
    const left = (neuron % columns) * (tileWidth + 1) + 1;
    const top = Math.floor(neuron / columns) * (tileHeight + 1) + 1;
    for (let i = 0; i < tileHeight * tileWidth; i++) {
      const offset = ((top + Math.floor(i / tileWidth)) * width + left + (i % tileWidth)) * 4;
      // Inputs beyond D (a 1-D input padded to a rectangle) stay white.
      const strength = i < inputs && scale > 0 ? row[i] / scale : 0;
      writeDiverging(rgba, offset, strength);
    }
  }
  return { neurons, columns, rows, tileHeight, tileWidth, width, height, rgba, scales };
}

/** The input's image shape: its first two dimensions, or a near-square rectangle for 1-D input. */
function tileShape(inputShape: readonly number[]): [number, number] {
  if (inputShape.length >= 2) {
    return [inputShape[0], inputShape.slice(1).reduce((a, b) => a * b, 1)];
  }
  const inputs = inputShape[0];
  const tileWidth = Math.ceil(Math.sqrt(inputs));
  return [Math.ceil(inputs / tileWidth), tileWidth];
}

/** White at 0, towards red (+1) or blue (-1). */
function writeDiverging(rgba: Uint8Array, offset: number, strength: number): void {
  const fade = Math.round(255 * (1 - Math.min(1, Math.abs(strength))));
  rgba[offset] = strength < 0 ? fade : 255;
  rgba[offset + 1] = fade;
  rgba[offset + 2] = strength > 0 ? fade : 255;
  rgba[offset + 3] = 255;
}
