import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { atomicWriteFile, weightsToNpz } from '@s4nn/core';
import { loadModelOption } from '../model-directory.js';
import { UsageError } from '../usage-error.js';
import type { ExportOptions } from './export.js';

/** Runs `s4nn export` (see `commands/export.ts`): the model's weights as an .npz. */
export async function exportAction(options: ExportOptions): Promise<void> {
  if (!existsSync(dirname(options.out))) {
    throw new UsageError(`--out ${options.out}: folder ${dirname(options.out)} does not exist`);
  }
  const model = await loadModelOption(options.model);
  await atomicWriteFile(options.out, weightsToNpz(model.weights, model.spec));
  const shapes = model.weights.map(
    (w, l) => `${model.spec.layers[l].size}x${w.length / model.spec.layers[l].size}`,
  );
  process.stdout.write(`wrote ${options.out} (${shapes.join(', ')} float64)\n`);
}
