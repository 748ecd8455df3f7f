import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { spikeTimesToEvents } from './spike-events.js';
import {
  eventsToRaster,
  rasterToEvents,
  rasterToSpikeTimes,
  spikeTimesToRaster,
} from './spike-raster.js';

describe('spike rasters', () => {
  it('marks one cell per spiking neuron, row-major by neuron, without column T', () => {
    expect(Array.from(spikeTimesToRaster(Uint16Array.of(1, 3, 0), 3))).toEqual([
      0, 1, 0, 0, 0, 0, 1, 0, 0,
    ]);
  });

  it('reads the first spike of each row back, T for an empty row', () => {
    const raster = Uint8Array.of(0, 1, 1, 0, 0, 0);
    expect(Array.from(rasterToSpikeTimes(raster, 2, 3))).toEqual([1, 3]);
  });

  it('keeps every spike between events and rasters, sorted by time then neuron', () => {
    const events = [
      { neuron: 1, time: 0 },
      { neuron: 0, time: 2 },
      { neuron: 1, time: 2 },
    ];
    const raster = eventsToRaster(events, 2, 3);
    expect(Array.from(raster)).toEqual([0, 0, 1, 1, 0, 1]);
    expect(rasterToEvents(raster, 2, 3)).toEqual(events);
  });

  it('round-trips spike times through rasters and through events', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 40 }), (times) => {
        const raster = spikeTimesToRaster(times, 12);
        expect(Array.from(rasterToSpikeTimes(raster, times.length, 12))).toEqual(times);
        expect(rasterToEvents(raster, times.length, 12)).toEqual(spikeTimesToEvents(times, 12));
        expect(Array.from(eventsToRaster(spikeTimesToEvents(times, 12), times.length, 12))).toEqual(
          Array.from(raster),
        );
      }),
    );
  });

  it('rejects a raster of the wrong size and events outside it', () => {
    expect(() => rasterToSpikeTimes(new Uint8Array(5), 2, 3)).toThrow(
      'spike raster: 5 cells, expected neurons x tmax = 2 x 3',
    );
    expect(() => eventsToRaster([{ neuron: 2, time: 0 }], 2, 3)).toThrow(
      'spike events, event 0: neuron 2 is outside [0, 1]',
    );
  });
});
