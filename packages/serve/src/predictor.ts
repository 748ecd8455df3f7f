import {
  createEarlyExitResult,
  createForwardResult,
  createSession,
  inputWidth,
  type BatchResult,
  type EngineInfo,
  type S4nnModel,
} from '@s4nn/core';
import { createEncoder } from '@s4nn/encoding';
import type { PredictionError, PredictionItem, SampleId } from './prediction.js';
import { createSampleReader } from './read-sample.js';

/** Options of {@link createPredictor}. */
export interface PredictorOptions {
  /** The engine to run (default: the best available, see core's `defaultEngine`). */
  engine?: string;
  /** The engine's compute backend (tfjs: `auto`, `tensorflow`, `wasm`, `cpu`); default: the engine picks. */
  backend?: string;
}

/** How one batch is run: see {@link Predictor.predictBatch}. */
export interface PredictBatchOptions {
  /** Stop each sample at its first output spike: same decisions, partial output times. */
  earlyExit?: boolean;
  /** Worker threads to spread the batch over; 0 (the default) runs it in this thread, synchronously. */
  threads?: number;
}

/**
 * A model bound to an engine session, reading samples as the serve package defines them and
 * answering with predictions. One predictor serves any number of streams and requests.
 */
export interface Predictor {
  readonly model: S4nnModel;
  /** The engine's name, e.g. `event`. */
  readonly engine: string;
  /** What the engine runs on: its backend and device (core's `session.info`). */
  readonly engineInfo: EngineInfo;
  /** Values per sample D. */
  readonly width: number;
  /**
   * Predicts `samples` (numbered from `firstIndex`), one item per sample in order; a bad sample
   * gets an error item. Synchronous (an array) without threads, a promise with threads.
   */
  predictBatch(
    samples: readonly unknown[],
    firstIndex: number,
    options?: PredictBatchOptions,
  ): PredictionItem[] | Promise<PredictionItem[]>;
  /** Releases the session (its worker threads). */
  dispose(): Promise<void>;
}

/**
 * Binds `model` to an engine session for predictions.
 *
 * ## Example
 * ```ts
 * const predictor = await createPredictor(await loadModel('models/mnist'));
 * predictor.predictBatch([{ values: pixels, id: 'a' }], 0); // [{ index: 0, id: 'a', prediction: 7, ... }]
 * await predictor.dispose();
 * ```
 */
export async function createPredictor(
  model: S4nnModel,
  options: PredictorOptions = {},
): Promise<Predictor> {
  const { spec, classes } = model;
  const session = await createSession(
    { spec, weights: model.weights },
    { engine: options.engine, backend: options.backend },
  );
  const width = inputWidth(spec);
  const layers = spec.layers.length;
  const outputs = spec.layers[layers - 1].size;
  const readSample = createSampleReader(width, createEncoder(model.encoder));
  // Reused by every sample of the single-thread path: no allocation but the answer itself.
  const row = new Uint16Array(width);
  const full = createForwardResult(spec);
  const early = createEarlyExitResult(spec);

  const errorItem = (index: number, error: unknown, id?: SampleId): PredictionError => {
    const sampleId = id ?? (error as { id?: SampleId }).id;
    const message = error instanceof Error ? error.message : String(error);
    return sampleId === undefined
      ? { index, error: message }
      : { index, id: sampleId, error: message };
  };

  const predictOne = (sample: unknown, index: number, earlyExit: boolean): PredictionItem => {
    let id: SampleId | undefined;
    try {
      id = readSample(sample, row);
    } catch (error) {
      return errorItem(index, error);
    }
    const result = earlyExit ? session.forwardEarlyExit(row, early) : session.forward(row, full);
    const outputTimes = earlyExit ? early.outputTimes : full.firingTimes[layers - 1];
    return {
      index,
      ...(id === undefined ? {} : { id }),
      prediction: result.prediction,
      class: classes.names[result.prediction],
      decisionTime: result.decisionTime,
      outputTimes: Array.from(outputTimes),
      spikes: result.totalSpikes,
      fallback: result.fallback,
    };
  };

  const predictOnThreads = async (
    samples: readonly unknown[],
    firstIndex: number,
    earlyExit: boolean,
    threads: number,
  ): Promise<PredictionItem[]> => {
    // The valid samples go into one n x D matrix; `rowOf[s]` is sample s's row, or -1 on error.
    const inputs = new Uint16Array(samples.length * width);
    const rowOf = new Int32Array(samples.length);
    const ids: (SampleId | undefined)[] = new Array(samples.length);
    const items: PredictionItem[] = new Array(samples.length);
    let rows = 0;
    samples.forEach((sample, s) => {
      try {
        ids[s] = readSample(sample, inputs.subarray(rows * width, (rows + 1) * width));
        rowOf[s] = rows++;
      } catch (error) {
        rowOf[s] = -1;
        items[s] = errorItem(firstIndex + s, error);
      }
    });
    const batch =
      rows === 0
        ? undefined
        : await session.forwardBatch(inputs.subarray(0, rows * width), { earlyExit, threads });
    for (let s = 0; s < samples.length; s++) {
      if (rowOf[s] >= 0)
        items[s] = batchItem(batch as BatchResult, rowOf[s], firstIndex + s, ids[s]);
    }
    return items;
  };

  const batchItem = (
    batch: BatchResult,
    r: number,
    index: number,
    id: SampleId | undefined,
  ): PredictionItem => {
    let spikes = 0;
    for (let l = 0; l < layers; l++) spikes += batch.spikes[r * layers + l];
    const prediction = batch.predictions[r];
    return {
      index,
      ...(id === undefined ? {} : { id }),
      prediction,
      class: classes.names[prediction],
      decisionTime: batch.decisionTimes[r],
      outputTimes: Array.from(batch.outputTimes.subarray(r * outputs, (r + 1) * outputs)),
      spikes,
      fallback: batch.fallback[r] === 1,
    };
  };

  // Batches on worker threads run one after the other: the session's worker pool takes one
  // batch at a time (its workers answer jobs by message order).
  let previousBatch: Promise<unknown> = Promise.resolve();

  return {
    model,
    engine: session.engine,
    engineInfo: session.info,
    width,
    predictBatch(samples, firstIndex, { earlyExit = false, threads = 0 } = {}) {
      if (threads > 0) {
        const batch = previousBatch.then(() =>
          predictOnThreads(samples, firstIndex, earlyExit, threads),
        );
        previousBatch = batch.catch(() => undefined);
        return batch;
      }
      return samples.map((sample, s) => predictOne(sample, firstIndex + s, earlyExit));
    },
    dispose: () => session.dispose(),
  };
}
