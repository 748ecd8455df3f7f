import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { lastValueFrom, Subject, tap, toArray } from 'rxjs';
import { loadModel } from '@s4nn/core';
import { collectEvents, smallRunOptions, temporaryDirectory } from './test-support/tiny-data.js';
import type { EpochEndEvent, TrainEvent } from './train-events.js';
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

/** Shuffled, with dropout and a validation split: every random stream of a run is in play. */
async function options(dir: string): Promise<TrainOptions> {
  const base = await smallRunOptions(dir, {
    epochs: 3,
    shuffle: true,
    validationFraction: 0.2,
    seed: 4,
  });
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

describe('train$ with stop$', () => {
  it('checkpoints part-way through epochs and resumes to the figures and weights of a run never stopped', async () => {
    const fullDir = await temporaryDirectory();
    const fullOptions = await options(fullDir);
    const full = await collectEvents(fullOptions);
    const fullModel = await loadModel(path.join(fullOptions.outDir as string, 'model'));

    const dir = await temporaryDirectory();
    const stopped = await options(dir);
    const first = await runUntil(stopped, midEpoch(2));
    const [checkpoint, end] = first.slice(-2);
    expect(checkpoint).toMatchObject({ type: 'checkpoint', epoch: 1 });
    expect(end).toMatchObject({
      type: 'stopped',
      epoch: 2,
      checkpoint: (checkpoint as { path: string }).path,
    });
    const samplesDone = (end as { samplesDone: number }).samplesDone;
    expect(samplesDone).toBeGreaterThan(0);
    expect(path.basename((checkpoint as { path: string }).path)).toBe(`epoch-2-at-${samplesDone}`);

    const resume = validateTrainOptions({ ...stopped, resume: stopped.outDir });
    const second = await runUntil(resume, midEpoch(3));
    expect(second[0]).toMatchObject({ type: 'run-start', firstEpoch: 2 });
    expect(second[1]).toMatchObject({ type: 'epoch-start', epoch: 2, samplesDone });
    expect(second.at(-1)).toMatchObject({ type: 'stopped', epoch: 3 });

    const third = await collectEvents(resume);
    expect(third.at(-1)).toMatchObject({ type: 'run-end', epochsRun: 3 });
    const model = await loadModel(path.join(stopped.outDir as string, 'model'));
    expect(model.weights).toEqual(fullModel.weights);
    // The online counts and fire counts of the interrupted epochs were carried over exactly.
    expect(epochEnds([...first, ...second, ...third])).toEqual(epochEnds(full));
    const checkpoints = await readdir(path.join(stopped.outDir as string, 'checkpoints'));
    const secondStop = path.basename((second.at(-1) as { checkpoint: string }).checkpoint);
    expect(secondStop).toMatch(/^epoch-3-at-\d+$/);
    expect(checkpoints.sort()).toEqual(
      ['epoch-1', `epoch-2-at-${samplesDone}`, 'epoch-2', secondStop, 'epoch-3'].sort(),
    );
  });

  it('stops between epochs with the checkpoint of the epoch just ended', async () => {
    const dir = await temporaryDirectory();
    const stopped = await options(dir);
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
      samplesDone: (events.find((event) => event.type === 'epoch-start') as { samples: number })
        .samples,
      checkpoint: path.join(stopped.outDir as string, 'checkpoints', 'epoch-1'),
    });
  });
});
