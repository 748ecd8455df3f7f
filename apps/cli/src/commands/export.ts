import { Option, type Command } from 'commander';
import { withExamples } from '../help-examples.js';

/** The flags of `s4nn export`. */
export interface ExportOptions {
  model: string;
  format: 'npz';
  out: string;
}

/** `s4nn export --model DIR --format npz --out FILE`: a model's weights in the published NumPy layout. */
export function registerExport(program: Command): void {
  const command = program
    .command('export')
    .summary("write a model's weights as a NumPy .npz file")
    .description(
      'Writes the weights of a model directory as an .npz that np.load reads: arr_0, arr_1, ... ' +
        'one float64 [N_out, N_in] array per layer, as the published S4NN code keeps them.',
    )
    .requiredOption('--model <dir>', 'the model directory (e.g. runs/<run>/model)')
    .addOption(new Option('--format <format>', 'output format').choices(['npz']).default('npz'))
    .requiredOption('-o, --out <file>', 'the .npz file to write')
    .action(async (options: ExportOptions) =>
      (await import('./export-action.js')).exportAction(options),
    );
  withExamples(command, [
    's4nn export --model runs/mnist/model --out weights.npz',
    "python -c \"import numpy as np; W = np.load('weights.npz'); print(W['arr_0'].shape)\"",
  ]);
}
