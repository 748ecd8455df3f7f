import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { createEncoder } from '@s4nn/encoding';
import { makeTinyRun, removeTinyRuns, tinySamples, TINY_CATS } from '../test-support/tiny-run.js';
import { loadTestSet } from './test-set.js';

afterAll(removeTinyRuns);

describe('loadTestSet', () => {
  it("reads the run's test file, in cats order, limited and encoded as the run evaluated it", async () => {
    const run = await makeTinyRun({ epochs: 1, finish: true });
    const configFile = path.join(run.dir, 'config.json');
    const config = JSON.parse(await fs.readFile(configFile, 'utf8')) as Record<string, unknown>;
    const testSet = (await loadTestSet({ ...config, testLimit: 7 }, configFile))!;
    const { features, labels } = tinySamples(30, 2);
    expect(testSet.source).toBe(path.join(path.dirname(run.dir), 'test.arrow'));
    expect([testSet.count, testSet.width]).toEqual([7, 16]);
    expect(Array.from(testSet.labels)).toEqual(
      Array.from(labels.subarray(0, 7), (l) => TINY_CATS.indexOf(l)),
    );
    const encoder = createEncoder({ type: 'latency', tmax: 64, maxValue: 255 });
    expect(testSet.spikeTimes).toEqual(encoder.encodeMatrix(features.subarray(0, 7 * 16), 16));
    expect((await loadTestSet(config, configFile))!.count).toBe(30);
  });

  it("encodes with the model's maxValue when the config leaves it to the training data", async () => {
    const run = await makeTinyRun({ epochs: 1, finish: true });
    const configFile = path.join(run.dir, 'config.json');
    const config = JSON.parse(await fs.readFile(configFile, 'utf8')) as Record<string, unknown>;
    const settings = { type: 'latency', tmax: 64, maxValue: 300 } as const;
    const testSet = (await loadTestSet(
      { ...config, encoding: { type: 'latency' }, testLimit: 5 },
      configFile,
      settings,
    ))!;
    const { features } = tinySamples(30, 2);
    expect(testSet.spikeTimes).toEqual(
      createEncoder(settings).encodeMatrix(features.subarray(0, 5 * 16), 16),
    );
  });

  it('names the config file and the field of a bad config', async () => {
    await expect(
      loadTestSet({ data: { dataset: 'mnist' }, epochs: 0 }, 'runs/x/config.json'),
    ).rejects.toThrow(/^runs\/x\/config\.json: .*epochs must be an integer >= 1/);
    expect(await loadTestSet(undefined, 'config.json')).toBeUndefined();
  });
});
