import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { paperMnistSpec } from '@s4nn/core';
import type { RunStartEvent, TrainEvent } from '@s4nn/train';
import { terminalView } from './terminal-view.js';

let written: string;
beforeEach(() => {
  written = '';
  jest.spyOn(process.stdout, 'write').mockImplementation((text: string | Uint8Array) => {
    written += String(text);
    return true;
  });
});
afterEach(() => {
  jest.restoreAllMocks();
});

const runStart = {
  type: 'run-start',
  spec: paperMnistSpec(),
  dataset: {
    source: { dataset: 'mnist' },
    shape: [28, 28],
    classNames: [],
    train: 100,
    validation: 0,
    test: 20,
  },
  engine: 'tfjs',
  engineInfo: { engine: 'tfjs', backend: 'wasm', device: 'cpu' },
  outDir: 'runs/a',
  firstEpoch: 1,
} as unknown as RunStartEvent;

describe('the terminal view of a run', () => {
  it('names the engine and backend the run is on', () => {
    terminalView('s4nn').show(runStart);
    expect(written.split('\n')[0]).toBe(
      'training 784-400-10 (tfjs engine, wasm backend on the cpu) on the bundled MNIST: 100 training, 0 validation, 20 test samples',
    );
  });

  it('says whether the CSV data came from the cache', () => {
    const cached = (trainHit: boolean) =>
      ({
        ...runStart,
        dataset: {
          ...runStart.dataset,
          cache: {
            train: { path: 'c/a.arrow', hit: trainHit },
            test: { path: 'c/b.arrow', hit: true },
          },
        },
      }) as RunStartEvent;
    terminalView('s4nn').show(cached(true));
    terminalView('s4nn').show(cached(false));
    expect(written.split('\n').filter((line) => line.startsWith('training'))).toEqual([
      expect.stringMatching(/20 test samples \(CSV data read from the cache\)$/),
      expect.stringMatching(/20 test samples \(CSV data parsed and cached\)$/),
    ]);
  });

  it('says where a run stopped by SIGINT left its checkpoint', () => {
    const stopped: TrainEvent = {
      type: 'stopped',
      epoch: 2,
      samplesDone: 320,
      checkpoint: 'runs/a/checkpoints/epoch-2-at-320',
    };
    terminalView('s4nn').show(stopped);
    expect(written).toBe(
      'stopped in epoch 2 after 320 samples; checkpoint runs/a/checkpoints/epoch-2-at-320\n',
    );
  });
});
