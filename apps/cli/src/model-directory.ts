import { statSync } from 'node:fs';
import { join } from 'node:path';
import { loadModel, MANIFEST_FILE, type S4nnModel } from '@s4nn/core';
import { UsageError } from './usage-error.js';

/** Throws a {@link UsageError} unless `dir` (the value of `flag`) is a model directory. */
export function requireModelDirectory(dir: string, flag: string): void {
  const stats = statSync(dir, { throwIfNoEntry: false });
  if (stats === undefined) throw new UsageError(`${flag} ${dir}: model directory not found`);
  if (!stats.isDirectory()) throw new UsageError(`${flag} ${dir}: not a directory`);
  if (statSync(join(dir, MANIFEST_FILE), { throwIfNoEntry: false }) === undefined) {
    throw new UsageError(`${flag} ${dir}: not a model directory (no ${MANIFEST_FILE})`);
  }
}

/** Loads the model directory given to `--model` (checked by {@link requireModelDirectory}). */
export async function loadModelOption(dir: string): Promise<S4nnModel> {
  requireModelDirectory(dir, '--model');
  return loadModel(dir);
}
