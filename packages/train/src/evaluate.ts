import { performance } from 'node:perf_hooks';
import {
  createBatchResult,
  createSession,
  outputSize,
  SpecError,
  summariseBatch,
  type BatchResult,
  type EngineInfo,
  type EngineSession,
  type Network,
} from '@s4nn/core';
import type { EncodedSamples } from './load-training-data.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';

/** The figures of an evaluation (spec 3 and 6), plain JSON. Accuracies and shares are in [0, 1]. */
export interface EvaluationFigures {
  samples: number;
  /** Strict accuracy: the spec-3 decision (earliest spike, ties by potential, fallback). */
  accuracy: number;
  /** The published evaluation's: the label's neuron fires at the earliest output time, ties counted correct. */
  accuracyTiesCounted: number;
  /** Ties broken by the lowest index (the fixtures' `decision`). */
  accuracyLowestIndex: number;
  /** Strict accuracy with the samples decided by the fallback counted wrong. */
  accuracyNoFallback: number;
  /** Samples without any output spike, decided by argmax V(tmax - 3). */
  fallbackDecided: number;
  /** `fallbackDecided / samples`. */
  fallbackShare: number;
  /** Mean decision time (tmax for samples without output spike). */
  meanDecisionTime: number;
  /** Mean number of neurons that fired (t < tmax) per sample, per weighted layer and in total. */
  meanSpikes: { perLayer: number[]; total: number };
  /** K x K sample counts: `confusion[label][prediction]`. */
  confusion: number[][];
  /** Wall time of the evaluation. */
  seconds: number;
}

/** An evaluation's figures plus the per-sample results (for prediction files). */
export interface EvaluationReport extends EvaluationFigures {
  /** The labels evaluated against (the first `samples` of the data). */
  labels: Int32Array;
  /** Per sample: prediction, decision time, fallback flag, output firing times (samples x K). */
  perSample: BatchResult;
  /** What evaluated: the engine and its backend (the session's `info`). */
  engineInfo: EngineInfo;
}

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /** Engine name; default: the best available engine. */
  engine?: string;
  /** The engine's compute backend (tfjs: `auto`, `tensorflow`, `wasm`, `cpu`); default: the engine picks. */
  backend?: string;
  /** Worker threads; 0 (the default) runs in the calling thread. */
  threads?: number;
  /** Evaluate the first N samples only. */
  limit?: number;
}

/** Options of {@link evaluateSession}. */
export interface EvaluateSessionOptions {
  threads?: number;
  limit?: number;
  /** Stops the evaluation between chunks (it then rejects with the signal's reason). */
  signal?: AbortSignal;
}

/** Samples per chunk: between chunks the event loop runs (unsubscribes, SIGINT). */
const CHUNK_SAMPLES = 1000;

/**
 * Runs `network` (a Network or a loaded model) on `samples` and reports the figures of
 * S4NN-SPEC.md sections 3 and 6 with the per-sample results.
 *
 * ## Example
 * ```ts
 * const report = await evaluate(await loadModel('runs/x/model'), data.test, { threads: 2 });
 * console.log(report.accuracy, report.accuracyTiesCounted, evaluationFigures(report));
 * ```
 */
export async function evaluate(
  network: Network,
  samples: EncodedSamples,
  options: EvaluateOptions = {},
): Promise<EvaluationReport> {
  const session = await createSession(
    { spec: network.spec, weights: network.weights },
    { engine: options.engine, backend: options.backend },
  );
  try {
    return await evaluateSession(session, samples, options);
  } finally {
    await session.dispose();
  }
}

/**
 * {@link evaluate} on a session that is already open (a training run's, with its current
 * weights): the one implementation of the evaluation figures.
 */
export async function evaluateSession(
  session: EngineSession,
  samples: EncodedSamples,
  options: EvaluateSessionOptions = {},
): Promise<EvaluationReport> {
  const started = performance.now();
  const { spec } = session.network;
  const { threads = 0, limit, signal } = options;
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1)) {
    throw new SpecError(`evaluate: limit must be an integer >= 1 (got ${limit})`, 'limit');
  }
  const count = Math.min(limit ?? samples.count, samples.count);
  const width = samples.width;
  const batch = createBatchResult(spec, count, threads > 0);
  for (let start = 0; start < count; start += CHUNK_SAMPLES) {
    signal?.throwIfAborted();
    const end = Math.min(count, start + CHUNK_SAMPLES);
    const out = batchRows(batch, start, end, outputSize(spec), spec.layers.length);
    await session.forwardBatch(samples.inputs.subarray(start * width, end * width), {
      threads,
      out,
    });
    if (end < count) await yieldToEventLoop();
  }
  const labels = samples.labels.subarray(0, count);
  return {
    ...figuresOf(batch, labels, performance.now() - started),
    labels,
    perSample: batch,
    engineInfo: session.info,
  };
}

/** The JSON-able part of a report (without the per-sample arrays). */
export function evaluationFigures(report: EvaluationReport): EvaluationFigures {
  const { labels: _labels, perSample: _perSample, engineInfo: _engineInfo, ...figures } = report;
  return figures;
}

function figuresOf(
  batch: BatchResult,
  labels: Int32Array,
  milliseconds: number,
): EvaluationFigures {
  const summary = summariseBatch(batch, labels);
  const n = batch.count;
  const layers = n === 0 ? 0 : batch.spikes.length / n;
  const classes = n === 0 ? 0 : batch.outputTimes.length / n;
  const spikeSums = new Array<number>(layers).fill(0);
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let s = 0; s < n; s++) {
    for (let l = 0; l < layers; l++) spikeSums[l] += batch.spikes[s * layers + l];
    confusion[labels[s]][batch.predictions[s]]++;
  }
  const share = (value: number) => (n === 0 ? 0 : value / n);
  return {
    samples: n,
    accuracy: summary.accuracy,
    accuracyTiesCounted: summary.accuracyTiesCounted,
    accuracyLowestIndex: share(summary.correctLowestIndex),
    accuracyNoFallback: summary.accuracyFallbackWrong,
    fallbackDecided: summary.fallbackCount,
    fallbackShare: share(summary.fallbackCount),
    meanDecisionTime: summary.meanDecisionTime,
    meanSpikes: { perLayer: spikeSums.map(share), total: summary.meanSpikes },
    confusion,
    seconds: milliseconds / 1000,
  };
}

/** Rows `start..end` of `batch` as a batch of their own (views, no copy). */
function batchRows(
  batch: BatchResult,
  start: number,
  end: number,
  classes: number,
  layers: number,
): BatchResult {
  return {
    count: end - start,
    predictions: batch.predictions.subarray(start, end),
    lowestIndexPredictions: batch.lowestIndexPredictions.subarray(start, end),
    decisionTimes: batch.decisionTimes.subarray(start, end),
    fallback: batch.fallback.subarray(start, end),
    tiedAtMinimum: batch.tiedAtMinimum.subarray(start, end),
    outputTimes: batch.outputTimes.subarray(start * classes, end * classes),
    spikes: batch.spikes.subarray(start * layers, end * layers),
  };
}
