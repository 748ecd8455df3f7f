export { encodeMatrices, type SpikeTimeMatrix } from './encode-matrices.js';
export { encodeSamples } from './encode-samples.js';
