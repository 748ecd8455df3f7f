import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { eventsToSpikeTimes, spikeTimesToEvents } from './spike-events.js';

describe('spike times <-> events', () => {
  it('lists spikes by time, ties by neuron, without the no-spike times', () => {
    expect(spikeTimesToEvents(Uint16Array.of(5, 256, 0, 5, 300), 256)).toEqual([
      { neuron: 2, time: 0 },
      { neuron: 0, time: 5 },
      { neuron: 3, time: 5 },
    ]);
    expect(spikeTimesToEvents([], 256)).toEqual([]);
  });

  it('keeps the earliest event of each neuron and T for silent ones', () => {
    const events = [
      { neuron: 0, time: 9 },
      { neuron: 0, time: 4 },
      { neuron: 2, time: 0 },
      { neuron: 1, time: 256 },
    ];
    expect(Array.from(eventsToSpikeTimes(events, 4, 256))).toEqual([4, 256, 0, 256]);
  });

  it('round-trips any first-spike times', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 50 }), (times) => {
        const back = eventsToSpikeTimes(spikeTimesToEvents(times, 20), times.length, 20);
        expect(Array.from(back)).toEqual(times);
      }),
    );
  });

  it('names bad times and neurons', () => {
    expect(() => spikeTimesToEvents([0, 1.5], 10)).toThrow(
      'spike times, neuron 1: time 1.5 is not a whole step >= 0',
    );
    expect(() => eventsToSpikeTimes([{ neuron: 3, time: 0 }], 3, 10)).toThrow(
      'spike events, event 0: neuron 3 is outside [0, 2]',
    );
    expect(() => eventsToSpikeTimes([{ neuron: 0, time: -1 }], 3, 10)).toThrow(
      'spike events, event 0: time -1 is not a whole step >= 0',
    );
  });
});
