import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { lastValueFrom, Subject, tap, toArray } from 'rxjs';
import { loadModel } from '@s4nn/core';
import { collectEvents, smallRunOptions, temporaryDirectory } from './test-support/tiny-data.js';
import { SYNC_SAMPLES } from './train-epoch.js';
import type { EpochEndEvent, ProgressEvent, TrainEvent } from './train-events.js';
import type { TrainOptions } from './train-options.js';
import { train$ } from './train.js';
import { validateTrainOptions } from './validate-train-options.js';

/** Runs until `when` is true of an event, then asks the run to stop; returns every event. */
function runUntil(
  options: TrainOptions,
  when: (event: TrainEvent) => boolean,
): Promise<TrainEvent[]> {
  const stop$ = new Subject<void>();
  return lastValueFrom(
    train$(options, { stop$ }).pipe(
      tap((event) => {
        if (when(event)) stop$.next();
      }),
      toArray(),
    ),
  );
}

const midEpoch = (epoch: number) => (event: TrainEvent) =>
  event.type === 'progress' && event.epoch === epoch && event.samplesDone < event.samples;

/** 4800 training samples after the validation split: a synchronisation point at 4096. */
const TRAIN_SAMPLES = 6000;
const EPOCH_SAMPLES = 4800;

/**
 * The tiny network with weight decay (kept lazily as a scale by the event engine), shuffled,
 * with dropout and a validation split: every random stream and every piece of state is in play.
 */
async function options(dir: string, overrides: Partial<TrainOptions> = {}): Promise<TrainOptions> {
  const base = await smallRunOptions(
    dir,
    { epochs: 3, shuffle: true, validationFraction: 0.2, seed: 4, ...overrides },
    TRAIN_SAMPLES,
  );
  const layers = base.network.layers.map((layer, l) => ({ ...layer, dropout: l === 0 ? 0.1 : 0 }));
  return validateTrainOptions({ ...base, network: { ...base.network, layers } });
}

const epochEnds = (events: TrainEvent[]) =>
  events
    .filter((event): event is EpochEndEvent => event.type === 'epoch-end')
    .map(({ test, validation, training, deadNeuronsRedrawn }) => ({
      test: { ...test, seconds: 0 },
      validation: { ...validation, seconds: 0 },
      training: { ...training, seconds: 0, samplesPerSecond: 0 },
      deadNeuronsRedrawn,
    }));

/** The online accuracy of each epoch's last progress event (all of its samples). */
const epochEndProgress = (events: TrainEvent[]) =>
  events
    .filter(
      (event): event is ProgressEvent =>
        event.type === 'progress' && event.samplesDone === event.samples,
    )
    .map(({ epoch, accuracy }) => ({ epoch, accuracy }));

const weightsOf = async (runDir: string, model: string) =>
  (await loadModel(path.join(runDir, model))).weights;

describe('train$ with stop$', () => {
  it.each([true, false])(
    'stops part-way through epochs at a synchronisation point and resumes to bit-identical weights and the same figures (dead-neuron reset: %s)',
    async (deadNeuronReset) => {
      const fullOptions = await options(await temporaryDirectory(), { deadNeuronReset });
      const full = await collectEvents(fullOptions);
      const fullDir = fullOptions.outDir as string;

      const stopped = await options(await temporaryDirectory(), { deadNeuronReset });
      const dir = stopped.outDir as string;
      // Asked to stop at the first progress of epoch 2 (at most 256 samples in): it goes on to 4096.
      const first = await runUntil(stopped, midEpoch(2));
      const [checkpoint, end] = first.slice(-2);
      expect(checkpoint).toEqual({
        type: 'checkpoint',
        epoch: 1,
        path: path.join(dir, 'checkpoints', `epoch-2-at-${SYNC_SAMPLES}`),
      });
      expect(end).toEqual({
        type: 'stopped',
        epoch: 2,
        samplesDone: SYNC_SAMPLES,
        checkpoint: (checkpoint as { path: string }).path,
      });

      const resume = validateTrainOptions({ ...stopped, resume: dir });
      const second = await runUntil(resume, midEpoch(3));
      expect(second[0]).toMatchObject({ type: 'run-start', firstEpoch: 2 });
      expect(second[1]).toMatchObject({ type: 'epoch-start', epoch: 2, samplesDone: SYNC_SAMPLES });
      expect(second.at(-1)).toMatchObject({
        type: 'stopped',
        epoch: 3,
        samplesDone: SYNC_SAMPLES,
        checkpoint: path.join(dir, 'checkpoints', `epoch-3-at-${SYNC_SAMPLES}`),
      });

      const third = await collectEvents(resume);
      expect(third.at(-1)).toMatchObject({ type: 'run-end', epochsRun: 3 });
      // Bit for bit, not within a tolerance: every epoch's weights and the model kept.
      for (const model of ['checkpoints/epoch-2', 'checkpoints/epoch-3', 'model']) {
        expect(await weightsOf(dir, model)).toEqual(await weightsOf(fullDir, model));
      }
      // The online counts, spike sums and fire counts of the interrupted epochs were carried over.
      const resumed = [...first, ...second, ...third];
      expect(epochEnds(resumed)).toEqual(epochEnds(full));
      expect(epochEndProgress(resumed)).toEqual(epochEndProgress(full));
      expect(epochEndProgress(resumed).map(({ epoch }) => epoch)).toEqual([1, 2, 3]);
      const checkpoints = await readdir(path.join(dir, 'checkpoints'));
      expect(checkpoints.sort()).toEqual(
        [
          'epoch-1',
          `epoch-2-at-${SYNC_SAMPLES}`,
          'epoch-2',
          `epoch-3-at-${SYNC_SAMPLES}`,
          'epoch-3',
        ].sort(),
      );
    },
  );

  it('asked to stop after the last synchronisation point of an epoch, stops at its end', async () => {
    const stopped = await options(await temporaryDirectory());
    const events = await runUntil(
      stopped,
      (event) =>
        event.type === 'progress' &&
        event.samplesDone > SYNC_SAMPLES &&
        event.samplesDone < event.samples,
    );
    expect(events.filter((event) => event.type === 'progress').at(-1)).toMatchObject({
      epoch: 1,
      samplesDone: EPOCH_SAMPLES,
    });
    expect(events.slice(-3).map((event) => event.type)).toEqual([
      'epoch-end',
      'checkpoint',
      'stopped',
    ]);
    expect(events.at(-1)).toEqual({
      type: 'stopped',
      epoch: 1,
      samplesDone: EPOCH_SAMPLES,
      checkpoint: path.join(stopped.outDir as string, 'checkpoints', 'epoch-1'),
    });
  });

  // Without the dead-neuron re-draw nothing else hands the session its weights at an epoch's end.
  it('stops between epochs with the checkpoint of the epoch just ended, and resumes to bit-identical weights', async () => {
    const fullOptions = await options(await temporaryDirectory(), { deadNeuronReset: false });
    await collectEvents(fullOptions);
    const stopped = await options(await temporaryDirectory(), { deadNeuronReset: false });
    const events = await runUntil(
      stopped,
      (event) => event.type === 'epoch-end' && event.epoch === 1,
    );
    expect(events.slice(-3).map((event) => event.type)).toEqual([
      'epoch-end',
      'checkpoint',
      'stopped',
    ]);
    expect(events.at(-1)).toEqual({
      type: 'stopped',
      epoch: 1,
      samplesDone: EPOCH_SAMPLES,
      checkpoint: path.join(stopped.outDir as string, 'checkpoints', 'epoch-1'),
    });
    const resumed = await collectEvents(
      validateTrainOptions({ ...stopped, resume: stopped.outDir }),
    );
    expect(resumed.at(-1)).toMatchObject({ type: 'run-end', epochsRun: 3 });
    expect(await weightsOf(stopped.outDir as string, 'checkpoints/epoch-3')).toEqual(
      await weightsOf(fullOptions.outDir as string, 'checkpoints/epoch-3'),
    );
  });
});
