import { Option, type Command } from 'commander';
import { withExamples } from '../help-examples.js';
import { parseCount } from '../number-parsers.js';
import { addDataOptions, addEngineOptions, addSpecOptions, type RunFlags } from '../run-flags.js';

/** The flags of `s4nn eval`. */
export interface EvalFlags extends RunFlags {
  model?: string;
  weights?: string;
  split: 'test' | 'train';
  limit?: number;
  predictions?: string;
  json?: boolean;
}

/** `s4nn eval`: the accuracy figures of a model (or NumPy weights) on a dataset split. */
export function registerEval(program: Command): void {
  const command = program
    .command('eval')
    .summary('evaluate a model or NumPy weights on a dataset')
    .description(
      'Runs a model directory (--model) or NumPy weights with the spec of a preset and flags ' +
        '(--weights) on a dataset split and prints accuracy strict, with ties counted correct, ' +
        'with ties broken by the lowest index and with fallback-decided samples counted wrong, ' +
        'the fallback count, mean decision time, spikes, the confusion matrix and the time taken. ' +
        'A model is evaluated on the data it was trained on unless data flags say otherwise.',
    )
    .option('--model <dir>', 'a model directory (e.g. runs/<run>/model)')
    .option(
      '--weights <file.npz>',
      'NumPy weights in the published layout; the spec comes from --preset (default paper-mnist) and flags',
    );
  addSpecOptions(command);
  addDataOptions(command)
    .addOption(
      new Option('--split <split>', 'which split to evaluate')
        .choices(['test', 'train'])
        .default('test'),
    )
    .option('--limit <n>', 'evaluate the first n samples', parseCount);
  addEngineOptions(command)
    .option(
      '--predictions <file.ndjson>',
      'write one JSON line per sample: index, label, prediction, class, decisionTime, outputTimes',
    )
    .option('--json', 'print the figures as one JSON object')
    .action(async (flags: EvalFlags) => (await import('./eval-action.js')).evalAction(flags));
  withExamples(command, [
    's4nn eval --model runs/paper/model',
    's4nn eval --model runs/paper/model --split train --limit 10000 --json',
    's4nn eval --weights weights.npz --preset paper-mnist --thresholds 100,100 --tmax 256 --predictions predictions.ndjson',
    's4nn eval --weights W.npz --preset notebook --test-features data_train_test.csv --test-labels y_test_labels.csv --train-features train_data.csv --train-labels train_data_labels.csv',
  ]);
}
