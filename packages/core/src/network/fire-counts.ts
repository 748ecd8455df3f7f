import type { NetworkSpec } from '../spec/network-spec.js';

/** One Uint32Array per layer: how many samples of an epoch made each neuron fire (`t < tmax`). */
export type FireCounts = Uint32Array[];

/** Zeroed {@link FireCounts} for `spec`. */
export function createFireCounts(spec: NetworkSpec): FireCounts {
  return spec.layers.map((layer) => new Uint32Array(layer.size));
}

/**
 * Adds one sample's firing times (e.g. `TrainStepResult.firingTimes`) to `counts`: every neuron
 * with `t < tmax` counts as fired (spec 5).
 */
export function countFirings(
  counts: FireCounts,
  firingTimes: readonly Uint16Array[],
  tmax: number,
): void {
  for (let l = 0; l < counts.length; l++) {
    const layerCounts = counts[l];
    const times = firingTimes[l];
    for (let j = 0; j < layerCounts.length; j++) if (times[j] < tmax) layerCounts[j]++;
  }
}
