import { describe, expect, it } from '@jest/globals';
import type { RunEndEvent } from '@s4nn/train';
import { sampleEpoch, sampleEvaluation } from '../test-support/epoch-figures.js';
import { runSummaryText } from './run-summary-text.js';

function runEnd(bestEpoch: number, lastEpoch: number): RunEndEvent {
  return {
    type: 'run-end',
    bestEpoch,
    best: sampleEpoch(bestEpoch),
    final: sampleEpoch(lastEpoch, sampleEvaluation({ accuracy: 0.65 })),
    epochsRun: lastEpoch,
    modelPath: 'runs/a/model',
    outDir: 'runs/a',
  };
}

describe('the closing summary of a run', () => {
  it("gives the kept model's test accuracy, where everything went and the next commands", () => {
    expect(runSummaryText(runEnd(2, 2), 's4nn').split('\n')).toEqual([
      'test accuracy 70.00% on 10 samples (epoch 2)',
      '              80.00% with ties counted correct, 60.00% with the 1 fallback-decided samples counted wrong',
      'model     runs/a/model',
      'metrics   runs/a/events.ndjson (options: runs/a/config.json, checkpoints: runs/a/checkpoints)',
      'evaluate  s4nn eval --model runs/a/model',
      'serve     s4nn serve --model runs/a/model',
      'export    s4nn export --model runs/a/model --format npz --out runs/a/weights.npz',
      '',
    ]);
  });

  it('says when the model kept is not the last epoch (validation chose it)', () => {
    expect(runSummaryText(runEnd(2, 4), 'node main.js')).toMatch(
      /^test accuracy 70\.00% on 10 samples \(epoch 2, best validation accuracy; the last epoch, 4, tested 65\.00%\)$/m,
    );
  });
});
