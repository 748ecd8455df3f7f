import type { Command } from 'commander';
import { withExamples } from '../help-examples.js';
import { addSpecOptions, type RunFlags } from '../run-flags.js';

/** The flags of `s4nn import`. */
export type ImportFlags = RunFlags & { out: string };

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
  addSpecOptions(command).action(async (file: string, flags: ImportFlags) =>
    (await import('./import-action.js')).importAction(file, flags),
  );
  withExamples(command, [
    's4nn import W.npz --preset paper-mnist --out models/published',
    's4nn import W.npz --preset notebook --thresholds 50,100,100 --out models/notebook',
    's4nn eval --model models/published',
  ]);
}
