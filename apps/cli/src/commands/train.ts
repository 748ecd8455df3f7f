import type { Command } from 'commander';
import { readLastCheckpoint, train$, type TrainOptions } from '@s4nn/train';
import { commandPrefix } from '../command-prefix.js';
import { withExamples } from '../help-examples.js';
import { asUsageError, requireInputFiles, resolveRunOptions } from '../resolve-run-options.js';
import {
  addDataOptions,
  addEngineOptions,
  addSpecOptions,
  addTrainOptions,
  type TrainFlags,
} from '../run-flags.js';
import { jsonLinesView } from '../train-view/json-lines-view.js';
import { terminalView } from '../train-view/terminal-view.js';
import type { TrainView } from '../train-view/train-view.js';

/** Exit status of a run stopped by SIGINT (128 + signal 2), as shells report it. */
const INTERRUPTED = 130;

/** `s4nn train`: a training run (by default `paper-mnist` on the bundled MNIST) with progress. */
export function registerTrain(program: Command): void {
  const command = program
    .command('train')
    .summary('train a network (default: the paper network on MNIST)')
    .description(
      'Trains an S4NN network and writes a run directory: config.json (the resolved options), ' +
        'events.ndjson (every event), checkpoints/ and model/ (the best epoch). On a terminal it ' +
        'shows a progress bar and a table row per epoch; with --json or when piped it prints one ' +
        'JSON object per event per line. Ctrl-C stops at the next sample, keeps the last ' +
        'checkpoint whole and exits 130; --resume continues from it.',
    );
  addSpecOptions(command);
  addDataOptions(command);
  addTrainOptions(command);
  addEngineOptions(command)
    .option('--json', 'one JSON object per event per line on stdout, even on a terminal')
    .action(async (flags: TrainFlags & { json?: boolean }) => {
      const options = resolveRunOptions(flags, { preset: 'paper-mnist' });
      requireInputFiles(options);
      const cli = commandPrefix();
      const view =
        flags.json === true || !process.stdout.isTTY ? jsonLinesView(cli) : terminalView(cli);
      await runTraining(options, view, cli);
    });
  withExamples(command, [
    's4nn train --epochs 1 --train-limit 10000',
    's4nn train --preset paper-mnist --epochs 10 --validation 0.1 --patience 3 --out runs/paper',
    's4nn train --preset notebook --train-features train_data.csv --train-labels train_data_labels.csv --test-features data_train_test.csv --test-labels y_test_labels.csv',
    's4nn train --train train.parquet --test test.parquet --cats 4,1,0,7,9,2,3,5,8,6 --json > events.ndjson',
    's4nn train --config run.json --seed 7',
    's4nn train --resume runs/paper',
  ]);
}

/**
 * Subscribes to the run and shows its events. Resolves when the run ends, or at once on SIGINT:
 * the run is unsubscribed (it stops at the next sample boundary and finishes a checkpoint it is
 * writing), and the process exits 130 once that work has drained.
 */
function runTraining(options: TrainOptions, view: TrainView, cli: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let outDir = options.resume ?? options.outDir;
    const subscription = train$(options).subscribe({
      next: (event) => {
        if (event.type === 'run-start') outDir = event.outDir;
        view.show(event);
      },
      error: (error: unknown) => {
        process.off('SIGINT', interrupt);
        view.stop();
        reject(asUsageError(error));
      },
      complete: () => {
        process.off('SIGINT', interrupt);
        resolve();
      },
    });
    function interrupt(): void {
      subscription.unsubscribe();
      view.stop();
      process.stderr.write(
        's4nn: interrupted; stopping at the next sample (Ctrl-C again to quit at once)\n',
      );
      process.once('SIGINT', () => process.exit(INTERRUPTED));
      // Node leaves when the stopped run's last work (a checkpoint being written, worker threads)
      // is done; only then is the last checkpoint known whole.
      process.once('beforeExit', () => void reportInterrupted(outDir, cli));
      resolve();
    }
    process.once('SIGINT', interrupt);
  });
}

async function reportInterrupted(outDir: string | undefined, cli: string): Promise<void> {
  process.exitCode = INTERRUPTED;
  const checkpoint =
    outDir === undefined ? undefined : await readLastCheckpoint(outDir).catch(() => undefined);
  process.stderr.write(
    checkpoint === undefined
      ? 's4nn: interrupted before the first checkpoint: nothing to resume\n'
      : `s4nn: interrupted; the last checkpoint is ${checkpoint.dir} (epoch ${checkpoint.state.epoch}); continue with: ${cli} train --resume ${outDir}\n`,
  );
  process.exitCode = INTERRUPTED;
}
