import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { saveModel, weightsFromNumpyFile } from '@s4nn/core';
import { requireFiles } from '../files.js';
import { withExamples } from '../help-examples.js';
import { classesOf, encoderOf } from '../model-from-options.js';
import { resolveRunOptions } from '../resolve-run-options.js';
import { addSpecOptions, type RunFlags } from '../run-flags.js';

/** `s4nn import FILE.npz --preset NAME --out DIR`: NumPy weights in the published layout as a model directory. */
export function registerImport(program: Command): void {
  const command = program
    .command('import')
    .summary('make a model directory from NumPy weights')
    .description(
      'Reads weights laid out as the published S4NN code keeps them (.npz: arr_0, arr_1, ... or ' +
        'w0, w1, ..., one [N_out, ...inputs] float64 or float32 array per layer; .npy for one ' +
        'layer) and writes a model directory with the spec, input code and classes of --preset ' +
        '(default paper-mnist), --config and the spec flags.',
    )
    .argument('<file>', 'the .npz (or .npy) weights file')
    .requiredOption('-o, --out <dir>', 'the model directory to write');
  addSpecOptions(command).action(async (file: string, flags: RunFlags & { out: string }) => {
    requireFiles([file]);
    const options = resolveRunOptions({ ...flags, out: undefined }, { preset: 'paper-mnist' });
    const weights = weightsFromNumpyFile(await readFile(file), options.network, file);
    await saveModel(flags.out, {
      spec: options.network,
      weights,
      encoder: encoderOf(options),
      classes: classesOf(options),
      // The preset's data, so that `s4nn eval --model` finds it as for a trained model.
      provenance: { importedFrom: resolve(file), dataset: { source: { ...options.data } } },
    });
    process.stdout.write(`wrote model ${flags.out} from ${file}\n`);
  });
  withExamples(command, [
    's4nn import W.npz --preset paper-mnist --out models/published',
    's4nn import W.npz --preset notebook --thresholds 50,100,100 --out models/notebook',
    's4nn eval --model models/published',
  ]);
}
