import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledMnist, writeArrow, writeParquet } from '@s4nn/data';
import { firstSamples } from '@s4nn/train';
import { requireBuiltCli, runS4nn } from '../test-support/run-s4nn.js';

let dir: string;
let train: string;
let test: string;

beforeAll(async () => {
  requireBuiltCli();
  dir = mkdtempSync(join(tmpdir(), 's4nn-cli-config-'));
  train = join(dir, 'train.arrow');
  test = join(dir, 'test.parquet');
  await writeArrow(firstSamples(await bundledMnist('train'), 200), train);
  await writeParquet(firstSamples(await bundledMnist('test'), 40), test);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('s4nn train with --config and Arrow/Parquet files', () => {
  it('takes flags over the config file over the preset, and reads --train/--test files', () => {
    const config = join(dir, 'run.json');
    writeFileSync(
      config,
      JSON.stringify({ epochs: 3, seed: 9, data: { train, test }, network: { tmax: 200 } }),
    );
    const out = join(dir, 'run');
    const run = runS4nn([
      'train',
      '--preset',
      'paper-mnist',
      '--config',
      config,
      '--epochs',
      '1',
      '--thresholds',
      '90,100',
      '--out',
      out,
    ]);
    expect(run.status).toBe(0);

    const resolved = JSON.parse(readFileSync(join(out, 'config.json'), 'utf8'));
    expect(resolved).toMatchObject({
      epochs: 1, // the flag
      seed: 9, // the config file
      data: { train, test }, // the config file
      cats: [4, 1, 0, 7, 9, 2, 3, 5, 8, 6], // the preset
    });
    expect(resolved.network.tmax).toBe(200);
    expect(
      resolved.network.layers.map((layer: { threshold: number; size: number }) => [
        layer.size,
        layer.threshold,
      ]),
    ).toEqual([
      [400, 90],
      [10, 100],
    ]);
    const events = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(events[0].dataset).toMatchObject({ train: 200, test: 40 });
    expect(events.filter((event) => event.type === 'epoch-end')).toHaveLength(1);
  });
});
