import type { EngineInfo, NetworkSpec } from '@s4nn/core';
import type { EvaluationFigures } from './evaluate.js';
import type { DatasetSummary } from './load-training-data.js';
import type { TrainOptions } from './train-options.js';

/** The figures of one epoch (S4NN-SPEC.md section 6). */
export interface EpochFigures {
  epoch: number;
  /** Online training figures: the predictions of training's own forward passes. */
  training: {
    samples: number;
    accuracy: number;
    /** Share of training samples without an output spike. */
    fallbackShare: number;
    meanSpikes: { perLayer: number[]; total: number };
    seconds: number;
    samplesPerSecond: number;
  };
  /** Absent without a validation split. */
  validation?: EvaluationFigures;
  test: EvaluationFigures;
  /** Hidden neurons re-drawn after this epoch, per weighted layer (the output layer's is 0). */
  deadNeuronsRedrawn: number[];
  /** Wall time of the whole epoch: training, re-draw and evaluations. */
  seconds: number;
}

/** A run's events, in the order they come: see {@link train$}. */
export type TrainEvent =
  | RunStartEvent
  | EpochStartEvent
  | ProgressEvent
  | DeadNeuronsEvent
  | EpochEndEvent
  | CheckpointEvent
  | EarlyStopEvent
  | StoppedEvent
  | RunEndEvent;

export interface RunStartEvent {
  type: 'run-start';
  spec: NetworkSpec;
  dataset: DatasetSummary;
  engine: string;
  /** What the engine runs on: its backend and device (core's `session.info`). */
  engineInfo: EngineInfo;
  options: TrainOptions;
  outDir: string;
  /** The first epoch this run trains (> 1 when it resumes from a checkpoint). */
  firstEpoch: number;
  /** The checkpoint resumed from. */
  resumedFrom?: string;
}

export interface EpochStartEvent {
  type: 'epoch-start';
  epoch: number;
  epochs: number;
  samples: number;
  /** Samples already trained on (> 0 when a run resumes part-way through this epoch). */
  samplesDone: number;
}

export interface ProgressEvent {
  type: 'progress';
  epoch: number;
  samplesDone: number;
  samples: number;
  samplesPerSecond: number;
  /** Online training accuracy over the samples done so far this epoch. */
  accuracy: number;
}

export interface DeadNeuronsEvent {
  type: 'dead-neurons';
  epoch: number;
  /** Re-drawn per weighted layer. */
  redrawn: number[];
  total: number;
}

export interface EpochEndEvent extends EpochFigures {
  type: 'epoch-end';
}

export interface CheckpointEvent {
  type: 'checkpoint';
  epoch: number;
  path: string;
}

export interface EarlyStopEvent {
  type: 'early-stop';
  epoch: number;
  bestEpoch: number;
  patience: number;
}

/** The run stopped on request (see `TrainControls.stop$`) after writing a checkpoint where it stood. */
export interface StoppedEvent {
  type: 'stopped';
  /** The epoch in progress, or the last one completed when stopped between epochs. */
  epoch: number;
  /** Samples of that epoch trained on. */
  samplesDone: number;
  /** The checkpoint to resume from. */
  checkpoint: string;
}

export interface RunEndEvent {
  type: 'run-end';
  /** The epoch whose weights the model holds: best validation accuracy, or the last epoch without validation. */
  bestEpoch: number;
  /** That epoch's figures. */
  best: EpochFigures;
  /** The last epoch's figures. */
  final: EpochFigures;
  epochsRun: number;
  modelPath: string;
  outDir: string;
}
