import * as tf from '@tensorflow/tfjs-core';
import type { LayerSpec } from '../../spec/network-spec.js';

/** What the backward pass of a batch produces (caller disposes). */
export type DenseBackwardTensors = {
  /** Per weighted layer, the sum over the batch of the masked errors G_b[j, i] = delta_b[j] * [pre_b[i] < t_b[j]], [N_l, N_{l-1}]. */
  maskedErrorSums: tf.Tensor2D[];
  /** Per weighted layer, each sample's normalised error delta_b, [B, N_l]. */
  errors: tf.Tensor2D[];
};

/**
 * Spec 4.4-4.7 for a batch, top-down, with every sample seeing the same weights W (those before
 * the step): per layer l and sample b the mask M_b[j, i] = [pre_b[i] < t_b[j]], the masked error
 * G_b = delta_b[j] * M_b, the sample's updated and decayed weights W_b = (W - lr G_b) - lr lambda
 * (W - lr G_b), and the error of the layer below through W_b, e_b[i] = sum_j G_b[j, i] W_b[j, i],
 * divided by its L2 norm when non-zero. With B = 1, W_b is exactly the online rule's new W.
 *
 * Cost per layer: B x N_l x N_{l-1} floats for M_b, G_b and W_b (no time axis).
 */
export function denseBackward(
  weights: readonly tf.Tensor2D[],
  layers: readonly LayerSpec[],
  inputTimes: readonly tf.Tensor2D[],
  firingTimes: readonly tf.Tensor2D[],
  outputErrors: tf.Tensor2D,
): DenseBackwardTensors {
  const count = weights.length;
  const maskedErrorSums: tf.Tensor2D[] = new Array(count);
  const errors: tf.Tensor2D[] = new Array(count);
  let delta = outputErrors;
  for (let l = count - 1; l >= 0; l--) {
    errors[l] = delta;
    const [batch, inputs] = inputTimes[l].shape;
    const size = weights[l].shape[0];
    // [pre < t] as step(t - pre) (1 where > 0): a broadcast comparison is 20x slower on wasm.
    const mask = tf.step(
      tf.sub(
        tf.reshape(firingTimes[l], [batch, size, 1]),
        tf.reshape(inputTimes[l], [batch, 1, inputs]),
      ),
    );
    const maskedErrors = tf.mul(mask, tf.reshape(delta, [batch, size, 1])) as tf.Tensor3D;
    maskedErrorSums[l] = tf.sum(maskedErrors, 0) as tf.Tensor2D;
    if (l > 0) {
      const { learningRate, weightDecay } = layers[l];
      const updated = tf.sub(weights[l], tf.mul(maskedErrors, learningRate));
      // Spec 4.4.3: lr * lambda as one double, then W -= (lr * lambda) * W.
      const decayed = tf.sub(updated, tf.mul(updated, learningRate * weightDecay));
      const below = tf.sum(tf.mul(maskedErrors, decayed), 1) as tf.Tensor2D;
      delta = normaliseRows(below);
    }
  }
  return { maskedErrorSums, errors };
}

/** Each row divided by its L2 norm where that is non-zero (spec 4.3, 4.5). */
function normaliseRows(values: tf.Tensor2D): tf.Tensor2D {
  const norms = tf.sqrt(tf.sum(tf.square(values), 1, true));
  const safe = tf.where(tf.equal(norms, 0), tf.onesLike(norms), norms);
  return tf.div(values, safe);
}

/**
 * The mini-batch update: W <- W' - lr lambda W' with W' = W - lr * (sum of G_b) / B, the mean of
 * the samples' own updates (decay is linear, so averaging after it is the same). B = 1 is the
 * online rule of spec 4 exactly.
 */
export function applyMeanUpdate(
  weights: tf.Tensor2D,
  layer: LayerSpec,
  maskedErrorSum: tf.Tensor2D,
  batchSize: number,
): tf.Tensor2D {
  const updated = tf.sub(weights, tf.mul(maskedErrorSum, layer.learningRate / batchSize));
  return tf.sub(updated, tf.mul(updated, layer.learningRate * layer.weightDecay));
}
