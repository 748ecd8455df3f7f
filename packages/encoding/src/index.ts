export type { Encoder, EncoderSettings, ValueMatrix } from './encoder.js';
export { latency, type LatencyOptions } from './latency.js';
export { preEncoded, type PreEncodedOptions } from './pre-encoded.js';
export { createEncoder } from './create-encoder.js';
export { encodeMatrices, encodeSamples, type SpikeTimeMatrix } from './operators/index.js';
export type { SpikeEvent } from './spike-event.js';
export { eventsToSpikeTimes, spikeTimesToEvents } from './spike-events.js';
export {
  eventsToRaster,
  rasterToEvents,
  rasterToSpikeTimes,
  spikeTimesToRaster,
} from './spike-raster.js';
