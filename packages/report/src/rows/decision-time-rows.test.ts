import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { loadModel } from '@s4nn/core';
import { readRunDirectory } from '../run/run-directory.js';
import { evaluateTestSet } from '../run/evaluate-test-set.js';
import { loadTestSet } from '../run/test-set.js';
import { decideEach } from '../test-support/decide-each.js';
import { makeTinyRun, removeTinyRuns } from '../test-support/tiny-run.js';
import { epochFigures } from './epoch-figures.js';
import { decisionTimeHistogram, decisionTradeOff } from './decision-time-rows.js';

afterAll(removeTinyRuns);

describe('decisionTimeHistogram and decisionTradeOff', () => {
  const decisions = { count: 5, predictions: [0, 1, 1, 2, 0], decisionTimes: [1, 3, 4, 9, 16] };
  const labels = [0, 1, 0, 2, 1];

  it('bin decision times over 0..tmax with the accuracy within each bin', () => {
    expect(decisionTimeHistogram(decisions, labels, 16, 4)).toEqual([
      { binStart: 0, binEnd: 4, count: 2, correct: 2, accuracy: 1 },
      { binStart: 4, binEnd: 8, count: 1, correct: 0, accuracy: 0 },
      { binStart: 8, binEnd: 12, count: 1, correct: 1, accuracy: 1 },
      { binStart: 12, binEnd: 16, count: 0, correct: 0, accuracy: 0 },
      { binStart: 16, binEnd: 17, count: 1, correct: 0, accuracy: 0 },
    ]);
  });

  it('accumulate the decided and correctly decided shares by deadline', () => {
    expect(decisionTradeOff(decisions, labels, 16, 4)).toEqual([
      { time: 4, decidedShare: 0.4, correctShare: 0.4 },
      { time: 8, decidedShare: 0.6, correctShare: 0.4 },
      { time: 12, decidedShare: 0.8, correctShare: 0.6 },
      { time: 16, decidedShare: 0.8, correctShare: 0.6 },
      { time: 17, decidedShare: 1, correctShare: 0.6 },
    ]);
  });

  it('reject labels of another length and a bad bin width', () => {
    expect(() => decisionTimeHistogram(decisions, [0], 16, 4)).toThrow('1 labels for 5 samples');
    expect(() => decisionTimeHistogram(decisions, labels, 16, 0)).toThrow(
      'binWidth must be an integer >= 1',
    );
  });

  it("agree with a run's own test figures and with per-sample forward passes", async () => {
    const run = await makeTinyRun({ epochs: 2, finish: true });
    const read = await readRunDirectory(run.dir);
    const model = await loadModel(path.join(run.dir, 'model'));
    const testSet = (await loadTestSet(read.config, 'config.json'))!;
    const { batch } = await evaluateTestSet(model, testSet);
    const each = await decideEach(model, testSet);
    const bins = decisionTimeHistogram(batch, testSet.labels, 64, 2);
    expect(bins).toHaveLength(33);
    bins.forEach((bin) => {
      const inBin = each.decisionTimes
        .map((time, s) => ({ time, correct: each.predictions[s] === testSet.labels[s] }))
        .filter(({ time }) => time >= bin.binStart && time < bin.binEnd);
      expect([bin.count, bin.correct]).toEqual([
        inBin.length,
        inBin.filter((d) => d.correct).length,
      ]);
    });
    const last = epochFigures(read.events).at(-1)!;
    const tradeOff = decisionTradeOff(batch, testSet.labels, 64, 2);
    expect(tradeOff.at(-1)).toEqual({ time: 65, decidedShare: 1, correctShare: last.testAccuracy });
    const meanTime = bins.reduce((sum, bin) => sum + bin.count * bin.binStart, 0) / testSet.count;
    expect(meanTime).toBeLessThanOrEqual(last.meanDecisionTime!);
    expect(meanTime).toBeGreaterThan(last.meanDecisionTime! - 2);
  });
});
