import {
  concatAll,
  concatMap,
  defer,
  finalize,
  from,
  switchMap,
  type Observable,
  type OperatorFunction,
  type SchedulerLike,
} from 'rxjs';
import type { S4nnModel } from '@s4nn/core';
import type { PredictionItem } from '../prediction.js';
import {
  createPredictor,
  type PredictBatchOptions,
  type Predictor,
  type PredictorOptions,
} from '../predictor.js';
import { batchBySizeAndTime } from './batch-by-size-and-time.js';

/** Options of {@link predict}. */
export interface PredictOptions extends PredictBatchOptions, PredictorOptions {
  /** Most samples per batch (default 64). */
  batchSize?: number;
  /** Longest time a sample waits for its batch to fill, in ms (default 2). */
  maxDelayMs?: number;
  /** Where the batching timer runs (a TestScheduler in tests; default `asyncScheduler`). */
  scheduler?: SchedulerLike;
}

/**
 * Turns a stream of samples into a stream of predictions, one item per sample, in input order.
 *
 * Like `map(sample => model(sample))`, batched: samples are grouped by size and time bounds,
 * and a batch may be spread over worker threads. A bad sample (wrong length, non-numbers,
 * values out of range, an `Error` in place of a sample) becomes an error item
 * `{ index, id?, error }`; the stream goes on.
 *
 * ## Example
 * ```ts
 * import { from } from 'rxjs';
 * import { loadModel } from '@s4nn/core';
 * import { predict } from '@s4nn/serve';
 *
 * const model = await loadModel('models/mnist');
 * from([{ values: pixels, id: 'a' }, { times: spikeTimes }])
 *   .pipe(predict(model, { earlyExit: true }))
 *   .subscribe((item) => console.log(item)); // { index: 0, id: 'a', prediction: 7, class: '7', ... }
 * ```
 *
 * @see createPredictor to share one engine session among streams (pass it as `model`).
 * @param model A loaded model (a session is made per subscription, after which the source is
 * subscribed) or a {@link Predictor} (used as it is, not disposed).
 * @param options Batch bounds, early exit, worker threads, engine and backend.
 * @return An operator from samples to {@link PredictionItem}s.
 */
export function predict(
  model: S4nnModel | Predictor,
  options: PredictOptions = {},
): OperatorFunction<unknown, PredictionItem> {
  const { batchSize = 64, maxDelayMs = 2, earlyExit = false, threads = 0, scheduler } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`predict: options.batchSize must be an integer >= 1 (got ${batchSize})`);
  }
  if (!(maxDelayMs >= 0))
    throw new RangeError(`predict: options.maxDelayMs must be >= 0 (got ${maxDelayMs})`);
  if (!Number.isInteger(threads) || threads < 0) {
    throw new RangeError(`predict: options.threads must be an integer >= 0 (got ${threads})`);
  }
  const batchOptions = { earlyExit, threads };

  const run = (source: Observable<unknown>, predictor: Predictor) =>
    defer(() => {
      let nextIndex = 0;
      return source.pipe(
        batchBySizeAndTime(batchSize, maxDelayMs, scheduler),
        concatMap((batch) => {
          const firstIndex = nextIndex;
          nextIndex += batch.length;
          const items = predictor.predictBatch(batch, firstIndex, batchOptions);
          return Array.isArray(items) ? items : from(items).pipe(concatAll());
        }),
      );
    });

  if ('predictBatch' in model) return (source) => run(source, model);
  const session = { engine: options.engine, backend: options.backend };
  return (source) =>
    defer(() => createPredictor(model, session)).pipe(
      switchMap((predictor) =>
        run(source, predictor).pipe(finalize(() => void predictor.dispose())),
      ),
    );
}
