import { ModelFileError, type RngState } from '@s4nn/core';
import type { EpochFigures } from './train-events.js';

/** The `format` tag of a checkpoint's `state.json`. */
export const CHECKPOINT_FORMAT = 's4nn-checkpoint';

/** Where an epoch stopped part-way stands: enough to finish it exactly as if never stopped. */
export interface PartialEpoch {
  /** Samples of the epoch already trained on. */
  samplesDone: number;
  /** The training stream at the epoch's start (it draws the epoch's visiting order). */
  epochStartRng: RngState;
  /** Per layer and neuron: the samples so far that made it fire (spec 5). */
  fireCounts: number[][];
  /** Per layer: spikes so far. */
  spikeSums: number[];
  /** Online predictions so far that were right, and that the fallback decided. */
  correct: number;
  fallback: number;
  /** Training time so far. */
  seconds: number;
}

/** What a run needs, besides the weights, to continue exactly as if never stopped. */
export interface CheckpointState {
  format: typeof CHECKPOINT_FORMAT;
  formatVersion: 1;
  /** Epochs completed. */
  epoch: number;
  /** The epoch after `epoch`, when it was stopped part-way. */
  partial?: PartialEpoch;
  /** The training random stream (shuffle, dropout, re-draws) at this point. */
  rng: RngState;
  /** The best epoch so far by validation accuracy (or the last, without validation); absent before the first epoch ends. */
  best?: EpochFigures;
  /** The figures of epoch `epoch`. */
  last?: EpochFigures;
}

/** The checkpoint's directory name: `epoch-N` after epoch N, `epoch-N-at-M` after M samples of epoch N. */
export function checkpointName(state: Pick<CheckpointState, 'epoch' | 'partial'>): string {
  return state.partial === undefined
    ? `epoch-${state.epoch}`
    : `epoch-${state.epoch + 1}-at-${state.partial.samplesDone}`;
}

/**
 * How far into the run a checkpoint directory name is, as [epochs completed, samples of the
 * next epoch], or undefined for other names.
 */
export function checkpointPosition(name: string): [number, number] | undefined {
  const match = /^epoch-(\d+)(?:-at-(\d+))?$/.exec(name);
  if (match === null) return undefined;
  const epoch = Number(match[1]);
  return match[2] === undefined ? [epoch, 0] : [epoch - 1, Number(match[2])];
}

/** Parses a `state.json`; `file` names it in errors. */
export function parseCheckpointState(text: string, file: string): CheckpointState {
  let state: Partial<CheckpointState>;
  try {
    state = JSON.parse(text) as Partial<CheckpointState>;
  } catch (error) {
    throw new ModelFileError(file, `is not valid JSON (${(error as Error).message})`, {
      cause: error,
    });
  }
  const valid =
    state?.format === CHECKPOINT_FORMAT &&
    state.formatVersion === 1 &&
    Number.isInteger(state.epoch) &&
    typeof state.rng === 'object' &&
    (state.partial === undefined || Number.isInteger(state.partial.samplesDone));
  if (!valid) {
    throw new ModelFileError(
      file,
      `is not an s4nn checkpoint state: expected { format: '${CHECKPOINT_FORMAT}', formatVersion: 1, epoch, rng, ... }`,
    );
  }
  return state as CheckpointState;
}
