// The tfjs engine's public surface. TensorFlow.js itself loads on the first session only: nothing
// here imports it eagerly (sessions come from `createTfjsSession` or `createSession`).
// Registers the tfjs engine (an import side effect, like the event engine).
export {
  TFJS_ENGINE_PRIORITY,
  createTfjsSession,
  describeTfjsEngine,
} from './register-tfjs-engine.js';
export * from './tfjs-options.js';
export { installedNativeBackends } from './native-backends.js';
export type { TfjsSession, TrainBatchOptions } from './tfjs-session.js';
export { bytesPerSample, defaultMemoryBudget, maxBatchSize } from './batch-size.js';
export * from './engine-agreement.js';
