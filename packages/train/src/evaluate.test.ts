import { describe, expect, it } from '@jest/globals';
import { evaluate, evaluationFigures } from './evaluate.js';
import { handNetwork, handSamples } from './test-support/hand-network.js';

const samples = {
  count: 4,
  width: 2,
  inputs: Uint16Array.from(handSamples.times.flat()),
  labels: Int32Array.from(handSamples.labels),
};

describe('evaluate', () => {
  it('reports the figures of spec 3 and 6 as worked out by hand', async () => {
    const report = await evaluate(handNetwork(), samples, { engine: 'event' });
    const { seconds, ...figures } = evaluationFigures(report);
    expect(seconds).toBeGreaterThanOrEqual(0);
    expect(figures).toEqual({
      samples: 4,
      accuracy: 3 / 4, // samples 0, 2, 3
      accuracyTiesCounted: 3 / 4, // samples 0, 2 (label's neuron at the minimum), 3 (fallback)
      accuracyLowestIndex: 2 / 4, // the tie of sample 2 goes to neuron 0
      accuracyNoFallback: 2 / 4, // sample 3 was decided by the fallback
      fallbackDecided: 1,
      fallbackShare: 1 / 4,
      meanDecisionTime: (3 + 5 + 4 + 8) / 4,
      meanSpikes: { perLayer: [(1 + 1 + 2 + 1) / 4, (1 + 1 + 2 + 0) / 4], total: 9 / 4 },
      confusion: [
        [2, 1],
        [0, 1],
      ],
    });
  });

  it('keeps the per-sample results for prediction files', async () => {
    const report = await evaluate(handNetwork(), samples, { engine: 'event' });
    expect(Array.from(report.perSample.predictions)).toEqual([0, 1, 1, 0]);
    expect(Array.from(report.perSample.decisionTimes)).toEqual([3, 5, 4, 8]);
    expect(Array.from(report.perSample.outputTimes)).toEqual([3, 8, 8, 5, 4, 4, 8, 8]);
    expect(Array.from(report.labels)).toEqual(handSamples.labels);
  });

  it('evaluates the first `limit` samples only', async () => {
    const report = await evaluate(handNetwork(), samples, { engine: 'event', limit: 2 });
    expect(report.samples).toBe(2);
    expect(report.accuracy).toBe(1 / 2);
    expect(report.confusion).toEqual([
      [1, 1],
      [0, 0],
    ]);
  });

  it('gives the same figures on worker threads', async () => {
    const single = evaluationFigures(await evaluate(handNetwork(), samples, { engine: 'event' }));
    const threaded = evaluationFigures(
      await evaluate(handNetwork(), samples, { engine: 'event', threads: 2 }),
    );
    expect({ ...threaded, seconds: 0 }).toEqual({ ...single, seconds: 0 });
  });

  it('rejects a limit that is not a positive integer, naming it', async () => {
    await expect(evaluate(handNetwork(), samples, { limit: 0 })).rejects.toThrow(
      'limit must be an integer >= 1 (got 0)',
    );
  });
});
