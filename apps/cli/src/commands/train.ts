import type { Command } from 'commander';
import { withExamples } from '../help-examples.js';
import { addDataOptions, addEngineOptions, addSpecOptions, addTrainOptions } from '../run-flags.js';
import type { TrainCommandFlags } from './train-action.js';

/** `s4nn train`: a training run (by default `paper-mnist` on the bundled MNIST) with progress. */
export function registerTrain(program: Command): void {
  const command = program
    .command('train')
    .summary('train a network (default: the paper network on MNIST)')
    // 4096 is @s4nn/train's SYNC_SAMPLES, not imported: registering commands loads no package.
    .description(
      'Trains an S4NN network and writes a run directory: config.json (the resolved options), ' +
        'events.ndjson (every event), checkpoints/ and model/ (the best epoch). On a terminal it ' +
        'shows a progress bar and a table row per epoch; with --json or when piped it prints one ' +
        'JSON object per event per line. Ctrl-C stops within 4096 samples (at the next point where ' +
        'the weights are exactly what a checkpoint saves), writes a checkpoint of where the run ' +
        'stands (even part-way through an epoch) and exits 130; --resume continues from it to ' +
        'the weights of a run never interrupted, bit for bit.',
    );
  addSpecOptions(command);
  addDataOptions(command);
  addTrainOptions(command);
  addEngineOptions(command)
    .option('--json', 'one JSON object per event per line on stdout, even on a terminal')
    .option('--report', 'at the end, write the HTML report of the run (as `s4nn report` does)')
    .action(async (flags: TrainCommandFlags) =>
      (await import('./train-action.js')).trainAction(flags),
    );
  withExamples(command, [
    's4nn train --epochs 1 --train-limit 10000',
    's4nn train --preset paper-mnist --epochs 10 --validation 0.1 --patience 3 --out runs/paper',
    's4nn train --preset notebook --train-features train_data.csv --train-labels train_data_labels.csv --test-features data_train_test.csv --test-labels y_test_labels.csv',
    's4nn train --train train.parquet --test test.parquet --cats 4,1,0,7,9,2,3,5,8,6 --json > events.ndjson',
    's4nn train --config run.json --seed 7',
    's4nn train --epochs 5 --report',
    's4nn train --engine tfjs --backend wasm --epochs 1 --train-limit 1000',
    's4nn train --resume runs/paper',
  ]);
}
