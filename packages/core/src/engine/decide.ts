import { createDecision, type Decision } from './results.js';

/**
 * The decision rule of spec 3, shared by every engine. Let m = min_k outputTimes[k].
 * - m < tmax: among the neurons firing at m, the one with the largest `crossingPotentials[k]`
 *   (its potential at the crossing step m - 1), then the lowest index; `lowestIndexPrediction`
 *   is the lowest index at m.
 * - m = tmax: argmax of `fallbackPotentials` (V(tmax - 3)), lowest index on ties, flagged
 *   `fallback`; both predictions agree.
 * Only the entries of the neurons tied at m are read from `crossingPotentials`.
 *
 * ## Example
 * ```ts
 * const d = decide(Uint16Array.of(9, 7, 7), Float64Array.of(NaN, 101, 104), fallback, 256);
 * // d.prediction = 2, d.lowestIndexPrediction = 1, d.decisionTime = 7, d.tiedAtMinimum = 2
 * ```
 */
export function decide(
  outputTimes: ArrayLike<number>,
  crossingPotentials: ArrayLike<number>,
  fallbackPotentials: ArrayLike<number>,
  tmax: number,
  out: Decision = createDecision(),
): Decision {
  const k = outputTimes.length;
  let m = tmax;
  for (let j = 0; j < k; j++) if (outputTimes[j] < m) m = outputTimes[j];
  out.decisionTime = m;
  if (m >= tmax) {
    let best = 0;
    for (let j = 1; j < k; j++) if (fallbackPotentials[j] > fallbackPotentials[best]) best = j;
    out.prediction = best;
    out.lowestIndexPrediction = best;
    out.fallback = true;
    out.tiedAtMinimum = 0;
    return out;
  }
  let lowest = -1;
  let best = -1;
  let tied = 0;
  for (let j = 0; j < k; j++) {
    if (outputTimes[j] !== m) continue;
    tied++;
    if (lowest < 0) lowest = j;
    // Strictly greater keeps the lowest index among equal potentials.
    if (best < 0 || crossingPotentials[j] > crossingPotentials[best]) best = j;
  }
  out.prediction = best;
  out.lowestIndexPrediction = lowest;
  out.fallback = false;
  out.tiedAtMinimum = tied;
  return out;
}

/**
 * The published evaluation's verdict ("ties counted correct", spec 3): the label's neuron fires
 * at the minimum output time, even when others tie with it; when no output fired, the fallback's
 * prediction equals the label.
 */
export function isCorrectTiesCounted(
  outputTimes: ArrayLike<number>,
  label: number,
  decision: Pick<Decision, 'prediction' | 'decisionTime' | 'fallback'>,
): boolean {
  return decision.fallback
    ? decision.prediction === label
    : outputTimes[label] === decision.decisionTime;
}
