import { performance } from 'node:perf_hooks';
import {
  countFirings,
  createTrainStepResult,
  restoreRng,
  type EngineSession,
  type FireCounts,
  type Rng,
} from '@s4nn/core';
import type { PartialEpoch } from './checkpoint-state.js';
import type { EncodedSamples } from './load-training-data.js';
import type { EpochFigures, ProgressEvent } from './train-events.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';

/** A chunk ends after this many samples or this much time, whichever comes first; then the event loop runs. */
const CHUNK_SAMPLES = 256;
const CHUNK_MILLISECONDS = 25;

/**
 * Synchronisation points: after every `SYNC_SAMPLES` samples, counted from the start of each
 * epoch, and at the epoch's end, the loop hands the session its own weights back
 * (`setWeights(getWeights())`). Why: an engine may hold the weights in a form that `getWeights`
 * only rounds to (the event engine keeps weight decay as a per-layer scale, `stored * scale`),
 * and a run resumed from a checkpoint starts from what `getWeights` gave. After the round trip
 * the uninterrupted run holds exactly that too, so a run stopped here (`stop$` takes effect only
 * at these points) and resumed ends with bit-identical weights. 4096: one copy of the weights
 * costs about 1.6-2.4 ms for 784-400-10 against about 0.15 ms per training step (paper-mnist on
 * MNIST, event engine), so 1024 steps between points would cost about 1%, 4096 about 0.3%; a stop
 * then waits at most 4095 steps (about 0.6 s).
 */
export const SYNC_SAMPLES = 4096;

/** What one pass over the training samples needs. */
export interface EpochContext {
  session: EngineSession;
  samples: EncodedSamples;
  epoch: number;
  /** The training stream: draws the visiting order when `shuffle`. */
  rng: Rng;
  shuffle: boolean;
  progressThrottleMs: number;
  onProgress: (event: ProgressEvent) => void;
  /** Checked at every sample boundary: the run was unsubscribed. */
  signal: AbortSignal;
  /** Checked at every synchronisation point ({@link SYNC_SAMPLES}): stop there and report where (for a checkpoint). */
  stopRequested: () => boolean;
  /** Continue an epoch stopped part-way (from a checkpoint taken at a synchronisation point). */
  resumeFrom?: PartialEpoch;
}

/** How an epoch ended: complete, stopped on request part-way, or abandoned (unsubscribed). */
export type EpochOutcome =
  | { status: 'complete'; figures: EpochFigures['training']; fireCounts: FireCounts }
  | { status: 'stopped'; partial: PartialEpoch }
  | { status: 'aborted' };

/**
 * One epoch of online SGD (spec 4-5): every training sample once, in file order or a seeded
 * permutation, one `trainStep` each, counting each neuron's firings for the dead-neuron re-draw.
 * Runs in chunks on the event loop (no promise per sample). Unsubscribing (`signal`) ends it at
 * the next sample; a stop request (`stopRequested`) at the next synchronisation point
 * ({@link SYNC_SAMPLES}), where the session's weights are exactly what a checkpoint saves.
 */
export async function trainEpoch(context: EpochContext): Promise<EpochOutcome> {
  const { session, samples, rng, signal, resumeFrom } = context;
  const { spec } = session.network;
  const { count, width, inputs, labels } = samples;
  const layers = spec.layers.length;
  // The order is drawn from the stream's state at the epoch's start, so a resumed epoch redraws it.
  const epochStartRng = resumeFrom?.epochStartRng ?? rng.getState();
  const orderRng = resumeFrom === undefined ? rng : restoreRng(epochStartRng);
  const order = context.shuffle ? orderRng.permutation(count) : undefined;
  const input = new Uint16Array(width);
  const step = createTrainStepResult(spec);
  const fireCounts = spec.layers.map((layer, l) =>
    Uint32Array.from(resumeFrom?.fireCounts[l] ?? new Array(layer.size).fill(0)),
  );
  const spikeSums = Float64Array.from(resumeFrom?.spikeSums ?? new Array(layers).fill(0));
  let correct = resumeFrom?.correct ?? 0;
  let fallback = resumeFrom?.fallback ?? 0;
  let done = resumeFrom?.samplesDone ?? 0;
  const startDone = done;
  const started = performance.now();
  const secondsBefore = resumeFrom?.seconds ?? 0;
  let lastProgress = -Infinity;
  while (done < count) {
    const chunkEnd = Math.min(count, done + CHUNK_SAMPLES);
    const deadline = performance.now() + CHUNK_MILLISECONDS;
    while (done < chunkEnd) {
      if (signal.aborted) return { status: 'aborted' };
      if (done % SYNC_SAMPLES === 0 && context.stopRequested()) {
        return {
          status: 'stopped',
          partial: {
            samplesDone: done,
            epochStartRng,
            fireCounts: fireCounts.map((counts) => Array.from(counts)),
            spikeSums: Array.from(spikeSums),
            correct,
            fallback,
            seconds: secondsBefore + (performance.now() - started) / 1000,
          },
        };
      }
      const index = order === undefined ? done : order[done];
      const offset = index * width;
      for (let i = 0; i < width; i++) input[i] = inputs[offset + i];
      session.trainStep(input, labels[index], step);
      countFirings(fireCounts, step.firingTimes, spec.tmax);
      for (let l = 0; l < layers; l++) spikeSums[l] += step.spikes[l];
      if (step.correct) correct++;
      if (step.fallback) fallback++;
      done++;
      if (done % SYNC_SAMPLES === 0 || done === count) session.setWeights(session.getWeights());
      // The clock is read every 16 samples: cheap next to 16 training steps.
      if ((done & 15) === 0 && performance.now() >= deadline) break;
    }
    const now = performance.now();
    if (done === count || now - lastProgress >= context.progressThrottleMs) {
      lastProgress = now;
      context.onProgress({
        type: 'progress',
        epoch: context.epoch,
        samplesDone: done,
        samples: count,
        samplesPerSecond: rate(done - startDone, now - started),
        accuracy: correct / done,
      });
    }
    if (done < count) await yieldToEventLoop();
  }
  if (signal.aborted) return { status: 'aborted' };
  const seconds = secondsBefore + (performance.now() - started) / 1000;
  const perLayer = Array.from(spikeSums, (sum) => share(sum, count));
  return {
    status: 'complete',
    fireCounts,
    figures: {
      samples: count,
      accuracy: share(correct, count),
      fallbackShare: share(fallback, count),
      meanSpikes: { perLayer, total: perLayer.reduce((a, b) => a + b, 0) },
      seconds,
      samplesPerSecond: rate(count, seconds * 1000),
    },
  };
}

function share(value: number, count: number): number {
  return count === 0 ? 0 : value / count;
}

function rate(samples: number, milliseconds: number): number {
  return milliseconds > 0 ? (samples * 1000) / milliseconds : 0;
}
