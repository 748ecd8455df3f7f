import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { numpyFixture } from '../test-support/numpy-fixtures.js';
import { ramp, tinyModel, tinySpec } from '../test-support/tiny-model.js';
import { weightsFromNpz, weightsToNpz } from './numpy-weights.js';

/** numpy is installed here and in CI; elsewhere these tests check the committed numpy files. */
const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;

function python(script: string, ...args: string[]): string {
  return execFileSync('python3', ['-c', script, ...args], { encoding: 'utf8' });
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 's4nn-numpy-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('NumPy interchange with Python', () => {
  it('np.load reads weightsToNpz output: names, float64, shapes and every value exactly', async () => {
    const { spec, weights } = tinyModel();
    const npz = weightsToNpz(weights, spec);
    if (!hasNumpy) {
      // Without numpy: a member is byte for byte what np.save wrote for the same array.
      const members = unzipSync(weightsToNpz([ramp(12), ramp(6)], tinySpec()));
      expect(members['arr_1.npy']).toEqual(numpyFixture('layer-f8.npy'));
      return;
    }
    const file = path.join(dir, 'exported.npz');
    await fs.writeFile(file, npz);
    // json.dumps writes floats with repr, the shortest text that round-trips to the same double.
    const printed = python(
      [
        'import json, sys, numpy as np',
        'with np.load(sys.argv[1]) as W:',
        '    print(json.dumps([[name, str(W[name].dtype), list(W[name].shape), W[name].ravel().tolist()] for name in W.files]))',
      ].join('\n'),
      file,
    );
    const arrays = JSON.parse(printed) as [string, string, number[], number[]][];
    expect(arrays.map(([name, dtype, shape]) => [name, dtype, shape])).toEqual([
      ['arr_0', 'float64', [3, 4]],
      ['arr_1', 'float64', [2, 3]],
    ]);
    arrays.forEach(([, , , values], layer) => {
      expect(values.map((value) => (Object.is(value, -0) ? '-0' : value))).toEqual(
        Array.from(weights[layer], (value) => (Object.is(value, -0) ? '-0' : value)),
      );
    });
  });

  it('imports what np.savez writes for random float64 and float32 weights', async () => {
    if (!hasNumpy) {
      expect(weightsFromNpz(numpyFixture('savez-f8.npz'), tinySpec())).toEqual([ramp(12), ramp(6)]);
      expect(weightsFromNpz(numpyFixture('named-f4.npz'), tinySpec())).toEqual([ramp(12), ramp(6)]);
      return;
    }
    for (const dtype of ['float64', 'float32']) {
      const file = path.join(dir, `random-${dtype}.npz`);
      const printed = python(
        [
          'import json, sys, numpy as np',
          'rng = np.random.default_rng(7)',
          `W = [rng.uniform(-5, 5, (3, 2, 2)).astype(np.${dtype}), rng.uniform(-48, 48, (2, 3, 1)).astype(np.${dtype})]`,
          'np.savez(sys.argv[1], *W)',
          'print(json.dumps([w.astype(np.float64).ravel().tolist() for w in W]))',
        ].join('\n'),
        file,
      );
      const expected = (JSON.parse(printed) as number[][]).map((values) =>
        Float64Array.from(values),
      );
      expect(weightsFromNpz(await fs.readFile(file), tinySpec(), file)).toEqual(expected);
    }
  });
});
