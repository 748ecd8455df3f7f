export {
  readNpy,
  writeNpy,
  describeShape,
  NUMPY_CONVERSION_HINT,
  type NdArray,
  type NpyArray,
} from './npy.js';
export { readNpz, writeNpz } from './npz.js';
export {
  layerWeightsFromArray,
  layerWeightsFromNpy,
  weightsFromNpz,
  weightsFromNumpyFile,
  weightsToNpz,
} from './numpy-weights.js';
