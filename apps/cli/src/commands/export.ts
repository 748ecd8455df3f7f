import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { Option, type Command } from 'commander';
import { atomicWriteFile, weightsToNpz } from '@s4nn/core';
import { withExamples } from '../help-examples.js';
import { loadModelOption } from '../model-directory.js';
import { UsageError } from '../usage-error.js';

interface ExportOptions {
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
    .action(async (options: ExportOptions) => {
      if (!existsSync(dirname(options.out))) {
        throw new UsageError(`--out ${options.out}: folder ${dirname(options.out)} does not exist`);
      }
      const model = await loadModelOption(options.model);
      await atomicWriteFile(options.out, weightsToNpz(model.weights, model.spec));
      const shapes = model.weights.map(
        (w, l) => `${model.spec.layers[l].size}x${w.length / model.spec.layers[l].size}`,
      );
      process.stdout.write(`wrote ${options.out} (${shapes.join(', ')} float64)\n`);
    });
  withExamples(command, [
    's4nn export --model runs/mnist/model --out weights.npz',
    "python -c \"import numpy as np; W = np.load('weights.npz'); print(W['arr_0'].shape)\"",
  ]);
}
