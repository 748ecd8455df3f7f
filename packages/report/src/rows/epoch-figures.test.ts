import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { readRunEvents } from '../run/run-events.js';
import { makeTinyRun, removeTinyRuns } from '../test-support/tiny-run.js';
import { epochFigures } from './epoch-figures.js';
import { accuracyRows, activityRows, fallbackRows } from './epoch-rows.js';

afterAll(removeTinyRuns);

describe('epochFigures and the per-epoch chart rows', () => {
  it('carry the online accuracy and test figures of each epoch of a run', async () => {
    const run = await makeTinyRun({ epochs: 3, finish: false });
    const epochs = epochFigures(await readRunEvents(path.join(run.dir, 'events.ndjson')));
    expect(epochs.map((figures) => figures.epoch)).toEqual([1, 2, 3]);
    const ends = run.events.filter((event) => event.type === 'epoch-end');
    const online = ends.map((end) => end.training.accuracy);
    expect(epochs.map((figures) => figures.onlineTrainAccuracy)).toEqual(online);
    // Online accuracy over the 60 training samples, test accuracy over the 30 test samples.
    for (const share of online) expect(share * 60).toBeCloseTo(Math.round(share * 60), 9);
    for (const figures of epochs)
      expect(figures.testAccuracy! * 30).toBeCloseTo(Math.round(figures.testAccuracy! * 30), 9);
    expect(epochs.map((figures) => figures.testAccuracy)).toEqual(
      ends.map((end) => end.test.accuracy),
    );

    const accuracy = accuracyRows(epochs);
    // No validation split in this run: three series per epoch.
    expect(accuracy).toHaveLength(9);
    expect(accuracy.slice(0, 3)).toEqual([
      { epoch: 1, series: 'online training', accuracy: online[0] },
      { epoch: 1, series: 'test (strict)', accuracy: ends[0].test.accuracy },
      {
        epoch: 1,
        series: 'test (ties counted correct)',
        accuracy: ends[0].test.accuracyTiesCounted,
      },
    ]);
    expect(activityRows(epochs).filter((row) => row.epoch === 3)).toEqual([
      { epoch: 3, measure: 'mean decision time (steps)', value: ends[2].test.meanDecisionTime },
      { epoch: 3, measure: 'spikes per sample', value: ends[2].test.meanSpikes.total },
    ]);
    expect(fallbackRows(epochs)).toEqual(
      ends.map((end, index) => ({ epoch: index + 1, fallbackShare: end.test.fallbackShare })),
    );
  });

  it('keeps the last report of an epoch reported twice (a resumed run) and orders by epoch', () => {
    const epochs = epochFigures([
      { type: 'epoch-end', epoch: 2, training: { accuracy: 0.5 }, test: { accuracy: 0.4 } },
      { type: 'run-start' },
      { type: 'epoch-end', epoch: 1, training: { accuracy: 0.3 }, validation: { accuracy: 0.2 } },
      { type: 'epoch-end', epoch: 2, training: { accuracy: 0.6 }, test: { accuracy: 0.7 } },
    ]);
    expect(epochs).toEqual([
      { epoch: 1, onlineTrainAccuracy: 0.3, validationAccuracy: 0.2 },
      { epoch: 2, onlineTrainAccuracy: 0.6, testAccuracy: 0.7 },
    ]);
    expect(accuracyRows(epochs).map((row) => row.series)).toEqual([
      'online training',
      'validation',
      'online training',
      'test (strict)',
    ]);
  });

  it('rejects an epoch-end event without an epoch number', () => {
    expect(() => epochFigures([{ type: 'epoch-end', epoch: 'one' }])).toThrow(
      "epoch-end event without an integer 'epoch'",
    );
  });
});
