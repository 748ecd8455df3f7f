import { Option, type Command } from 'commander';
import type { TrainOptionsInput } from '@s4nn/train';
import {
  parseCategoryList,
  parseCount,
  parseFraction,
  parseNonNegativeInteger,
  parseNumberList,
} from './number-parsers.js';
import { UsageError } from './usage-error.js';

/** The flags shared by `train`, `eval` and `import`, as commander parses them. */
export interface RunFlags {
  preset?: string;
  config?: string;
  dataset?: 'mnist';
  trainFeatures?: string;
  trainLabels?: string;
  testFeatures?: string;
  testLabels?: string;
  train?: string;
  test?: string;
  cats?: number[];
  encoding?: 'latency' | 'pre-encoded';
  thresholds?: number[];
  tmax?: number;
  engine?: string;
  backend?: string;
  threads?: number;
  cacheDir?: string;
  /** False with `--no-cache`. */
  cache?: boolean;
}

/** The flags only `train` has. */
export interface TrainFlags extends RunFlags {
  epochs?: number;
  seed?: number;
  shuffle?: boolean;
  validation?: number;
  trainLimit?: number;
  testLimit?: number;
  initWeights?: string;
  deadReset?: boolean;
  checkpointEvery?: number;
  patience?: number;
  out?: string;
  resume?: string;
}

const PRESETS = ['paper-mnist', 'notebook'];
const NOTEBOOK_FLAGS = ['trainFeatures', 'trainLabels', 'testFeatures', 'testLabels'] as const;

/** `--preset`, `--config`, `--cats`, `--encoding`, `--thresholds`, `--tmax`: what defines the network and its code. */
export function addSpecOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--preset <name>',
        'a reference configuration (default paper-mnist, unless --config is given)',
      ).choices(PRESETS),
    )
    .option(
      '--config <file.json>',
      'options as JSON (the train options schema); flags override it, it overrides --preset',
    )
    .option(
      '--cats <labels>',
      'category order: output k stands for the k-th source label listed, e.g. 4,1,0,2,3,5',
      parseCategoryList,
    )
    .addOption(new Option('--encoding <code>', 'input code').choices(['latency', 'pre-encoded']))
    .option(
      '--thresholds <values>',
      'one firing threshold per layer, e.g. 100,100',
      parseNumberList,
    )
    .option('--tmax <steps>', 'time steps T (a spike at T means no spike)', parseCount);
}

/** The data source flags: the bundled MNIST, the notebook's four CSVs, or Arrow/Parquet files. */
export function addDataOptions(command: Command): Command {
  return command
    .addOption(new Option('--dataset <name>', 'the bundled dataset').choices(['mnist']))
    .option(
      '--train-features <file.csv>',
      "notebook layout: training samples (the notebook's train_data.csv)",
    )
    .option('--train-labels <file.csv>', 'notebook layout: training labels (train_data_labels.csv)')
    .option('--test-features <file.csv>', 'notebook layout: test samples (data_train_test.csv)')
    .option('--test-labels <file.csv>', 'notebook layout: test labels (y_test_labels.csv)')
    .option('--train <file>', 'training split as one .arrow, .parquet or .csv (label column) file')
    .option('--test <file>', 'test split as one .arrow, .parquet or .csv file')
    .option(
      '--cache-dir <dir>',
      'cache CSV data here as Arrow files (default node_modules/.cache/s4nn when the working directory has node_modules, else $XDG_CACHE_HOME/s4nn or ~/.cache/s4nn)',
    )
    .option('--no-cache', 'parse CSV data every time, writing no cache file');
}

/**
 * What `--backend` accepts: core's `TFJS_BACKEND_CHOICES`, listed here so that building the
 * help does not load core (a test keeps the two equal).
 */
export const BACKEND_CHOICES = ['auto', 'tensorflow', 'wasm', 'cpu'];

/** `--engine`, `--backend`, `--threads`. */
export function addEngineOptions(command: Command): Command {
  return addEngineChoiceOptions(command).option(
    '--threads <n>',
    'worker threads for evaluation (0: none)',
    parseNonNegativeInteger,
  );
}

/** `--engine` and `--backend` (see `s4nn info --engines` for what each would run on). */
export function addEngineChoiceOptions(command: Command): Command {
  return command
    .option('--engine <name>', 'engine: event (exact CPU kernels) or tfjs (TensorFlow.js)')
    .addOption(
      new Option(
        '--backend <name>',
        'with --engine tfjs: tensorflow (tfjs-node, GPU with tfjs-node-gpu), wasm or cpu; auto takes the first that loads',
      ).choices(BACKEND_CHOICES),
    );
}

/** The flags only `train` has. */
export function addTrainOptions(command: Command): Command {
  return command
    .option('--epochs <n>', 'passes over the training samples', parseCount)
    .option(
      '--seed <n>',
      'fixes the run: weights, validation split, shuffling',
      parseNonNegativeInteger,
    )
    .option('--shuffle', 'visit the training samples in a seeded order every epoch')
    .option(
      '--validation <fraction>',
      'share of the training data kept for model selection, e.g. 0.1',
      parseFraction,
    )
    .option('--train-limit <n>', 'train on the first n samples (file order)', parseCount)
    .option('--test-limit <n>', 'test on the first n samples', parseCount)
    .option('--init-weights <file.npz>', 'initial weights in the published NumPy layout')
    .option('--no-dead-reset', 'keep dead hidden neurons instead of re-drawing their weights')
    .option(
      '--checkpoint-every <n>',
      'checkpoint every n epochs (0: never)',
      parseNonNegativeInteger,
    )
    .option(
      '--patience <n>',
      'stop after n epochs without a better validation accuracy',
      parseNonNegativeInteger,
    )
    .option('-o, --out <dir>', 'the run directory (default runs/<timestamp>)')
    .option(
      '--resume <dir>',
      'continue the interrupted run in this directory from its last checkpoint',
    );
}

/**
 * Maps the flags that were given onto train options (the layer that overrides `--config` and
 * `--preset`); flags not given stay absent so that they override nothing.
 *
 * @example
 * ```ts
 * overridesFromFlags({ epochs: 3, thresholds: [90, 100] }, 2);
 * // { epochs: 3, network: { layers: [{ threshold: 90 }, { threshold: 100 }] } }
 * ```
 */
export function overridesFromFlags(
  flags: TrainFlags,
  layerCount: number | undefined,
): TrainOptionsInput {
  const network: Record<string, unknown> = {};
  if (flags.tmax !== undefined) network.tmax = flags.tmax;
  if (flags.thresholds !== undefined) {
    if (layerCount !== undefined && flags.thresholds.length !== layerCount) {
      throw new UsageError(
        `--thresholds gives ${flags.thresholds.length} values for a network of ${layerCount} layers`,
      );
    }
    network.layers = flags.thresholds.map((threshold) => ({ threshold }));
  }
  const fields: TrainOptionsInput = {
    data: dataFromFlags(flags),
    cats: flags.cats,
    encoding: flags.encoding && { type: flags.encoding },
    network: Object.keys(network).length > 0 ? network : undefined,
    epochs: flags.epochs,
    seed: flags.seed,
    shuffle: flags.shuffle,
    validationFraction: flags.validation,
    trainLimit: flags.trainLimit,
    testLimit: flags.testLimit,
    initWeights: flags.initWeights,
    deadNeuronReset: flags.deadReset === false ? false : undefined,
    checkpointEvery: flags.checkpointEvery,
    earlyStoppingPatience: flags.patience,
    outDir: flags.out,
    engine: flags.engine,
    backend: flags.backend,
    threads: flags.threads,
    resume: flags.resume,
    cacheDir: cacheDirFromFlags(flags),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** The data source the flags name, or undefined when they name none; mixing forms is an error. */
export function dataFromFlags(flags: RunFlags): TrainOptionsInput['data'] {
  const notebook = NOTEBOOK_FLAGS.filter((key) => flags[key] !== undefined);
  const files = (['train', 'test'] as const).filter((key) => flags[key] !== undefined);
  const forms = [flags.dataset !== undefined, notebook.length > 0, files.length > 0].filter(
    Boolean,
  );
  if (forms.length > 1) {
    throw new UsageError(
      'give one data source: --dataset, the four notebook CSV flags, or --train and --test',
    );
  }
  if (flags.dataset !== undefined) return { dataset: flags.dataset };
  if (notebook.length > 0) {
    const missing = NOTEBOOK_FLAGS.filter((key) => flags[key] === undefined).map(flagName);
    if (missing.length > 0)
      throw new UsageError(`the notebook layout needs ${missing.join(', ')} too`);
    return Object.fromEntries(NOTEBOOK_FLAGS.map((key) => [key, flags[key]]));
  }
  if (files.length > 0) {
    if (files.length < 2)
      throw new UsageError(`--${files[0]} needs --${files[0] === 'train' ? 'test' : 'train'} too`);
    return { train: flags.train, test: flags.test };
  }
  return undefined;
}

/** `--cache-dir DIR` as the directory, `--no-cache` as false, neither as undefined (the default). */
function cacheDirFromFlags(flags: RunFlags): string | false | undefined {
  if (flags.cache !== false) return flags.cacheDir;
  if (flags.cacheDir !== undefined)
    throw new UsageError('give --cache-dir or --no-cache, not both');
  return false;
}

function flagName(key: string): string {
  return `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}
