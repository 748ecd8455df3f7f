import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Option, type Command } from 'commander';
import { inputWidth, weightsFromNumpyFile, type Network, type S4nnModel } from '@s4nn/core';
import type { EncoderSettings } from '@s4nn/encoding';
import {
  evaluate,
  evaluationFigures,
  loadSamples,
  type TrainOptions,
  type TrainOptionsInput,
} from '@s4nn/train';
import { writePredictions } from '../eval-view/predictions-file.js';
import { evaluationText } from '../eval-view/evaluation-text.js';
import { classesOf } from '../model-from-options.js';
import { requireFiles } from '../files.js';
import { networkShape } from '../figures-format.js';
import { withExamples } from '../help-examples.js';
import { loadModelOption } from '../model-directory.js';
import { parseCount } from '../number-parsers.js';
import { asUsageError, requireInputFiles, resolveRunOptions } from '../resolve-run-options.js';
import { addDataOptions, addEngineOptions, addSpecOptions, type RunFlags } from '../run-flags.js';
import { describeData } from '../train-view/describe-data.js';
import { UsageError } from '../usage-error.js';

interface EvalFlags extends RunFlags {
  model?: string;
  weights?: string;
  split: 'test' | 'train';
  limit?: number;
  predictions?: string;
  json?: boolean;
}

/** Flags that describe a network: a model directory has its own. */
const SPEC_FLAGS = ['preset', 'config', 'cats', 'encoding', 'thresholds', 'tmax'] as const;

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
    .action(async (flags: EvalFlags) => {
      const { network, options, classNames, name } = await networkToEvaluate(flags);
      requireInputFiles(options);
      if (flags.predictions !== undefined && !existsSync(dirname(flags.predictions))) {
        throw new UsageError(
          `--predictions ${flags.predictions}: folder ${dirname(flags.predictions)} does not exist`,
        );
      }
      let report;
      try {
        const samples = await loadSamples(options, flags.split, flags.limit);
        report = await evaluate(network, samples, {
          engine: options.engine,
          threads: options.threads,
        });
      } catch (error) {
        throw asUsageError(error);
      }
      if (flags.predictions !== undefined)
        await writePredictions(flags.predictions, report, classNames);
      const figures = evaluationFigures(report);
      const subject = {
        network: name,
        shape: networkShape(
          inputWidth(network.spec),
          network.spec.layers.map((layer) => layer.size),
        ),
        engine: options.engine,
        data: `${describeData(options.data)}, ${flags.split} split`,
        classNames,
      };
      process.stdout.write(
        flags.json === true
          ? `${JSON.stringify({ ...subject, split: flags.split, data: options.data, ...figures })}\n`
          : evaluationText(figures, subject),
      );
    });
  withExamples(command, [
    's4nn eval --model runs/paper/model',
    's4nn eval --model runs/paper/model --split train --limit 10000 --json',
    's4nn eval --weights weights.npz --preset paper-mnist --thresholds 100,100 --tmax 256 --predictions predictions.ndjson',
    's4nn eval --weights W.npz --preset notebook --test-features data_train_test.csv --test-labels y_test_labels.csv --train-features train_data.csv --train-labels train_data_labels.csv',
  ]);
}

interface NetworkToEvaluate {
  network: Network;
  /** The data, code and categories to evaluate with. */
  options: TrainOptions;
  classNames: string[];
  name: string;
}

async function networkToEvaluate(flags: EvalFlags): Promise<NetworkToEvaluate> {
  if ((flags.model === undefined) === (flags.weights === undefined)) {
    throw new UsageError('give either --model <dir> or --weights <file.npz>');
  }
  if (flags.model !== undefined) {
    const given = SPEC_FLAGS.filter((key) => flags[key] !== undefined);
    if (given.length > 0) {
      throw new UsageError(
        `--${given[0]} applies to --weights only: a model directory holds its spec, code and classes`,
      );
    }
    const model = await loadModelOption(flags.model);
    const options = resolveRunOptions(flags, { config: modelConfig(model) });
    return { network: model, options, classNames: model.classes.names, name: flags.model };
  }
  const file = flags.weights as string;
  requireFiles([file]);
  const options = resolveRunOptions(flags, { preset: 'paper-mnist' });
  const weights = weightsFromNumpyFile(await readFile(file), options.network, file);
  const { names } = classesOf(options);
  return { network: { spec: options.network, weights }, options, classNames: names, name: file };
}

/**
 * The run options a model implies: its spec, code and categories, and the data it was trained
 * on (from its provenance; the bundled MNIST when it does not say).
 */
function modelConfig(model: S4nnModel): TrainOptionsInput {
  const dataset = model.provenance?.dataset;
  const source =
    typeof dataset === 'object' && dataset !== null && !Array.isArray(dataset)
      ? dataset.source
      : undefined;
  return {
    data: source ?? { dataset: 'mnist' },
    network: model.spec,
    encoding: encodingOf(model.encoder),
    ...(model.classes.categories === undefined ? {} : { cats: model.classes.categories }),
  };
}

function encodingOf(encoder: EncoderSettings): TrainOptions['encoding'] {
  return encoder.type === 'latency'
    ? { type: 'latency', maxValue: encoder.maxValue }
    : { type: 'pre-encoded' };
}
