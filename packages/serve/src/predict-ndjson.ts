import { Readable } from 'node:stream';
import { Observable, Subscription } from 'rxjs';
import { NdjsonLineSplitter } from './ndjson-lines.js';
import { predict, type PredictOptions } from './operators/predict.js';
import type { PredictionItem } from './prediction.js';
import type { Predictor } from './predictor.js';

/** Options of {@link predictNdjson}. */
export interface PredictNdjsonOptions extends Omit<PredictOptions, 'engine' | 'scheduler'> {
  /** Longest accepted line in bytes (default 1 MiB); a longer one gets an error item. */
  maxLineBytes?: number;
  /** Called with every item before it is written (metrics). */
  onItem?: (item: PredictionItem) => void;
}

/**
 * Predicts an NDJSON byte stream of samples into an NDJSON stream of predictions, one output line
 * per non-blank input line, in order, each written as soon as it is ready. Bad lines (invalid
 * JSON, bad samples) get an error item carrying their `line` number. Backpressure: while the
 * output's reader lags, `input` is paused, so memory stays bounded whatever the input's size.
 * Destroying the output (a client that went away) stops the work and releases `input`.
 *
 * ## Example
 * ```ts
 * import { pipeline } from 'node:stream/promises';
 * await pipeline(predictNdjson(process.stdin, predictor), process.stdout);
 * ```
 */
export function predictNdjson(
  input: Readable,
  predictor: Predictor,
  options: PredictNdjsonOptions = {},
): Readable {
  const { maxLineBytes = 1 << 20, onItem, ...predictOptions } = options;
  // Line numbers of the samples in flight, oldest first: items leave in the order lines came.
  const pendingLines: number[] = [];

  const samples = new Observable<unknown>((subscriber) => {
    const splitter = new NdjsonLineSplitter(maxLineBytes, ({ line, text, error }) => {
      pendingLines.push(line);
      subscriber.next(error === undefined ? parseLine(text) : new Error(error));
    });
    let ended = false;
    const onData = (chunk: Buffer | string) => splitter.push(chunk);
    const onEnd = () => {
      ended = true;
      splitter.end();
      subscriber.complete();
    };
    const onError = (error: Error) => subscriber.error(error);
    const onClose = () => {
      if (!ended) subscriber.error(new Error('the input closed before its end'));
    };
    input.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
    return () => {
      input.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
    };
  });

  const subscription = new Subscription();
  const output = new Readable({
    read: () => {
      input.resume();
    },
    destroy: (error, callback) => {
      subscription.unsubscribe();
      if (!input.readableEnded) input.destroy();
      callback(error);
    },
  });

  subscription.add(
    samples.pipe(predict(predictor, predictOptions)).subscribe({
      next: (item) => {
        const line = pendingLines.shift();
        if ('error' in item) item.line = line;
        onItem?.(item);
        if (!output.push(`${JSON.stringify(item)}\n`)) input.pause();
      },
      error: (error: Error) => output.destroy(error),
      complete: () => output.push(null),
    }),
  );
  return output;
}

function parseLine(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    return new Error(`invalid JSON (${(error as Error).message})`);
  }
}
