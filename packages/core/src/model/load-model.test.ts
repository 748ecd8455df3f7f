import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { tinyModel, weightBits } from '../test-support/tiny-model.js';
import { loadModel, readModelManifest } from './load-model.js';
import type { ModelManifest } from './manifest.js';
import { ModelFileError } from './model-file-error.js';
import { saveModel } from './save-model.js';

let dir: string;
let manifestPath: string;
let weightsPath: string;
let manifest: ModelManifest;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 's4nn-load-'));
  manifest = await saveModel(dir, tinyModel());
  manifestPath = path.join(dir, 'model.json');
  weightsPath = path.join(dir, manifest.weights.file);
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Rewrites model.json after `edit` changed a parsed copy of it. */
async function editManifest(edit: (manifest: ModelManifest) => void): Promise<void> {
  const value = JSON.parse(await fs.readFile(manifestPath, 'utf8')) as ModelManifest;
  edit(value);
  await fs.writeFile(manifestPath, JSON.stringify(value));
}

describe('loadModel error paths', () => {
  it('names the weights file and both sizes when it is truncated', async () => {
    const bytes = await fs.readFile(weightsPath);
    await fs.writeFile(weightsPath, bytes.subarray(0, bytes.length - 8));
    await expect(loadModel(dir)).rejects.toThrow(
      `${weightsPath}: has 136 bytes; model.json says 144 (truncated)`,
    );
  });

  it('reports a checksum mismatch when one byte is corrupted', async () => {
    const bytes = await fs.readFile(weightsPath);
    bytes[100] ^= 0x01;
    await fs.writeFile(weightsPath, bytes);
    const error = await loadModel(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ModelFileError);
    expect((error as ModelFileError).file).toBe(weightsPath);
    expect((error as Error).message).toMatch(
      new RegExp(
        `checksum mismatch: SHA-256 is [0-9a-f]{64}, model.json says ${manifest.weights.sha256}`,
      ),
    );
  });

  it('says which format version this s4nn reads when the file is newer', async () => {
    await editManifest((value) => {
      value.formatVersion = 2;
    });
    await expect(loadModel(dir)).rejects.toThrow(
      `${manifestPath}: formatVersion 2 is newer than this s4nn reads (formatVersion 1); upgrade s4nn to load this model`,
    );
  });

  it('names the manifest file when its JSON is malformed', async () => {
    await fs.writeFile(manifestPath, '{ "format": "s4nn-model", ');
    await expect(loadModel(dir)).rejects.toThrow(
      new RegExp(`^${escape(manifestPath)}: not valid JSON \\(`),
    );
  });

  it('names a missing manifest and a missing weights file', async () => {
    await fs.rm(weightsPath);
    await expect(loadModel(dir)).rejects.toThrow(
      `${weightsPath}: cannot read the weights file named by model.json (file not found)`,
    );
    await expect(loadModel(path.join(dir, 'nowhere'))).rejects.toThrow(
      `${path.join(dir, 'nowhere', 'model.json')}: cannot read the model manifest (file not found)`,
    );
  });

  it.each([
    ['weights.sha256', (value: ModelManifest) => Reflect.deleteProperty(value.weights, 'sha256')],
    ['classes', (value: ModelManifest) => Reflect.deleteProperty(value, 'classes')],
    ['encoder.tmax', (value: ModelManifest) => Reflect.deleteProperty(value.encoder, 'tmax')],
    [
      'weights.layers[1].byteOffset',
      (value: ModelManifest) => Reflect.deleteProperty(value.weights.layers[1], 'byteOffset'),
    ],
  ])('names the missing field %s', async (field, edit) => {
    await editManifest(edit);
    await expect(loadModel(dir)).rejects.toThrow(`The '${field}' field is required.`);
  });

  it('refuses a manifest of another format', async () => {
    await editManifest((value) => {
      (value as { format: string }).format = 'keras';
    });
    await expect(loadModel(dir)).rejects.toThrow(
      `not an s4nn model manifest: field 'format' is "keras", expected 's4nn-model'`,
    );
  });

  it('forwards the spec validator, naming the spec field', async () => {
    await editManifest((value) => {
      (value.spec.layers[0] as unknown as { threshold: string }).threshold = 'high';
    });
    await expect(loadModel(dir)).rejects.toThrow(
      /field 'spec': invalid network spec: layers\[0\]\.threshold/,
    );
  });

  it('checks the weights layout against the spec', async () => {
    await editManifest((value) => {
      value.weights.layers[1].shape = [3, 2];
    });
    await expect(loadModel(dir)).rejects.toThrow(
      'weights.layers[1].shape is 3x2; the spec needs 2x3',
    );
    await editManifest((value) => {
      value.weights.layers[1].shape = [2, 3];
      value.spec.layers[1].size = 4;
      value.classes = { names: ['a', 'b', 'c', 'd'] };
    });
    await expect(loadModel(dir)).rejects.toThrow(
      'weights.layers[1].shape is 2x3; the spec needs 4x3',
    );
    await editManifest((value) => {
      value.spec.layers[1].size = 2;
      value.classes = { names: ['a', 'b'] };
      value.weights.layers[1].byteLength = 40;
    });
    await expect(loadModel(dir)).rejects.toThrow(
      'weights.layers[1].byteLength is 40; 2x3 float64 take 48',
    );
  });

  it('refuses a weights file name that leaves the model directory', async () => {
    await editManifest((value) => {
      value.weights.file = '../elsewhere.bin';
    });
    await expect(loadModel(dir)).rejects.toThrow(
      /'weights\.file' field fails to match the required pattern/,
    );
  });

  it('refuses an encoder whose tmax differs from the spec', async () => {
    await editManifest((value) => {
      value.encoder.tmax = 100;
    });
    await expect(loadModel(dir)).rejects.toThrow('encoder.tmax 100 differs from spec.tmax 256');
  });

  it('reads the manifest alone without the weights', async () => {
    await fs.rm(weightsPath);
    expect(await readModelManifest(dir)).toEqual(manifest);
  });

  it('still loads the untouched model (the edits above are what fails)', async () => {
    expect(weightBits((await loadModel(dir)).weights)).toEqual(weightBits(tinyModel().weights));
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
