/**
 * One spike: `neuron` (0-based index) fired at integer step `time` (0 <= time < T).
 *
 * Event lists are sorted by time, ties by neuron, the order in which an event-driven simulator
 * consumes them. "No spike" (time >= T) never appears in a list.
 */
export interface SpikeEvent {
  readonly neuron: number;
  readonly time: number;
}

/** Throws unless `time` is a whole step >= 0; `what` names the value in the message. */
export function checkSpikeTime(time: number, what: string): void {
  if (!Number.isInteger(time) || time < 0) {
    throw new RangeError(`${what}: time ${time} is not a whole step >= 0`);
  }
}

/** Throws unless `neuron` indexes one of `neurons` neurons. */
export function checkNeuron(neuron: number, neurons: number, what: string): void {
  if (!Number.isInteger(neuron) || neuron < 0 || neuron >= neurons) {
    throw new RangeError(`${what}: neuron ${neuron} is outside [0, ${neurons - 1}]`);
  }
}
