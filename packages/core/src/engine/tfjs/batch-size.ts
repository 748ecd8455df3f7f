import { freemem } from 'node:os';
import type { NetworkSpec } from '../../spec/network-spec.js';
import { layerInputWidth } from '../../spec/network-shape.js';
import type { PotentialFormulation } from './tfjs-options.js';

/** The default memory budget of one batch's tensors: a quarter of free memory, 1 GiB at most. */
export function defaultMemoryBudget(): number {
  return Math.min(freemem() / 4, 2 ** 30);
}

/**
 * Bytes one sample's tensors take at the widest layer, float32, as the dense programs allocate
 * them. Forward: the potentials and their flag and running-product copies, about 4 N floats per
 * step, plus the indicator [tmax, N_in] (`indicator`) or the scattered weight rows [N_in, N] and
 * their tiled copy (`increments`). Training adds the mask, masked errors and per-sample weights,
 * about 4 N x N_in floats.
 */
export function bytesPerSample(
  spec: NetworkSpec,
  training: boolean,
  formulation: PotentialFormulation,
): number {
  let widest = 0;
  spec.layers.forEach((layer, l) => {
    const inputs = layerInputWidth(spec, l);
    const potentials = 4 * (spec.tmax + 1) * layer.size;
    const source = formulation === 'indicator' ? 2 * spec.tmax * inputs : 2 * inputs * layer.size;
    const backward = training ? 4 * layer.size * inputs : 0;
    widest = Math.max(widest, potentials + source + backward);
  });
  return 4 * widest;
}

/**
 * How many samples one tensor program may take so that its dense time axis (B x N x (tmax + 1)
 * floats per layer, and the rest of {@link bytesPerSample}) stays within `budgetBytes`; at least 1.
 *
 * ## Example
 * ```ts
 * maxBatchSize(paperMnistSpec(), 2 ** 30, false, 'indicator'); // 330 samples of 784-400-10 in 1 GiB
 * ```
 */
export function maxBatchSize(
  spec: NetworkSpec,
  budgetBytes: number,
  training: boolean,
  formulation: PotentialFormulation,
): number {
  return Math.max(1, Math.floor(budgetBytes / bytesPerSample(spec, training, formulation)));
}
