import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { from, lastValueFrom, map, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import type { PredictionItem } from '../prediction.js';
import { createPredictor, type Predictor } from '../predictor.js';
import { directForward, randomModel, randomSamples } from '../test-support/models.js';
import { predict } from './predict.js';

const model = randomModel(3);
const samples = randomSamples(40, 16, 11);
let predictor: Predictor;
let expected: Awaited<ReturnType<typeof directForward>>;

beforeAll(async () => {
  predictor = await createPredictor(model, { engine: 'event' });
  expected = await directForward(model, samples);
});
afterAll(() => predictor.dispose());

/** A predictor that records the size of every batch it is given. */
function recording(batchSizes: number[]): Predictor {
  return {
    ...predictor,
    predictBatch: (batch, firstIndex, options) => {
      batchSizes.push(batch.length);
      return predictor.predictBatch(batch, firstIndex, options);
    },
  };
}

const scheduler = () => new TestScheduler((actual, wanted) => expect(actual).toEqual(wanted));

describe('predict', () => {
  it('answers every sample in input order, as a direct engine forward does', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold('a-b-------c|', {
        a: { values: samples[0], id: 'a' },
        b: samples[1],
        c: { values: samples[2], id: 9 },
      });
      expectObservable(source.pipe(predict(predictor, { batchSize: 2, maxDelayMs: 10 }))).toBe(
        '--(xy)-----(z|)',
        {
          x: { index: 0, id: 'a', ...expected[0] },
          y: { index: 1, ...expected[1] },
          z: { index: 2, id: 9, ...expected[2] },
        },
      );
    });
  });

  it('closes a batch at batchSize or after maxDelayMs, whichever comes first', () => {
    const sizes: number[] = [];
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold('abc---d-------e|', {
        a: samples[0],
        b: samples[1],
        c: samples[2],
        d: samples[3],
        e: samples[4],
      });
      const indices = source.pipe(
        predict(recording(sizes), { batchSize: 2, maxDelayMs: 3 }),
        map((item: PredictionItem) => item.index),
      );
      expectObservable(indices).toBe('-(01)2---3-----(4|)', { 0: 0, 1: 1, 2: 2, 3: 3, 4: 4 });
    });
    expect(sizes).toEqual([2, 1, 1, 1]);
  });

  it('turns a bad sample into an error item and goes on', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold('a-b-c|', {
        a: samples[0],
        b: { values: [1, 2, 3], id: 'bad' },
        c: samples[2],
      });
      expectObservable(source.pipe(predict(predictor, { batchSize: 1 }))).toBe('a-b-c|', {
        a: { index: 0, ...expected[0] },
        b: { index: 1, id: 'bad', error: 'values holds 3 numbers; the model takes 16' },
        c: { index: 2, ...expected[2] },
      });
    });
  });

  it('gives the same items on worker threads, in order, with an error mid-batch', async () => {
    const input: unknown[] = samples.slice(0, 20);
    input.splice(7, 0, { times: [300] });
    const onThreads = await lastValueFrom(
      from(input).pipe(predict(predictor, { threads: 2, batchSize: 8 }), toArray()),
    );
    const inThread = await lastValueFrom(from(input).pipe(predict(predictor), toArray()));
    expect(onThreads).toEqual(inThread);
    expect(onThreads[7]).toEqual({ index: 7, error: 'times holds 1 numbers; the model takes 16' });
    expect(onThreads[8]).toEqual({ index: 8, ...expected[7] });
  });

  it('makes its own session from a model and keeps the decisions with early exit', async () => {
    const items = await lastValueFrom(
      from(samples).pipe(predict(model, { earlyExit: true }), toArray()),
    );
    expect(
      items.map((item) =>
        'error' in item ? item.error : [item.prediction, item.decisionTime, item.fallback],
      ),
    ).toEqual(expected.map((answer) => [answer.prediction, answer.decisionTime, answer.fallback]));
    // Early exit stops at the decision: never more spikes than the full pass.
    items.forEach((item, s) =>
      expect('spikes' in item && item.spikes <= expected[s].spikes).toBe(true),
    );
  });

  it("passes the backend on to the model's session", async () => {
    await expect(
      lastValueFrom(from(samples).pipe(predict(model, { engine: 'event', backend: 'wasm' }))),
    ).rejects.toThrow("event engine: option 'backend' must be auto or left out");
  });

  it('rejects invalid batch bounds', () => {
    expect(() => predict(predictor, { batchSize: 0 })).toThrow(
      'options.batchSize must be an integer >= 1 (got 0)',
    );
    expect(() => predict(predictor, { threads: -1 })).toThrow(
      'options.threads must be an integer >= 0 (got -1)',
    );
  });
});
