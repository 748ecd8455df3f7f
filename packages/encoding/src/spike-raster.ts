import { checkNeuron, checkSpikeTime, type SpikeEvent } from './spike-event.js';

/*
 * A dense raster is a Uint8Array of `neurons x tmax` cells, row-major by neuron:
 * `raster[neuron * tmax + t]` is 1 when the neuron spikes at step t (0 <= t < T), else 0.
 * Column T is left out because a spike at T is "no spike". One row per neuron is the layout
 * of a raster plot (neurons up, time across) and of a dense time-stepped simulation.
 */

function checkRaster(raster: Uint8Array, neurons: number, tmax: number): void {
  if (raster.length !== neurons * tmax) {
    throw new RangeError(
      `spike raster: ${raster.length} cells, expected neurons x tmax = ${neurons} x ${tmax}`,
    );
  }
}

/**
 * Spike times (one per neuron) to a dense raster (see the layout above); times >= `tmax` leave
 * their row empty.
 *
 * ## Example
 * ```ts
 * spikeTimesToRaster(Uint16Array.of(1, 3), 3); // Uint8Array [0,1,0, 0,0,0]
 * ```
 */
export function spikeTimesToRaster(
  times: ArrayLike<number>,
  tmax: number,
  out: Uint8Array = new Uint8Array(times.length * tmax),
): Uint8Array {
  checkRaster(out, times.length, tmax);
  out.fill(0);
  for (let neuron = 0; neuron < times.length; neuron++) {
    const time = times[neuron];
    checkSpikeTime(time, `spike times, neuron ${neuron}`);
    if (time < tmax) out[neuron * tmax + time] = 1;
  }
  return out;
}

/**
 * A dense raster to first-spike times: the first marked step of each row, `tmax` for an empty
 * row. Later spikes of a row (models with several spikes per neuron) are ignored.
 *
 * ## Example
 * ```ts
 * rasterToSpikeTimes(Uint8Array.of(0,1,1, 0,0,0), 2, 3); // Uint16Array [1, 3]
 * ```
 */
export function rasterToSpikeTimes(
  raster: Uint8Array,
  neurons: number,
  tmax: number,
  out: Uint16Array = new Uint16Array(neurons),
): Uint16Array {
  checkRaster(raster, neurons, tmax);
  for (let neuron = 0; neuron < neurons; neuron++) {
    const row = neuron * tmax;
    let t = 0;
    while (t < tmax && raster[row + t] === 0) t++;
    out[neuron] = t;
  }
  return out;
}

/**
 * Events to a dense raster, every event kept (several spikes per neuron allowed); events at
 * `tmax` or later are "no spike" and dropped.
 *
 * ## Example
 * ```ts
 * eventsToRaster([{ neuron: 1, time: 0 }, { neuron: 1, time: 2 }], 2, 3);
 * // Uint8Array [0,0,0, 1,0,1]
 * ```
 */
export function eventsToRaster(
  events: readonly SpikeEvent[],
  neurons: number,
  tmax: number,
  out: Uint8Array = new Uint8Array(neurons * tmax),
): Uint8Array {
  checkRaster(out, neurons, tmax);
  out.fill(0);
  for (let k = 0; k < events.length; k++) {
    const { neuron, time } = events[k];
    checkNeuron(neuron, neurons, `spike events, event ${k}`);
    checkSpikeTime(time, `spike events, event ${k}`);
    if (time < tmax) out[neuron * tmax + time] = 1;
  }
  return out;
}

/**
 * A dense raster to events, every marked cell kept, sorted by time, ties by neuron.
 *
 * ## Example
 * ```ts
 * rasterToEvents(Uint8Array.of(0,0,1, 1,0,1), 2, 3);
 * // [{ neuron: 1, time: 0 }, { neuron: 0, time: 2 }, { neuron: 1, time: 2 }]
 * ```
 */
export function rasterToEvents(raster: Uint8Array, neurons: number, tmax: number): SpikeEvent[] {
  checkRaster(raster, neurons, tmax);
  const events: SpikeEvent[] = [];
  for (let time = 0; time < tmax; time++) {
    for (let neuron = 0; neuron < neurons; neuron++) {
      if (raster[neuron * tmax + time] !== 0) events.push({ neuron, time });
    }
  }
  return events;
}
