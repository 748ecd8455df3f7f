import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { loadModel } from '@s4nn/core';
import { evaluateTestSet } from '../run/evaluate-test-set.js';
import { readRunDirectory } from '../run/run-directory.js';
import { loadTestSet } from '../run/test-set.js';
import { makeTinyRun, TINY_CLASS_NAMES, removeTinyRuns } from '../test-support/tiny-run.js';
import { epochFigures } from './epoch-figures.js';
import { confusionRows } from './confusion-rows.js';

afterAll(removeTinyRuns);

describe('confusionRows', () => {
  it('counts label x prediction cells, named, with the share of each label', () => {
    expect(confusionRows([0, 1, 1], [0, 1, 0], ['cat', 'dog'])).toEqual([
      { label: 'cat', predicted: 'cat', count: 1, shareOfLabel: 0.5 },
      { label: 'cat', predicted: 'dog', count: 1, shareOfLabel: 0.5 },
      { label: 'dog', predicted: 'cat', count: 0, shareOfLabel: 0 },
      { label: 'dog', predicted: 'dog', count: 1, shareOfLabel: 1 },
    ]);
  });

  it('rejects classes outside the names and arrays of different lengths', () => {
    expect(() => confusionRows([0, 2], [0, 1], ['a', 'b'])).toThrow(
      'sample 1 has label 1 and prediction 2; expected 0..1',
    );
    expect(() => confusionRows([0], [0, 1], ['a', 'b'])).toThrow('1 predictions for 2 labels');
  });

  it("of a run's final model: its diagonal is the strict test accuracy, its rows the class sizes", async () => {
    const run = await makeTinyRun({ epochs: 2, finish: true });
    const read = await readRunDirectory(run.dir);
    const model = await loadModel(path.join(run.dir, 'model'));
    const testSet = (await loadTestSet(read.config, 'config.json'))!;
    const { batch } = await evaluateTestSet(model, testSet);
    const rows = confusionRows(batch.predictions, testSet.labels, model.classes.names);
    expect(rows).toHaveLength(9);
    expect(rows.slice(0, 3).map((row) => [row.label, row.predicted])).toEqual(
      TINY_CLASS_NAMES.map((name) => [TINY_CLASS_NAMES[0], name]),
    );
    const diagonal = rows
      .filter((row) => row.label === row.predicted)
      .reduce((sum, row) => sum + row.count, 0);
    expect(diagonal / 30).toBe(epochFigures(read.events).at(-1)!.testAccuracy);
    for (const name of TINY_CLASS_NAMES) {
      // The task alternates the three source labels: ten test samples each.
      expect(
        rows.filter((row) => row.label === name).reduce((sum, row) => sum + row.count, 0),
      ).toBe(10);
    }
  });
});
