import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { createForwardResult, loadModel } from '@s4nn/core';
import { evaluateTestSet } from '../run/evaluate-test-set.js';
import { readRunDirectory } from '../run/run-directory.js';
import { loadTestSet } from '../run/test-set.js';
import { makeTinyRun, tinySpec, removeTinyRuns } from '../test-support/tiny-run.js';
import { spikeRaster } from './raster-rows.js';

afterAll(removeTinyRuns);

describe('spikeRaster', () => {
  it('lists every spike before tmax per layer, input first, and the decision', () => {
    const forward = createForwardResult(tinySpec());
    forward.firingTimes[0].set([5, 64, 7, 64, 64, 9]);
    forward.firingTimes[1].set([20, 12, 64]);
    Object.assign(forward, { prediction: 1, decisionTime: 12, fallback: false });
    const input = new Uint16Array(16).fill(64);
    input[3] = 2;
    const raster = spikeRaster(input, forward, 64, ['a', 'b', 'c']);
    expect(raster.layers).toEqual([
      { name: 'input', size: 16 },
      { name: 'hidden 1', size: 6 },
      { name: 'output', size: 3 },
    ]);
    expect(raster.spikes).toEqual([
      { layer: 'input', neuron: 3, time: 2 },
      { layer: 'hidden 1', neuron: 0, time: 5 },
      { layer: 'hidden 1', neuron: 2, time: 7 },
      { layer: 'hidden 1', neuron: 5, time: 9 },
      { layer: 'output', neuron: 0, time: 20 },
      { layer: 'output', neuron: 1, time: 12 },
    ]);
    expect(raster.decision).toEqual({ time: 12, neuron: 1, className: 'b', fallback: false });
    expect(raster.classNames).toEqual(['a', 'b', 'c']);
  });

  it('of a test sample of a run: the winner fires first, at the decision time', async () => {
    const run = await makeTinyRun({ epochs: 2, finish: true });
    const model = await loadModel(path.join(run.dir, 'model'));
    const testSet = (await loadTestSet((await readRunDirectory(run.dir)).config, 'config.json'))!;
    const evaluation = await evaluateTestSet(model, testSet, { sample: 4 });
    const raster = spikeRaster(
      evaluation.sampleInput,
      evaluation.sampleForward,
      64,
      model.classes.names,
    );
    expect(raster.decision.time).toBe(evaluation.batch.decisionTimes[4]);
    expect(raster.decision.neuron).toBe(evaluation.batch.predictions[4]);
    const output = raster.spikes.filter((spike) => spike.layer === 'output');
    if (!raster.decision.fallback) {
      expect(Math.min(...output.map((spike) => spike.time))).toBe(raster.decision.time);
    }
    const inputs = raster.spikes.filter((spike) => spike.layer === 'input');
    expect(inputs.length).toBe(Array.from(evaluation.sampleInput).filter((t) => t < 64).length);
  });
});
