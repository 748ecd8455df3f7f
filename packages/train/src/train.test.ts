import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { firstValueFrom, lastValueFrom, takeWhile, toArray } from 'rxjs';
import { loadModel } from '@s4nn/core';
import { handNetwork, handSamples, handSpec } from './test-support/hand-network.js';
import {
  collectEvents,
  smallRunOptions,
  temporaryDirectory,
  writeSpikeDataset,
  writeWeightsNpz,
} from './test-support/tiny-data.js';
import type { EpochEndEvent, TrainEvent } from './train-events.js';
import type { FileDataOptions } from './train-options.js';
import { train$ } from './train.js';
import { validateTrainOptions } from './validate-train-options.js';

/** Six shuffled epochs with validation whose best validation epoch is neither the last nor the test's best. */
const SELECTION_RUN = { epochs: 6, seed: 3, shuffle: true, validationFraction: 0.2 };

const epochEnds = (events: TrainEvent[]) =>
  events.filter((event): event is EpochEndEvent => event.type === 'epoch-end');

async function readEvents(runDir: string): Promise<TrainEvent[]> {
  const text = await readFile(path.join(runDir, 'events.ndjson'), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as TrainEvent);
}

describe('train$', () => {
  it('emits the events of a run in order and logs each one to events.ndjson', async () => {
    const dir = await temporaryDirectory();
    const options = await smallRunOptions(dir, { epochs: 2 });
    const events = await collectEvents(options);
    const types = events.map((event) => event.type).join(' ');
    const epoch = '(epoch-start (progress )+dead-neurons epoch-end checkpoint)';
    expect(types).toMatch(new RegExp(`^run-start ${epoch} ${epoch} run-end$`));
    expect(await readEvents(options.outDir as string)).toEqual(JSON.parse(JSON.stringify(events)));
    const config = JSON.parse(
      await readFile(path.join(options.outDir as string, 'config.json'), 'utf8'),
    );
    expect(config).toEqual(options);
    const end = events.at(-1);
    expect(end).toMatchObject({
      type: 'run-end',
      bestEpoch: 2,
      epochsRun: 2,
      modelPath: path.join(options.outDir as string, 'model'),
    });
  });

  it('is cold: nothing runs before a subscription', async () => {
    const dir = await temporaryDirectory();
    const options = await smallRunOptions(dir);
    train$(options);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(readdir(options.outDir as string)).rejects.toThrow('ENOENT');
  });

  it('reports the figures worked out by hand for a fixed network', async () => {
    const dir = await temporaryDirectory();
    const spec = handSpec();
    const data = await writeSpikeDataset(
      path.join(dir, 'hand.arrow'),
      handSamples.times,
      handSamples.labels,
      spec.tmax,
    );
    const options = validateTrainOptions({
      data: { train: data, test: data },
      encoding: { type: 'pre-encoded' },
      network: spec,
      initWeights: await writeWeightsNpz(path.join(dir, 'w.npz'), handNetwork().weights, spec),
      outDir: path.join(dir, 'run'),
    });
    const events = await collectEvents(options);
    const [end] = epochEnds(events);
    // Learning rates are 0, so training's predictions are those of evaluate.test.ts.
    expect(end.training).toMatchObject({
      samples: 4,
      accuracy: 3 / 4,
      fallbackShare: 1 / 4,
      meanSpikes: { perLayer: [5 / 4, 1], total: 9 / 4 },
    });
    expect(end.test).toMatchObject({
      samples: 4,
      accuracy: 3 / 4,
      accuracyTiesCounted: 3 / 4,
      accuracyLowestIndex: 2 / 4,
      accuracyNoFallback: 2 / 4,
      fallbackDecided: 1,
      meanDecisionTime: 5,
    });
    expect(end.validation).toBeUndefined();
    // Hidden neuron 2 never fires: re-drawn from its range [0, 0], so the figures stand.
    expect(end.deadNeuronsRedrawn).toEqual([1, 0]);
    expect(events.find((event) => event.type === 'dead-neurons')).toEqual({
      type: 'dead-neurons',
      epoch: 1,
      redrawn: [1, 0],
      total: 1,
    });
    const model = await loadModel(path.join(dir, 'run', 'model'));
    expect(model.weights).toEqual(handNetwork().weights);
    expect(model.encoder).toEqual({ type: 'pre-encoded', tmax: 8 });
    expect(model.classes).toEqual({ names: ['a', 'b'] });
    expect(model.provenance).toMatchObject({ seed: 1, epochs: 1 });
  });

  it('gives identical weights for the same seed, and different ones for another', async () => {
    const run = async (seed: number) => {
      const dir = await temporaryDirectory();
      const options = await smallRunOptions(dir, {
        epochs: 2,
        seed,
        shuffle: true,
        validationFraction: 0.1,
      });
      const events = await collectEvents(options);
      return {
        events: epochEnds(events),
        model: await loadModel(path.join(options.outDir as string, 'model')),
      };
    };
    const [a, b, c] = [await run(5), await run(5), await run(6)];
    expect(b.model.weights).toEqual(a.model.weights);
    expect(b.events.map((event) => event.test)).toEqual(
      a.events.map((event) => ({ ...event.test, seconds: expect.any(Number) })),
    );
    expect(c.model.weights).not.toEqual(a.model.weights);
  });

  it('stops at a sample boundary on unsubscribe, keeps the last checkpoint whole, and resumes to the same weights', async () => {
    const dropout = (rate: number) => ({ dropout: rate });
    const overrides = (dir: string) => ({
      epochs: 3,
      shuffle: true,
      validationFraction: 0.2,
      outDir: path.join(dir, 'run'),
    });
    const uninterrupted = await temporaryDirectory();
    const base = await smallRunOptions(uninterrupted, overrides(uninterrupted));
    const withDropout = (options: typeof base) =>
      validateTrainOptions({
        ...options,
        network: {
          ...options.network,
          layers: options.network.layers.map((layer, l) => ({
            ...layer,
            ...dropout(l === 0 ? 0.1 : 0),
          })),
        },
      });
    const full = await collectEvents(withDropout(base));
    const fullModel = await loadModel(path.join(base.outDir as string, 'model'));

    const interrupted = await temporaryDirectory();
    const options = withDropout(await smallRunOptions(interrupted, overrides(interrupted)));
    // Unsubscribe at the first progress of epoch 2, mid-epoch.
    const seen = await lastValueFrom(
      train$(options).pipe(
        takeWhile(
          (event) =>
            !(event.type === 'progress' && event.epoch === 2 && event.samplesDone < event.samples),
          true,
        ),
        toArray(),
      ),
    );
    expect(seen.at(-1)).toMatchObject({ type: 'progress', epoch: 2 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const logged = await readEvents(options.outDir as string);
    expect(logged).toEqual(JSON.parse(JSON.stringify(seen)));
    const checkpoints = await readdir(path.join(options.outDir as string, 'checkpoints'));
    expect(checkpoints).toEqual(['epoch-1']);

    const resumed = await collectEvents(
      validateTrainOptions({ ...options, resume: options.outDir }),
    );
    expect(resumed[0]).toMatchObject({
      type: 'run-start',
      firstEpoch: 2,
      resumedFrom: path.join(options.outDir as string, 'checkpoints', 'epoch-1'),
    });
    const resumedEnd = resumed.at(-1);
    const fullEnd = full.at(-1);
    expect(resumedEnd?.type === 'run-end' && resumedEnd.bestEpoch).toBe(
      fullEnd?.type === 'run-end' && fullEnd.bestEpoch,
    );
    const model = await loadModel(path.join(options.outDir as string, 'model'));
    expect(model.weights).toEqual(fullModel.weights);
    const lastCheckpoint = (dir: string) => loadModel(path.join(dir, 'checkpoints', 'epoch-3'));
    expect((await lastCheckpoint(options.outDir as string)).weights).toEqual(
      (await lastCheckpoint(base.outDir as string)).weights,
    );
    // The log holds the interrupted part, then the resumed run.
    expect((await readEvents(options.outDir as string)).length).toBe(seen.length + resumed.length);
  });

  it('keeps the model of the best validation epoch, not the best test epoch', async () => {
    const dir = await temporaryDirectory();
    const options = await smallRunOptions(dir, SELECTION_RUN);
    const events = await collectEvents(options);
    const ends = epochEnds(events);
    const firstBest = (score: (event: EpochEndEvent) => number) =>
      ends.reduce((best, event) => (score(event) > score(best) ? event : best)).epoch;
    const byValidation = firstBest((event) => event.validation?.accuracy ?? 0);
    // The data and seed are chosen so that the choice matters: neither the last nor the test's best.
    expect(byValidation).not.toBe(6);
    expect(byValidation).not.toBe(firstBest((event) => event.test.accuracy));
    const end = events.at(-1);
    expect(end).toMatchObject({ type: 'run-end', bestEpoch: byValidation, final: { epoch: 6 } });
    const model = await loadModel(path.join(options.outDir as string, 'model'));
    const checkpoint = await loadModel(
      path.join(options.outDir as string, 'checkpoints', `epoch-${byValidation}`),
    );
    expect(model.weights).toEqual(checkpoint.weights);
    expect(model.provenance).toMatchObject({ epochs: byValidation });
  });

  it('stops early once validation has not improved for `earlyStoppingPatience` epochs', async () => {
    const dir = await temporaryDirectory();
    const base = await smallRunOptions(dir, SELECTION_RUN);
    const ends = epochEnds(await collectEvents(base));
    // Expected from the full run: the first epoch that is 2 epochs past the best so far.
    let best = ends[0];
    const stopAt = ends.find((event) => {
      if ((event.validation?.accuracy ?? 0) > (best.validation?.accuracy ?? 0)) best = event;
      return event.epoch - best.epoch >= 2;
    });
    expect(stopAt).toBeDefined();
    const events = await collectEvents(
      validateTrainOptions({ ...base, outDir: path.join(dir, 'early'), earlyStoppingPatience: 2 }),
    );
    expect(events.slice(-3).map((event) => event.type)).toEqual([
      'checkpoint',
      'early-stop',
      'run-end',
    ]);
    expect(events.at(-2)).toEqual({
      type: 'early-stop',
      epoch: stopAt?.epoch,
      bestEpoch: best.epoch,
      patience: 2,
    });
    expect(events.at(-1)).toMatchObject({ bestEpoch: best.epoch, epochsRun: stopAt?.epoch });
    // Resuming a run that stopped early trains nothing more.
    const again = await collectEvents(
      validateTrainOptions({ ...base, resume: path.join(dir, 'early') }),
    );
    expect(again.map((event) => event.type)).toEqual(['run-start', 'run-end']);
    expect(again.at(-1)).toMatchObject({ bestEpoch: best.epoch, epochsRun: stopAt?.epoch });
  });

  it('fails with the field named when the options are bad, before touching the disk', async () => {
    const dir = await temporaryDirectory();
    const options = await smallRunOptions(dir);
    await expect(firstValueFrom(train$({ ...options, epochs: 0 }))).rejects.toThrow(
      'epochs must be an integer >= 1',
    );
    await expect(
      firstValueFrom(train$({ ...options, network: { ...options.network, inputShape: [4, 5] } })),
    ).rejects.toThrow(
      'network.inputShape [4, 5] takes 20 values per sample; the train data has 16',
    );
    await expect(readdir(options.outDir as string)).rejects.toThrow('ENOENT');
  });

  it('stores data paths absolute, so the run directory works from any folder, and says what the engine runs on', async () => {
    const dir = await temporaryDirectory();
    const options = await smallRunOptions(dir);
    const data = options.data as FileDataOptions;
    const relative = {
      train: path.relative(process.cwd(), data.train),
      test: path.relative(process.cwd(), data.test),
    };
    expect(path.isAbsolute(relative.train)).toBe(false);
    const events = await collectEvents({ ...options, data: relative });
    const config = JSON.parse(
      await readFile(path.join(options.outDir as string, 'config.json'), 'utf8'),
    );
    expect(config.data).toEqual(data);
    expect(events[0]).toMatchObject({
      type: 'run-start',
      options: { data },
      engineInfo: { engine: 'event', backend: 'typed-arrays', device: 'cpu' },
    });
    const model = await loadModel(path.join(options.outDir as string, 'model'));
    expect(model.provenance?.dataset).toMatchObject({ source: data });
  });

  it('refuses to start a new run in a directory that holds one', async () => {
    const dir = await temporaryDirectory();
    const options = await smallRunOptions(dir);
    await collectEvents(options);
    await expect(collectEvents(options)).rejects.toThrow(
      `outDir ${options.outDir} already holds a run`,
    );
  });
});
