// @s4nn/train: a training run as an RxJS stream of typed events (ARCHITECTURE.md).
export type {
  BundledDataOptions,
  DataOptions,
  EncodingOptions,
  FileDataOptions,
  NotebookCsvDataOptions,
  TrainOptions,
  TrainOptionsInput,
} from './train-options.js';
export { validateTrainOptions } from './validate-train-options.js';
export { presets, type Preset, type PresetName } from './presets.js';
export { resolveTrainOptions, type TrainOptionsSources } from './resolve-train-options.js';
export {
  loadSamples,
  loadTrainingData,
  type DatasetSummary,
  type EncodedSamples,
  type SplitCache,
  type TrainingData,
} from './load-training-data.js';
export { defaultCacheDir } from './cache-directory.js';
export { withAbsolutePaths } from './absolute-paths.js';
export { firstSamples } from './first-samples.js';
export {
  evaluate,
  evaluateSession,
  evaluationFigures,
  type EvaluateOptions,
  type EvaluateSessionOptions,
  type EvaluationFigures,
  type EvaluationReport,
} from './evaluate.js';
export type {
  CheckpointEvent,
  DeadNeuronsEvent,
  EarlyStopEvent,
  EpochEndEvent,
  EpochFigures,
  EpochStartEvent,
  ProgressEvent,
  RunEndEvent,
  RunStartEvent,
  StoppedEvent,
  TrainEvent,
} from './train-events.js';
export { train$, type TrainControls } from './train.js';
export { SYNC_SAMPLES } from './train-epoch.js';
export { RUN_FILES, readLastCheckpoint, type Checkpoint } from './run-directory.js';
export type { CheckpointState } from './checkpoint-state.js';
