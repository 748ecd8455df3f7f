import {
  createForwardResult,
  createNetwork,
  createSession,
  type BatchResult,
  type ForwardResult,
  type S4nnModel,
} from '@s4nn/core';
import type { TestSet } from './test-set.js';

/** A model's decisions on the test set, and the full forward pass of one chosen sample. */
export interface TestSetEvaluation {
  batch: BatchResult;
  /** Index of the chosen sample in the test set. */
  sample: number;
  sampleInput: Uint16Array;
  sampleForward: ForwardResult;
}

/** Options of {@link evaluateTestSet}. */
export interface EvaluateTestSetOptions {
  /** Test-set index of the sample whose raster is drawn. Default 0. */
  sample?: number;
  /** Engine name (default: the best available). */
  engine?: string;
  /** Worker threads for the batch (default 0: the calling thread). */
  threads?: number;
}

/**
 * Runs `model` over the whole test set (full passes, so decision times and output times are
 * complete) and once more over the chosen sample for its raster.
 *
 * ## Example
 * ```ts
 * const { batch, sampleForward } = await evaluateTestSet(model, testSet, { sample: 3 });
 * ```
 */
export async function evaluateTestSet(
  model: S4nnModel,
  testSet: TestSet,
  options: EvaluateTestSetOptions = {},
): Promise<TestSetEvaluation> {
  const sample = options.sample ?? 0;
  if (!Number.isInteger(sample) || sample < 0 || sample >= testSet.count) {
    throw new Error(
      `report: sample ${sample} is not in the test set (${testSet.source} has samples 0..${testSet.count - 1})`,
    );
  }
  const session = await createSession(createNetwork(model.spec, model.weights), {
    ...(options.engine === undefined ? {} : { engine: options.engine }),
  });
  try {
    const { batch } = await session.evaluate(testSet.spikeTimes, testSet.labels, {
      threads: options.threads ?? 0,
    });
    const sampleInput = testSet.spikeTimes.slice(
      sample * testSet.width,
      (sample + 1) * testSet.width,
    );
    const sampleForward = session.forward(sampleInput, createForwardResult(model.spec));
    return { batch, sample, sampleInput, sampleForward };
  } finally {
    await session.dispose();
  }
}
