import fs from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { readFloats } from '../io/float-bytes.js';
import { parseModelManifest } from './check-manifest.js';
import { MANIFEST_FILE, type ModelManifest } from './manifest.js';
import { ModelFileError } from './model-file-error.js';
import type { S4nnModel } from './model.js';

/**
 * Reads and checks the manifest of the model directory `dir` without reading the weights
 * (for metadata: spec, classes, provenance, checksum).
 *
 * ## Example
 * ```ts
 * const { classes, provenance } = await readModelManifest('models/mnist');
 * ```
 */
export async function readModelManifest(dir: string): Promise<ModelManifest> {
  const manifestPath = path.join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await fs.readFile(manifestPath, 'utf8');
  } catch (error) {
    throw new ModelFileError(manifestPath, `cannot read the model manifest (${describe(error)})`, {
      cause: error,
    });
  }
  return parseModelManifest(text, manifestPath);
}

/**
 * Loads a model directory written by {@link saveModel}, checking everything: the manifest's
 * syntax, format version and fields, the layout against the network spec, the weights file's
 * size and SHA-256. Model files are data only: nothing in them is evaluated or imported.
 * Throws a {@link ModelFileError} naming the file at fault.
 *
 * ## Example
 * ```ts
 * const model = await loadModel('models/mnist');
 * model.weights[0].length; // N_1 * D
 * ```
 */
export async function loadModel(dir: string): Promise<S4nnModel> {
  const manifest = await readModelManifest(dir);
  const { file, byteLength, sha256, layers } = manifest.weights;
  const weightsPath = path.join(dir, file);
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(weightsPath);
  } catch (error) {
    throw new ModelFileError(
      weightsPath,
      `cannot read the weights file named by ${MANIFEST_FILE} (${describe(error)})`,
      { cause: error },
    );
  }
  if (bytes.length !== byteLength) {
    throw new ModelFileError(
      weightsPath,
      `has ${bytes.length} bytes; ${MANIFEST_FILE} says ${byteLength} (${bytes.length < byteLength ? 'truncated' : 'wrong file'})`,
    );
  }
  const actualSha256 = createHash('sha256').update(bytes).digest('hex');
  if (actualSha256 !== sha256) {
    throw new ModelFileError(
      weightsPath,
      `checksum mismatch: SHA-256 is ${actualSha256}, ${MANIFEST_FILE} says ${sha256} (the file is corrupted)`,
    );
  }
  const weights = layers.map(({ shape, byteOffset }) =>
    readFloats(bytes, byteOffset, shape[0] * shape[1], { bytesPerValue: 8, littleEndian: true }),
  );
  const { names, categories } = manifest.classes;
  return {
    spec: manifest.spec,
    weights,
    encoder: manifest.encoder,
    classes: categories == null ? { names } : { names, categories },
    ...(manifest.provenance == null ? {} : { provenance: manifest.provenance }),
  };
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'file not found' : (error as Error).message;
}
