export { atomicWriteFile } from '../io/atomic-write-file.js';
export { loadModel, readModelManifest } from './load-model.js';
export { saveModel } from './save-model.js';
export { parseModelManifest, checkModelManifest } from './check-manifest.js';
export {
  MANIFEST_FILE,
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  type ModelManifest,
  type WeightsFileEntry,
  type WeightsLayerEntry,
} from './manifest.js';
export type { JsonValue, ModelClasses, ModelProvenance, S4nnModel } from './model.js';
export { ModelFileError } from './model-file-error.js';
export { weightShapes, type MatrixShape } from './weight-shapes.js';
