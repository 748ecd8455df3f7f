import { describe, it, expect } from '@jest/globals';
import { createSession } from '../registry.js';
import { summariseBatch } from '../summarise-batch.js';
import { createBatchResult, createTrainStepResult, type BatchResult } from '../results.js';
import { initWeights } from '../../network/init-weights.js';
import { createRng } from '../../random/rng.js';
import { loadForwardFixture } from '../../test-support/golden-fixtures.js';
import './register-event-engine.js';

function plain(batch: BatchResult): Record<string, number[] | number> {
  return Object.fromEntries(
    Object.entries(batch).map(([key, value]) => [
      key,
      typeof value === 'number' ? value : Array.from(value as ArrayLike<number>),
    ]),
  );
}

describe('event engine batches on worker threads', () => {
  it('gives results identical to the calling thread, full and early exit, before and after training', async () => {
    const fixture = loadForwardFixture();
    const inputs = Uint16Array.from(fixture.samples.flatMap((sample) => sample.input_times));
    const labels = fixture.samples.map((sample) => sample.label);
    const session = await createSession({
      spec: fixture.spec,
      weights: fixture.weights.map((w) => w.slice()),
    });
    try {
      for (let round = 0; round < 2; round++) {
        for (const earlyExit of [false, true]) {
          const inline = await session.forwardBatch(inputs, { earlyExit });
          expect(inline.predictions.buffer).toBeInstanceOf(ArrayBuffer);
          const threaded = await session.forwardBatch(inputs, { earlyExit, threads: 2 });
          expect(threaded.predictions.buffer).toBeInstanceOf(SharedArrayBuffer);
          expect(plain(threaded)).toEqual(plain(inline));
          // A caller-owned result on ordinary memory is filled too.
          const own = createBatchResult(fixture.spec, labels.length);
          await session.forwardBatch(inputs, { earlyExit, threads: 3, out: own });
          expect(plain(own)).toEqual(plain(inline));
        }
        // Train a few steps so the worker threads must see updated (and decay-scaled) weights.
        const step = createTrainStepResult(fixture.spec);
        fixture.samples
          .slice(0, 5)
          .forEach((sample) =>
            session.trainStep(Uint16Array.from(sample.input_times), sample.label, step),
          );
      }
      const evaluation = await session.evaluate(inputs, labels, { threads: 2 });
      expect(evaluation.summary.count).toBe(labels.length);
    } finally {
      await session.dispose();
    }
  });

  it('keeps overlapping batches on the same threads apart (each equals its single-thread result)', async () => {
    const fixture = loadForwardFixture();
    const width = fixture.samples[0].input_times.length;
    const all = Uint16Array.from(fixture.samples.flatMap((sample) => sample.input_times));
    const labels = fixture.samples.map((sample) => sample.label);
    // Different samples, orders and lengths per call, so a result filled by another call's
    // job (or not filled yet) cannot pass for its own.
    const batches = [0, 7, 19, 31, 44].map((first) => {
      const samples = fixture.samples.length - first;
      const inputs = new Uint16Array(samples * width);
      for (let s = 0; s < samples; s++) {
        const source = (first + s * 3) % fixture.samples.length;
        inputs.set(all.subarray(source * width, (source + 1) * width), s * width);
      }
      return inputs;
    });
    const session = await createSession({ spec: fixture.spec, weights: fixture.weights });
    try {
      const inline = await Promise.all(
        batches.map((inputs, i) => session.forwardBatch(inputs, { earlyExit: i % 2 === 1 })),
      );
      // All calls are posted before any worker answers: every worker holds five jobs at once.
      const threaded = await Promise.all(
        batches.map((inputs, i) =>
          session.forwardBatch(inputs, { earlyExit: i % 2 === 1, threads: 2 }),
        ),
      );
      threaded.forEach((result, i) => expect(plain(result)).toEqual(plain(inline[i])));
      const [evaluation, overlapping] = await Promise.all([
        session.evaluate(all, labels, { threads: 2 }),
        session.forwardBatch(batches[2], { threads: 2 }),
      ]);
      expect(evaluation.summary).toEqual(
        (await session.evaluate(all, labels, { threads: 0 })).summary,
      );
      expect(plain(overlapping)).toEqual(plain(inline[2]));
    } finally {
      await session.dispose();
    }
  });

  it('summarises the fixture as the published evaluation does (ties counted correct)', async () => {
    const fixture = loadForwardFixture();
    const inputs = Uint16Array.from(fixture.samples.flatMap((sample) => sample.input_times));
    const labels = fixture.samples.map((sample) => sample.label);
    const session = await createSession({ spec: fixture.spec, weights: fixture.weights });
    const { summary, batch } = await session.evaluate(inputs, labels, { threads: 2 });
    const tiesCountedCorrect = new Uint8Array(labels.length);
    expect(summariseBatch(batch, labels, tiesCountedCorrect)).toEqual(summary);
    expect(Array.from(tiesCountedCorrect)).toEqual(
      fixture.samples.map((s) => (s.published_correct ? 1 : 0)),
    );
    await session.dispose();
    const count = (predicate: (s: (typeof fixture.samples)[number]) => boolean) =>
      fixture.samples.filter(predicate).length;
    expect(summary.correctTiesCounted).toBe(count((s) => s.published_correct));
    expect(summary.correct).toBe(count((s) => s.decision_margin === s.label));
    expect(summary.correctLowestIndex).toBe(count((s) => s.decision === s.label));
    expect(summary.fallbackCount).toBe(19);
    expect(summary.fallbackCorrect).toBe(count((s) => s.no_output_spike && s.decision === s.label));
    expect(summary.meanDecisionTime).toBeCloseTo(
      fixture.samples.reduce((sum, s) => sum + s.min_output_time, 0) / 50,
      12,
    );
  });

  it('rejects a batch whose length is not a whole number of samples, naming the argument', async () => {
    const spec = loadForwardFixture().spec;
    const session = await createSession({ spec, weights: initWeights(spec, createRng(1)) });
    await expect(session.forwardBatch(new Uint16Array(785))).rejects.toThrow(
      "forwardBatch: argument 'inputs' must be a Uint16Array of n x 784 spike times (got 785 values)",
    );
    await session.dispose();
    expect(() => session.forward(new Uint16Array(784), {} as never)).toThrow('disposed');
  });
});
