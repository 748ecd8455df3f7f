import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { tinyModel, weightBits } from '../test-support/tiny-model.js';
import { loadModel } from './load-model.js';
import { saveModel } from './save-model.js';

let dir: string;
beforeEach(async () => {
  dir = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 's4nn-save-')), 'model');
});
afterEach(async () => {
  jest.restoreAllMocks();
  await fs.rm(path.dirname(dir), { recursive: true, force: true });
});

describe('saveModel / loadModel', () => {
  it('round-trips spec, encoder, classes, provenance and bit-identical weights', async () => {
    const model = tinyModel();
    await saveModel(dir, model);
    const loaded = await loadModel(dir);
    expect(loaded.spec).toEqual(model.spec);
    expect(loaded.encoder).toEqual(model.encoder);
    expect(loaded.classes).toEqual(model.classes);
    expect(loaded.provenance).toEqual(model.provenance);
    expect(weightBits(loaded.weights)).toEqual(weightBits(model.weights));
    expect(Object.is(loaded.weights[0][0], -0)).toBe(true);
  });

  it('round-trips a model without categories or provenance', async () => {
    const { spec, weights, encoder } = tinyModel();
    await saveModel(dir, { spec, weights, encoder, classes: { names: ['a', 'b'] } });
    const loaded = await loadModel(dir);
    expect(loaded.classes).toEqual({ names: ['a', 'b'] });
    expect('provenance' in loaded).toBe(false);
  });

  it('writes a manifest and a little-endian float64 weights file with its SHA-256', async () => {
    const model = tinyModel();
    const manifest = await saveModel(dir, model);
    const bytes = await fs.readFile(path.join(dir, manifest.weights.file));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(manifest.weights).toEqual({
      file: `weights-${sha256.slice(0, 16)}.bin`,
      dtype: 'float64-le',
      byteLength: (12 + 6) * 8,
      sha256,
      layers: [
        { shape: [3, 4], byteOffset: 0, byteLength: 96 },
        { shape: [2, 3], byteOffset: 96, byteLength: 48 },
      ],
    });
    expect(JSON.parse(await fs.readFile(path.join(dir, 'model.json'), 'utf8'))).toEqual(manifest);
    expect(manifest.format).toBe('s4nn-model');
    expect(manifest.formatVersion).toBe(1);
    // Layer 1, row 0, column 2 is value 2 of layer 1, right after layer 0's 96 bytes.
    expect(bytes.readDoubleLE(96 + 2 * 8)).toBe(model.weights[1][2]);
    expect(await fs.readdir(dir)).toEqual(['model.json', manifest.weights.file].sort());
  });

  it('replaces an existing model whole, leaving no old weights file', async () => {
    await saveModel(dir, tinyModel(1));
    await fs.writeFile(path.join(dir, 'notes.txt'), 'kept');
    const second = tinyModel(2);
    const manifest = await saveModel(dir, second);
    const loaded = await loadModel(dir);
    expect(weightBits(loaded.weights)).toEqual(weightBits(second.weights));
    expect(loaded.provenance).toEqual(second.provenance);
    expect((await fs.readdir(dir)).sort()).toEqual(
      ['model.json', 'notes.txt', manifest.weights.file].sort(),
    );
  });

  it('saves the same weights again with a new manifest', async () => {
    const model = tinyModel();
    await saveModel(dir, model);
    await saveModel(dir, { ...model, provenance: { epochs: 4 } });
    expect((await loadModel(dir)).provenance).toEqual({ epochs: 4 });
  });

  it('leaves the old model intact when the manifest rename fails mid-save', async () => {
    const old = tinyModel(1);
    const oldManifest = await saveModel(dir, old);
    const rename = fs.rename.bind(fs);
    jest.spyOn(fs, 'rename').mockImplementation(async (from, to) => {
      if (String(to).endsWith('model.json')) throw new Error('simulated crash: rename failed');
      return rename(from, to);
    });
    await expect(saveModel(dir, tinyModel(2))).rejects.toThrow('simulated crash');
    jest.restoreAllMocks();
    const loaded = await loadModel(dir);
    expect(weightBits(loaded.weights)).toEqual(weightBits(old.weights));
    expect((await fs.readdir(dir)).sort()).toEqual(['model.json', oldManifest.weights.file].sort());
  });

  it('leaves the old model intact when writing the weights fails', async () => {
    const old = tinyModel(1);
    const oldManifest = await saveModel(dir, old);
    jest
      .spyOn(fs, 'open')
      .mockRejectedValue(Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC' }));
    await expect(saveModel(dir, tinyModel(2))).rejects.toThrow('ENOSPC');
    jest.restoreAllMocks();
    expect(weightBits((await loadModel(dir)).weights)).toEqual(weightBits(old.weights));
    expect((await fs.readdir(dir)).sort()).toEqual(['model.json', oldManifest.weights.file].sort());
  });

  it('refuses weights that do not fit the spec, writing nothing', async () => {
    const model = tinyModel();
    await expect(saveModel(dir, { ...model, weights: [model.weights[0]] })).rejects.toThrow(
      /expected 2 Float64Arrays/,
    );
    await expect(
      saveModel(dir, { ...model, weights: [model.weights[0], new Float64Array(5)] }),
    ).rejects.toThrow(/weights\[1\] must be a Float64Array of 2x3 = 6 values \(got 5 values\)/);
    await expect(fs.access(dir)).rejects.toThrow();
  });

  it('refuses class names that do not match the output layer', async () => {
    const model = tinyModel();
    await expect(saveModel(dir, { ...model, classes: { names: ['only one'] } })).rejects.toThrow(
      'classes.names has 1 names; the output layer has 2 neurons',
    );
    await expect(
      saveModel(dir, { ...model, classes: { names: ['a', 'b'], categories: [3, 3] } }),
    ).rejects.toThrow('classes.categories repeats a category');
  });

  it('refuses values JSON cannot hold (NaN)', async () => {
    const model = tinyModel();
    await expect(
      saveModel(dir, { ...model, encoder: { type: 'latency', tmax: 256, maxValue: NaN } }),
    ).rejects.toThrow("The 'encoder.maxValue' field is required for a latency encoder.");
  });
});
