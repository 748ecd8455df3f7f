import * as tf from '@tensorflow/tfjs-core';
import type { PotentialFormulation } from './tfjs-options.js';

/** A batch's forward pass as tensors (float32; times are integer-valued). Caller disposes. A type alias, not an interface, so that `tf.tidy` accepts it as a TensorContainer. */
export type DenseForwardTensors = {
  /** Per weighted layer, the input times it read, [B, N_{l-1}] (dropout-silenced inputs at tmax). */
  inputTimes: tf.Tensor2D[];
  /** Per weighted layer, the firing times, [B, N_l], in 1..tmax. */
  firingTimes: tf.Tensor2D[];
  /** Output layer: V_k(c_k) at the crossing step c_k = t_k - 1 of neurons that fired; 0 elsewhere. [B, K] */
  crossingPotentials: tf.Tensor2D;
  /** Output layer: V_k(tmax - 3), the fallback's potentials (spec 3). [B, K] */
  fallbackPotentials: tf.Tensor2D;
};

/**
 * The steps 0..tmax-1 as a [1, tmax, 1] column (the indicator's and the crossing one-hot's).
 */
function timeSteps(tmax: number): tf.Tensor3D {
  return tf.reshape(tf.range(0, tmax, 1, 'float32'), [1, tmax, 1]);
}

/**
 * V_j(t) of one layer for every sample, neuron and step t = 0..tmax-1 (spec 2), [B, tmax, N]:
 * the cumulative spike indicator I[b, t, i] = [pre[b, i] <= t] times the weights, one matrix
 * product of (B * tmax) x N_in by N_in x N. A spike at tmax never enters I. Every potential is one
 * float32 dot product of the weights that have arrived (no running sum over time), so integer
 * weights give exact potentials. Cost: B * tmax * N_in * N multiply-adds, and B * tmax * N_in
 * floats for I.
 */
function layerPotentials(pre: tf.Tensor2D, weights: tf.Tensor2D, steps: tf.Tensor3D): tf.Tensor3D {
  const [batch, inputs] = pre.shape;
  const tmax = steps.shape[1];
  // [pre <= t] = [t + 1 - pre > 0] on integers, as step(): a broadcast comparison is 20x slower on wasm.
  const indicator = tf.step(tf.sub(tf.add(steps, 1), tf.reshape(pre, [batch, 1, inputs])));
  const potentials = tf.matMul(tf.reshape(indicator, [batch * tmax, inputs]), weights, false, true);
  return tf.reshape(potentials, [batch, tmax, weights.shape[0]]);
}

/**
 * The same V_j(t) for t = 0..tmax, [B, tmax + 1, N], from per-step increments: the weights of the inputs spiking at
 * step t are scattered (summed) into slot t, then a running sum over time, as the event engine
 * adds them. Cost: B * N_in * N additions plus B * tmax * N for the running sum, tmax times
 * fewer operations than the indicator product, but B * N_in * N floats for the scattered rows,
 * and a GPU scatter sums in no fixed order (float32 results may vary by an ulp between runs).
 */
function layerPotentialsByIncrements(
  pre: tf.Tensor2D,
  weights: tf.Tensor2D,
  tmax: number,
): tf.Tensor3D {
  const [batch, inputs] = pre.shape;
  const size = weights.shape[0];
  // Slot b * (tmax + 1) + t of sample b's input spiking at t; slot t = tmax collects "no spike".
  const sampleBase = tf.reshape(tf.range(0, batch * (tmax + 1), tmax + 1, 'int32'), [batch, 1]);
  const slots = tf.reshape(tf.add(sampleBase, tf.cast(pre, 'int32')), [batch * inputs, 1]);
  // Every sample's copy of W^T, [B * N_in, N] (concat: a copy per sample; tile is 10x slower on wasm).
  const transposed = tf.transpose(weights);
  const rows =
    batch === 1 ? transposed : tf.concat(new Array<tf.Tensor2D>(batch).fill(transposed), 0);
  const increments = tf.reshape(tf.scatterND(slots, rows, [batch * (tmax + 1), size]), [
    batch,
    tmax + 1,
    size,
  ]);
  // V(tmax) stays (slicing it off costs more than the rest): a crossing there gives t = tmax too.
  return tf.cumsum(increments, 1) as tf.Tensor3D;
}

/**
 * The first step c with V(c) > threshold (strictly, spec 2) among the steps of `potentials`, or
 * their count when there is none, [B, N]: the number of leading steps with V <= threshold, a
 * running product of 0/1 flags summed (exact in float32; unlike argMax, which index it finds is
 * defined on every backend). The caller's t = min(c + 1, tmax) maps every c >= tmax - 1 to tmax.
 */
function firstCrossing(potentials: tf.Tensor3D, threshold: number): tf.Tensor2D {
  const below = tf.cast(tf.lessEqual(potentials, threshold), 'float32');
  return tf.sum(tf.cumprod(below, 1), 1) as tf.Tensor2D;
}

/**
 * The forward pass of spec 2 for a batch: every layer's firing times t = min(c + 1, tmax), and
 * the output potentials the decision of spec 3 reads. `dropMasks[l]` (optional, [B, N_{l-1}],
 * 1 = silenced) moves layer l's inputs to tmax (spec 4, dropout; training only).
 *
 * ## Example
 * ```ts
 * const result = tf.tidy(() => denseForward(weights, [100, 100], tf.tensor2d(times, [b, 784]), 256, 'indicator'));
 * ```
 */
export function denseForward(
  weights: readonly tf.Tensor2D[],
  thresholds: readonly number[],
  input: tf.Tensor2D,
  tmax: number,
  formulation: PotentialFormulation,
  dropMasks: readonly (tf.Tensor2D | undefined)[] = [],
): DenseForwardTensors {
  const steps = timeSteps(tmax);
  const inputTimes: tf.Tensor2D[] = [];
  const firingTimes: tf.Tensor2D[] = [];
  let pre = input;
  let crossingPotentials: tf.Tensor2D | undefined;
  let fallbackPotentials: tf.Tensor2D | undefined;
  const outputLayer = weights.length - 1;
  for (let l = 0; l <= outputLayer; l++) {
    const dropMask = dropMasks[l];
    // Silenced inputs spike at tmax: pre + mask * (tmax - pre).
    if (dropMask !== undefined) pre = tf.add(pre, tf.mul(dropMask, tf.sub(tmax, pre)));
    inputTimes.push(pre);
    const layerPre = pre;
    const isOutput = l === outputLayer;
    // The dense [B, tmax, N] tensors of a hidden layer die here; only its times go on.
    const [times, crossing, fallback] = tf.tidy(() => {
      const potentials =
        formulation === 'indicator'
          ? layerPotentials(layerPre, weights[l], steps)
          : layerPotentialsByIncrements(layerPre, weights[l], tmax);
      const stepCount = potentials.shape[1];
      const crossingStep = firstCrossing(potentials, thresholds[l]);
      const fired = tf.minimum(tf.add(crossingStep, 1), tmax) as tf.Tensor2D;
      if (!isOutput) return [fired];
      const [batch, , size] = potentials.shape;
      // V(c) by a one-hot over the steps: all zeros (so 0) when c is past the last step.
      const allSteps = stepCount === tmax ? steps : timeSteps(stepCount);
      // [t = c] as 1 - step(|t - c|) on integers: a broadcast comparison is 20x slower on wasm.
      const distance = tf.abs(tf.sub(allSteps, tf.reshape(crossingStep, [batch, 1, size])));
      const atCrossing = tf.sub(1, tf.step(distance));
      return [
        fired,
        tf.sum(tf.mul(potentials, atCrossing), 1) as tf.Tensor2D,
        tf.reshape(tf.slice(potentials, [0, tmax - 3, 0], [batch, 1, size]), [
          batch,
          size,
        ]) as tf.Tensor2D,
      ];
    });
    firingTimes.push(times);
    crossingPotentials = crossing;
    fallbackPotentials = fallback;
    pre = times;
  }
  return {
    inputTimes,
    firingTimes,
    crossingPotentials: crossingPotentials as tf.Tensor2D,
    fallbackPotentials: fallbackPotentials as tf.Tensor2D,
  };
}
