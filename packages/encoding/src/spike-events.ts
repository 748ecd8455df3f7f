import { checkNeuron, checkSpikeTime, type SpikeEvent } from './spike-event.js';

/**
 * Spike times (one per neuron, `tmax` or more = no spike) to an event list sorted by time,
 * ties by neuron. A counting sort over the T steps: O(neurons + T), no comparison sort.
 *
 * ## Example
 * ```ts
 * spikeTimesToEvents(Uint16Array.of(5, 256, 0, 5), 256);
 * // [{ neuron: 2, time: 0 }, { neuron: 0, time: 5 }, { neuron: 3, time: 5 }]
 * ```
 */
export function spikeTimesToEvents(times: ArrayLike<number>, tmax: number): SpikeEvent[] {
  // perStep[t + 1] counts spikes at t; after the prefix sum, perStep[t] is where step t starts.
  const perStep = new Uint32Array(tmax + 1);
  for (let neuron = 0; neuron < times.length; neuron++) {
    const time = times[neuron];
    checkSpikeTime(time, `spike times, neuron ${neuron}`);
    if (time < tmax) perStep[time + 1]++;
  }
  for (let t = 1; t <= tmax; t++) perStep[t] += perStep[t - 1];
  const events = new Array<SpikeEvent>(perStep[tmax]);
  for (let neuron = 0; neuron < times.length; neuron++) {
    const time = times[neuron];
    if (time < tmax) events[perStep[time]++] = { neuron, time };
  }
  return events;
}

/**
 * An event list to first-spike times: each neuron gets its earliest event's time, `tmax` when
 * it has none. Events may come in any order; a model with several spikes per neuron thus
 * reduces to its first-spike code. Events at `tmax` or later are "no spike".
 *
 * ## Example
 * ```ts
 * eventsToSpikeTimes([{ neuron: 2, time: 0 }, { neuron: 0, time: 5 }], 3, 256);
 * // Uint16Array [5, 256, 0]
 * ```
 */
export function eventsToSpikeTimes(
  events: readonly SpikeEvent[],
  neurons: number,
  tmax: number,
  out: Uint16Array = new Uint16Array(neurons),
): Uint16Array {
  out.fill(tmax, 0, neurons);
  for (let k = 0; k < events.length; k++) {
    const { neuron, time } = events[k];
    checkNeuron(neuron, neurons, `spike events, event ${k}`);
    checkSpikeTime(time, `spike events, event ${k}`);
    if (time < out[neuron]) out[neuron] = time;
  }
  return out;
}
