/**
 * The relative targets of spec 4.2 into `out`, with tau = min_j t_j:
 * - tau = tmax: every target tmax, then target[label] = tmax - gamma;
 * - else target_j = t_j, every j with t_j - tau < gamma gets min(tau + gamma, tmax), and last
 *   target[label] = tau.
 *
 * ## Example
 * ```ts
 * relativeTargets(Uint16Array.of(10, 11, 40), 2, 3, 256, out); // out = [13, 13, 10]
 * ```
 */
export function relativeTargets(
  outputTimes: ArrayLike<number>,
  label: number,
  gamma: number,
  tmax: number,
  out: Uint16Array,
): Uint16Array {
  const k = outputTimes.length;
  let tau = tmax;
  for (let j = 0; j < k; j++) if (outputTimes[j] < tau) tau = outputTimes[j];
  if (tau >= tmax) {
    out.fill(tmax);
    out[label] = tmax - gamma;
    return out;
  }
  const early = Math.min(tau + gamma, tmax);
  for (let j = 0; j < k; j++) out[j] = outputTimes[j] - tau < gamma ? early : outputTimes[j];
  out[label] = tau; // spec 4.2: the label's target comes last and overrides
  return out;
}

/**
 * The output error of spec 4.3 into `out`: e_j = (target_j - t_j) / tmax, then divided by its L2
 * norm when that is non-zero.
 */
export function outputError(
  outputTimes: ArrayLike<number>,
  targets: ArrayLike<number>,
  tmax: number,
  out: Float64Array,
): Float64Array {
  for (let j = 0; j < out.length; j++) out[j] = (targets[j] - outputTimes[j]) / tmax;
  return normaliseL2(out);
}

/** Divides `values` in place by their L2 norm when it is non-zero (spec 4.3, 4.5). */
export function normaliseL2(values: Float64Array): Float64Array {
  let sumOfSquares = 0;
  for (let j = 0; j < values.length; j++) sumOfSquares += values[j] * values[j];
  if (sumOfSquares !== 0) {
    const norm = Math.sqrt(sumOfSquares);
    for (let j = 0; j < values.length; j++) values[j] /= norm;
  }
  return values;
}
