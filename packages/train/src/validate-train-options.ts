import FastestValidator from 'fastest-validator';
import { outputSize, SpecError, validateNetworkSpec } from '@s4nn/core';
import type { TrainOptions } from './train-options.js';

// The package is CommonJS: at run time the default import is the Validator class itself, while
// its typings under NodeNext see a namespace whose `default` is the class.
const Validator = FastestValidator as unknown as typeof FastestValidator.default;
const validator = new Validator({ haltOnFirstError: false });

const integer = (min: number, extra: object = {}) => ({
  type: 'number',
  integer: true,
  min,
  ...extra,
});
const path = { type: 'string', empty: false };

// `$$strict` rejects unknown fields: a misspelt option (`epoch`) is an error, not ignored.
// `default` fills what neither preset, config nor flags gave.
const checkOptions = validator.compile({
  $$strict: true,
  data: { type: 'object' },
  cats: { type: 'array', optional: true, min: 1, items: integer(0) },
  encoding: {
    type: 'object',
    strict: true,
    props: {
      type: { type: 'enum', values: ['latency', 'pre-encoded'] },
      maxValue: { type: 'number', finite: true, positive: true, optional: true },
    },
  },
  network: { type: 'object' },
  epochs: integer(1, { default: 1 }),
  seed: integer(0, { max: 0xffffffff, default: 1 }),
  shuffle: { type: 'boolean', default: false },
  validationFraction: { type: 'number', min: 0, max: 0.999999, default: 0 },
  trainLimit: integer(1, { optional: true }),
  testLimit: integer(1, { optional: true }),
  initWeights: { ...path, optional: true },
  checkpointEvery: integer(0, { default: 1 }),
  outDir: { ...path, optional: true },
  engine: { ...path, default: 'event' },
  backend: { ...path, optional: true },
  threads: integer(0, { default: 0 }),
  deadNeuronReset: { type: 'boolean', default: true },
  earlyStoppingPatience: integer(0, { default: 0 }),
  progressThrottleMs: integer(0, { default: 250 }),
  resume: { ...path, optional: true },
  cacheDir: {
    type: 'multi',
    optional: true,
    rules: [path, { type: 'equal', value: false, strict: true }],
  },
});

// One schema per data source form, nested under `data` so that errors name `data.<field>`.
const dataForms = {
  dataset: validator.compile({
    data: { type: 'object', strict: true, props: { dataset: { type: 'enum', values: ['mnist'] } } },
  }),
  trainFeatures: validator.compile({
    data: {
      type: 'object',
      strict: true,
      props: { trainFeatures: path, trainLabels: path, testFeatures: path, testLabels: path },
    },
  }),
  train: validator.compile({
    data: {
      type: 'object',
      strict: true,
      props: { train: path, test: path, labelColumn: { ...path, optional: true } },
    },
  }),
};

/** What each field must be, in words, for messages like `epochs must be an integer >= 1`. */
const EXPECTED: Record<string, string> = {
  data: "an object: { dataset: 'mnist' }, { trainFeatures, trainLabels, testFeatures, testLabels } or { train, test }",
  cats: 'a non-empty list of integers >= 0',
  'cats[]': 'an integer >= 0',
  encoding: "an object { type: 'latency', maxValue? } or { type: 'pre-encoded' }",
  'encoding.type': "'latency' or 'pre-encoded'",
  'encoding.maxValue': 'a number > 0',
  network: 'a network spec object { inputShape, tmax, gamma, layers }',
  epochs: 'an integer >= 1',
  seed: 'an integer in 0..4294967295',
  shuffle: 'true or false',
  validationFraction: 'a number in [0, 1)',
  trainLimit: 'an integer >= 1',
  testLimit: 'an integer >= 1',
  initWeights: 'the path of an .npz file',
  checkpointEvery: 'an integer >= 0 (0: no checkpoints)',
  outDir: 'a directory path',
  engine: 'an engine name',
  backend: "a backend of the engine (tfjs: 'auto', 'tensorflow', 'wasm' or 'cpu')",
  threads: 'an integer >= 0',
  deadNeuronReset: 'true or false',
  earlyStoppingPatience: 'an integer >= 0 (0: no early stopping)',
  progressThrottleMs: 'an integer >= 0',
  resume: 'a run directory',
  cacheDir: 'a directory path, or false or null for no cache',
  'data.dataset': "'mnist'",
};

interface ValidationError {
  type: string;
  field?: string;
  actual?: unknown;
  message?: string;
}

/**
 * Checks a training configuration and returns it complete: a copy with the defaults filled in
 * (see {@link TrainOptions}). Throws a SpecError whose message names every bad field and what it
 * must be (`epochs must be an integer >= 1 (got 0)`), and whose `field` is the first of them.
 *
 * ## Example
 * ```ts
 * const options = validateTrainOptions({ ...presets['paper-mnist'], epochs: 3 });
 * validateTrainOptions({ ...presets['paper-mnist'], epochs: 0 }); // throws: epochs must be an integer >= 1 (got 0)
 * ```
 */
export function validateTrainOptions(input: unknown): TrainOptions {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new SpecError('train options must be an object');
  }
  const options = structuredClone(input) as Record<string, unknown>;
  const result = checkOptions(options);
  if (result !== true) fail(result as ValidationError[]);
  checkDataForm(options.data as Record<string, unknown>);
  checkNetwork(options.network);
  const checked = options as unknown as TrainOptions;
  checkConsistency(checked);
  return checked;
}

function checkDataForm(data: Record<string, unknown>): void {
  const form = (Object.keys(dataForms) as (keyof typeof dataForms)[]).find((key) => key in data);
  if (form === undefined) fail([{ type: 'object', field: 'data', actual: data }]);
  const result = dataForms[form]({ data });
  if (result !== true) fail(result as ValidationError[]);
}

/** The network spec is core's to check; its field paths get the `network.` prefix here. */
function checkNetwork(network: unknown): void {
  try {
    validateNetworkSpec(network);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    const reason = error.message.replace(/^invalid network spec: /, '');
    const field = error.field === '' ? 'network' : `network.${error.field}`;
    throw new SpecError(`network: ${reason}`, field);
  }
}

function checkConsistency(options: TrainOptions): void {
  const classes = outputSize(options.network);
  const { cats, encoding } = options;
  if (cats !== undefined) {
    if (new Set(cats).size !== cats.length) {
      throw new SpecError(`cats must not repeat a label (got [${cats.join(', ')}])`, 'cats');
    }
    if (cats.length !== classes) {
      throw new SpecError(
        `cats must list one label per output neuron: the network has ${classes}, cats ${cats.length}`,
        'cats',
      );
    }
  }
  if (encoding.type === 'pre-encoded' && 'maxValue' in encoding) {
    throw new SpecError(
      `encoding.maxValue applies to the latency encoding only`,
      'encoding.maxValue',
    );
  }
  if (options.earlyStoppingPatience > 0 && options.validationFraction === 0) {
    throw new SpecError(
      'earlyStoppingPatience needs a validation split: set validationFraction > 0 (early stopping never looks at the test set)',
      'earlyStoppingPatience',
    );
  }
}

function fail(errors: ValidationError[]): never {
  const problems = errors.map(describe);
  // A field with alternative rules (`cacheDir`) fails each of them: say what it must be once.
  const texts = new Set(problems.map((problem) => problem.text));
  throw new SpecError([...texts].join('; '), problems[0].field);
}

function describe(error: ValidationError): { field: string; text: string } {
  if (error.type === 'objectStrict') {
    const parent = error.field ? `${error.field}.` : '';
    const unknown = String(error.actual)
      .split(', ')
      .map((key) => `${parent}${key}`);
    return { field: unknown[0], text: `${unknown.join(', ')} is not a known option` };
  }
  const field = error.field ?? '';
  const expected = EXPECTED[field.replace(/\[\d+\]/g, '[]')];
  const got = error.actual === undefined ? 'missing' : `got ${JSON.stringify(error.actual)}`;
  if (expected !== undefined) return { field, text: `${field} must be ${expected} (${got})` };
  const reason = (error.message ?? error.type).replace(/^The '.*?' field /, '').replace(/\.$/, '');
  return { field, text: `${field} ${reason} (${got})` };
}
