import fs from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { atomicWriteFile } from '../io/atomic-write-file.js';
import { writeFloat64LE } from '../io/float-bytes.js';
import { checkModelManifest } from './check-manifest.js';
import { buildManifest, MANIFEST_FILE, type ModelManifest } from './manifest.js';
import type { S4nnModel } from './model.js';
import { validateWeights } from '../network/validate-weights.js';

/** Weights files this module writes: named by their checksum, so a new one never overwrites the old. */
const WEIGHTS_FILE_PATTERN = /^weights-[0-9a-f]{16}\.bin$/;

/**
 * Saves `model` as a model directory: `model.json` (the manifest) and `weights-<sha>.bin`
 * (little-endian float64 matrices back to back). The directory is created if needed.
 *
 * Crash-safe: the weights file is named after its SHA-256, so it never replaces the file the
 * current manifest names; both files are written to temporary names and renamed, the manifest
 * last. Until that rename the directory holds the old model, after it the new one, whole. The
 * old weights file is then removed.
 *
 * The model is checked as {@link loadModel} would check it, so what saves also loads.
 *
 * ## Example
 * ```ts
 * await saveModel('models/mnist', {
 *   spec, weights, encoder: { type: 'latency', tmax: 256, maxValue: 255 },
 *   classes: { names: ['4', '1', '0'], categories: [4, 1, 0] },
 *   provenance: { seed: 1, epochs: 3, dataset: 'mnist' },
 * });
 * ```
 *
 * @return The manifest written.
 */
export async function saveModel(dir: string, model: S4nnModel): Promise<ModelManifest> {
  const manifestPath = path.join(dir, MANIFEST_FILE);
  validateWeights(model.spec, model.weights);
  const bytes = weightsToBytes(model);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const weightsFile = `weights-${sha256.slice(0, 16)}.bin`;
  const manifest = buildManifest(model, weightsFile, sha256);
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  // The JSON text is checked, not the object: values JSON cannot hold (NaN, undefined) fail here.
  checkModelManifest(JSON.parse(manifestText), manifestPath);

  await fs.mkdir(dir, { recursive: true });
  const weightsPath = path.join(dir, weightsFile);
  const weightsFileExisted = await fileExists(weightsPath);
  await atomicWriteFile(weightsPath, bytes);
  try {
    await atomicWriteFile(manifestPath, manifestText);
  } catch (error) {
    if (!weightsFileExisted) await fs.rm(weightsPath, { force: true });
    throw error;
  }
  await removeOtherWeightsFiles(dir, weightsFile);
  return manifest;
}

function weightsToBytes(model: S4nnModel): Uint8Array {
  const total = model.weights.reduce((sum, layer) => sum + layer.length * 8, 0);
  const bytes = new Uint8Array(total);
  let byteOffset = 0;
  for (const layer of model.weights) {
    writeFloat64LE(bytes, byteOffset, layer);
    byteOffset += layer.length * 8;
  }
  return bytes;
}

async function fileExists(filePath: string): Promise<boolean> {
  try {
    await fs.access(filePath);
    return true;
  } catch {
    return false;
  }
}

/** Removes the weights files of models this directory held before; other files stay. */
async function removeOtherWeightsFiles(dir: string, keep: string): Promise<void> {
  for (const name of await fs.readdir(dir)) {
    if (name !== keep && WEIGHTS_FILE_PATTERN.test(name)) {
      await fs.rm(path.join(dir, name), { force: true });
    }
  }
}
