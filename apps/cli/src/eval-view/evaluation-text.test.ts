import { describe, expect, it } from '@jest/globals';
import { sampleEvaluation } from '../test-support/epoch-figures.js';
import { evaluationText } from './evaluation-text.js';

describe('the evaluation summary', () => {
  it('names every accuracy of spec 3, the fallback, spikes, time and the confusion matrix', () => {
    const text = evaluationText(sampleEvaluation(), {
      network: 'runs/a/model',
      shape: '4-2-2',
      engine: 'tfjs engine, wasm backend on the cpu',
      data: 'a.arrow and b.arrow, test split',
      classNames: ['cat', 'dog'],
    });
    expect(text.split('\n')).toEqual([
      'network   runs/a/model, 4-2-2, tfjs engine, wasm backend on the cpu',
      'data      a.arrow and b.arrow, test split: 10 samples',
      'accuracy  70.00% strict (earliest output spike; ties by potential, then lowest index)',
      '          80.00% with ties counted correct (the published evaluation)',
      '          60.00% with ties broken by the lowest index',
      '          60.00% with fallback-decided samples counted wrong',
      'fallback  1 samples without an output spike (10.00%), decided by argmax V(tmax - 3)',
      'decision  mean time 42.25',
      'spikes    14.0 per sample (per layer: 12.5, 1.5)',
      'time      0.5 s (20 samples/s)',
      'confusion rows: label, columns: prediction',
      '       cat dog',
      '  cat    4   1',
      '  dog    2   3',
      '',
    ]);
  });
});
