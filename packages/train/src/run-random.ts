import { createRng, type Rng } from '@s4nn/core';

/** The independent random streams of one run, all fixed by its seed (spec 5). */
export interface RunRandom {
  /** Draws the initial weights. */
  init: Rng;
  /** Chooses the validation samples. */
  split: Rng;
  /** Shuffles every epoch, drops inputs out, re-draws dead neurons; its state goes into checkpoints. */
  training: Rng;
}

/**
 * Derives the run's streams from `seed`: a master generator gives each stream its own seed, so
 * that, e.g., a different validation fraction does not change the initial weights.
 */
export function runRandom(seed: number): RunRandom {
  const master = createRng(seed);
  return {
    init: createRng(master.nextUint32()),
    split: createRng(master.nextUint32()),
    training: createRng(master.nextUint32()),
  };
}
