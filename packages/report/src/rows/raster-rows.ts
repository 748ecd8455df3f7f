import type { ForwardResult } from '@s4nn/core';

/** One spike of the raster: neuron `neuron` of `layer` fired at `time`. */
export interface SpikeRow {
  layer: string;
  neuron: number;
  time: number;
}

/** Where the network decided (spec 3). */
export interface RasterDecision {
  /** Winner's firing time, or tmax when the fallback decided. */
  time: number;
  /** The winning output neuron. */
  neuron: number;
  className: string;
  fallback: boolean;
}

/** The raster of one sample: every spike of every layer, and the decision. */
export interface SpikeRaster {
  /** Layer names, input first: `input`, `hidden 1`, ..., `output`. */
  layers: { name: string; size: number }[];
  spikes: SpikeRow[];
  decision: RasterDecision;
  tmax: number;
  /** Names of the output neurons (the classes), for the output layer's axis. */
  classNames: string[];
}

/**
 * The spike raster of one sample through every layer: its input spike times and the firing
 * times of a full forward pass (`session.forward`). Times equal to tmax are not spikes (spec 2)
 * and are left out.
 *
 * ## Example
 * ```ts
 * const result = session.forward(input, createForwardResult(spec));
 * const raster = spikeRaster(input, result, spec.tmax, model.classes.names);
 * ```
 */
export function spikeRaster(
  inputTimes: Uint16Array,
  forward: ForwardResult,
  tmax: number,
  classNames: readonly string[],
): SpikeRaster {
  const layerTimes = [inputTimes, ...forward.firingTimes];
  const layers = layerTimes.map((times, index) => ({
    name: index === 0 ? 'input' : index === layerTimes.length - 1 ? 'output' : `hidden ${index}`,
    size: times.length,
  }));
  const spikes: SpikeRow[] = [];
  layerTimes.forEach((times, index) => {
    for (let neuron = 0; neuron < times.length; neuron++) {
      if (times[neuron] < tmax)
        spikes.push({ layer: layers[index].name, neuron, time: times[neuron] });
    }
  });
  return {
    layers,
    spikes,
    decision: {
      time: forward.decisionTime,
      neuron: forward.prediction,
      className: classNames[forward.prediction] ?? String(forward.prediction),
      fallback: forward.fallback,
    },
    tmax,
    classNames: [...classNames],
  };
}
