import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { inputWidth, weightsFromNumpyFile, type Network, type S4nnModel } from '@s4nn/core';
import type { EncoderSettings } from '@s4nn/encoding';
import {
  evaluate,
  evaluationFigures,
  loadSamples,
  type TrainOptions,
  type TrainOptionsInput,
} from '@s4nn/train';
import { checkBackendFlag } from '../engine-flags.js';
import { engineText } from '../engine-text.js';
import { writePredictions } from '../eval-view/predictions-file.js';
import { evaluationText } from '../eval-view/evaluation-text.js';
import { classesOf } from '../model-from-options.js';
import { requireFiles } from '../files.js';
import { networkShape } from '../figures-format.js';
import { loadModelOption } from '../model-directory.js';
import { asUsageError, requireInputFiles, resolveRunOptions } from '../resolve-run-options.js';
import { describeData } from '../train-view/describe-data.js';
import { UsageError } from '../usage-error.js';
import type { EvalFlags } from './eval.js';

/** Flags that describe a network: a model directory has its own. */
const SPEC_FLAGS = ['preset', 'config', 'cats', 'encoding', 'thresholds', 'tmax'] as const;

/** Runs `s4nn eval` (see `commands/eval.ts`): evaluates, prints the figures, writes predictions. */
export async function evalAction(flags: EvalFlags): Promise<void> {
  const { network, options, classNames, name } = await networkToEvaluate(flags);
  checkBackendFlag(options.engine, flags.backend);
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
      backend: options.backend,
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
    engine: engineText(report.engineInfo),
    data: `${describeData(options.data)}, ${flags.split} split`,
    classNames,
  };
  process.stdout.write(
    flags.json === true
      ? `${JSON.stringify({ ...subject, engine: report.engineInfo.engine, engineInfo: report.engineInfo, split: flags.split, data: options.data, ...figures })}\n`
      : evaluationText(figures, subject),
  );
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
