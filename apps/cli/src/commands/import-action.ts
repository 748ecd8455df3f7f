import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { saveModel, weightsFromNumpyFile } from '@s4nn/core';
import { withAbsolutePaths } from '@s4nn/train';
import { requireFiles } from '../files.js';
import { classesOf, encoderOf } from '../model-from-options.js';
import { resolveRunOptions } from '../resolve-run-options.js';
import type { ImportFlags } from './import.js';

/** Runs `s4nn import` (see `commands/import.ts`): NumPy weights as a model directory. */
export async function importAction(file: string, flags: ImportFlags): Promise<void> {
  requireFiles([file]);
  const options = resolveRunOptions({ ...flags, out: undefined }, { preset: 'paper-mnist' });
  const weights = weightsFromNumpyFile(await readFile(file), options.network, file);
  await saveModel(flags.out, {
    spec: options.network,
    weights,
    encoder: encoderOf(options),
    classes: classesOf(options),
    // The preset's data, absolute as a run stores it, so that `s4nn eval --model` finds it from
    // any working directory as for a trained model.
    provenance: {
      importedFrom: resolve(file),
      dataset: { source: { ...withAbsolutePaths(options).data } },
    },
  });
  process.stdout.write(`wrote model ${flags.out} from ${file}\n`);
}
