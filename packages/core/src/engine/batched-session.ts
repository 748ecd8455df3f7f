import type { BatchOptions, Evaluation } from './engine.js';
import { Evaluate, ForwardBatch, type KernelName } from './kernel-names.js';
import type { BatchResult } from './results.js';
import { summariseBatch } from './summarise-batch.js';

/**
 * The batched calls of {@link EngineSession} as every engine provides them: `forwardBatch` and
 * `evaluate` run the engine's one `runBatch`, and evaluate's figures come from `summariseBatch`
 * (spec 6), so an engine writes only `runBatch`.
 */
export abstract class BatchedSession {
  async forwardBatch(inputs: Uint16Array, options: BatchOptions = {}): Promise<BatchResult> {
    return this.runBatch(inputs, options, ForwardBatch);
  }

  async evaluate(
    inputs: Uint16Array,
    labels: ArrayLike<number>,
    options: BatchOptions = {},
  ): Promise<Evaluation> {
    const batch = await this.runBatch(inputs, options, Evaluate);
    return { batch, summary: summariseBatch(batch, labels) };
  }

  /** Forward passes of the rows of `inputs` (checked, errors naming `kernel`) into a result. */
  protected abstract runBatch(
    inputs: Uint16Array,
    options: BatchOptions,
    kernel: KernelName,
  ): Promise<BatchResult>;
}
