/**
 * Exact area-average downsampling of square images in integer arithmetic
 * (/work/shared/fixtures/README.md section 4, "Downsampling rule").
 *
 * With `from` = 28 and `to` = 10, output cell c covers [2.8c, 2.8c + 2.8) of the input; working
 * in units of 1/`to` of a pixel keeps every overlap an integer:
 * `w[c][p] = max(0, min(to*(p+1), from*(c+1)) - max(to*p, from*c))`, each cell's weights sum to
 * `from`, a cell's total weight is `from^2` (784), and the mean is rounded half up.
 */

/** The `to x from` overlap table `w[c][p]`, row-major (for 28 -> 10 the README's `downsampling.w`). */
export function areaWeights(from: number, to: number): Int32Array {
  const weights = new Int32Array(to * from);
  for (let c = 0; c < to; c++) {
    for (let p = 0; p < from; p++) {
      weights[c * from + p] = Math.max(
        0,
        Math.min(to * (p + 1), from * (c + 1)) - Math.max(to * p, from * c),
      );
    }
  }
  return weights;
}

/**
 * Downsamples `count` square images of `from x from` bytes (row-major, one after another) to
 * `to x to`: `gray[R*to + C] = floor((S + from^2/2) / from^2)` with
 * `S = sum_{p,q} w[R][p] * w[C][q] * pixel[p*from + q]`, computed as `floor((2S + from^2) / (2 from^2))`
 * so that odd sizes round half up too. Separable: rows first into a reused buffer, then columns,
 * about 2 * from * from * to multiply-adds per image and no allocation per image.
 *
 * @example
 * ```ts
 * const gray10 = downsampleArea(mnistPixels, 60000, 28, 10); // Uint8Array of 60000 x 100
 * ```
 */
export function downsampleArea(
  pixels: Uint8Array,
  count: number,
  from: number,
  to: number,
): Uint8Array {
  if (pixels.length < count * from * from) {
    throw new RangeError(
      `downsampleArea: ${pixels.length} pixels cannot hold ${count} images of ${from}x${from}`,
    );
  }
  const weights = areaWeights(from, to);
  const rowSums = new Int32Array(to * from); // rowSums[R*from + q] = sum_p w[R][p] * pixel[p][q]
  const out = new Uint8Array(count * to * to);
  const total = from * from;
  for (let image = 0; image < count; image++) {
    const base = image * total;
    rowSums.fill(0);
    for (let r = 0; r < to; r++) {
      for (let p = 0; p < from; p++) {
        const w = weights[r * from + p];
        if (w === 0) continue;
        const row = base + p * from;
        for (let q = 0; q < from; q++) rowSums[r * from + q] += w * pixels[row + q];
      }
    }
    for (let r = 0; r < to; r++) {
      for (let c = 0; c < to; c++) {
        let sum = 0;
        for (let q = 0; q < from; q++) sum += weights[c * from + q] * rowSums[r * from + q];
        out[image * to * to + r * to + c] = Math.floor((2 * sum + total) / (2 * total));
      }
    }
  }
  return out;
}
