import FastestValidator from 'fastest-validator';
import type { NetworkSpec } from './network-spec.js';
import { SpecError } from './spec-error.js';

// The package is CommonJS: at run time the default import is the Validator class itself, while
// its typings under NodeNext see a namespace whose `default` is the class.
const Validator = FastestValidator as unknown as typeof FastestValidator.default;
const validator = new Validator({ haltOnFirstError: false });

// `$$strict` rejects unknown fields, so that a misspelt option (`treshold`) is an error, not a
// silently ignored setting.
const layerSchema = {
  type: 'object',
  strict: true,
  props: {
    size: { type: 'number', integer: true, min: 1 },
    // A negative threshold would fire neurons that receive no input at all (V = 0 > theta), a
    // network nobody means; the event engine relies on potentials changing only at input spikes.
    threshold: { type: 'number', finite: true, min: 0 },
    initRange: {
      type: 'tuple',
      items: [
        { type: 'number', finite: true },
        { type: 'number', finite: true },
      ],
    },
    learningRate: { type: 'number', finite: true, min: 0 },
    weightDecay: { type: 'number', finite: true, min: 0 },
    dropout: { type: 'number', finite: true, min: 0, max: 0.999999 },
  },
} as const;

const check = validator.compile({
  $$strict: true,
  inputShape: { type: 'array', min: 1, items: { type: 'number', integer: true, min: 1 } },
  // Times are stored in Uint16Array, so tmax must fit in 16 bits; tmax - 3 (the fallback time of
  // spec 3) must be a valid step.
  tmax: { type: 'number', integer: true, min: 3, max: 65535 },
  gamma: { type: 'number', integer: true, min: 0 },
  layers: { type: 'array', min: 1, items: layerSchema },
});

/**
 * Checks that `spec` is a well-formed {@link NetworkSpec} and throws a {@link SpecError} naming
 * the first bad field otherwise (all problems are listed in the message).
 *
 * ## Example
 * ```ts
 * validateNetworkSpec({ ...spec, layers: [{ ...spec.layers[0], threshold: 'x' }] });
 * // throws SpecError: invalid network spec: layers[0].threshold must be a number (got "x")
 * ```
 */
export function validateNetworkSpec(spec: unknown): asserts spec is NetworkSpec {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    throw new SpecError('invalid network spec: expected an object');
  }
  const result = check(spec);
  if (result !== true) {
    const problems = (
      result as { field?: string; type: string; message?: string; actual?: unknown }[]
    ).map((error) => ({ field: strictField(error) ?? error.field ?? '', text: describe(error) }));
    throw new SpecError(
      `invalid network spec: ${problems.map((problem) => problem.text).join('; ')}`,
      problems[0].field,
    );
  }
  const value = spec as NetworkSpec;
  value.layers.forEach((layer, index) => {
    const [a, b] = layer.initRange;
    if (a > b) {
      throw new SpecError(
        `invalid network spec: layers[${index}].initRange must be [a, b] with a <= b (got [${a}, ${b}])`,
        `layers[${index}].initRange`,
      );
    }
  });
}

/** fastest-validator's message, reworded as `field must ...` with the value that was given. */
function describe(error: {
  field?: string;
  type: string;
  message?: string;
  actual?: unknown;
}): string {
  if (error.type === 'objectStrict') {
    const parent = error.field ? `${error.field}.` : '';
    const unknown = String(error.actual)
      .split(', ')
      .map((key) => `${parent}${key}`);
    return `${unknown.join(', ')} is not a known field`;
  }
  const field = error.field || '(spec)';
  const reason = (error.message ?? error.type)
    .replace(/^The '.*?' field /, '')
    .replace(/^The '.*?' /, '')
    .replace(/\.$/, '');
  const got = error.actual === undefined ? '' : ` (got ${JSON.stringify(error.actual)})`;
  return `${field} ${reason}${got}`;
}

/** For an unknown-field error, the path of the (first) unknown field. */
function strictField(error: {
  field?: string;
  type: string;
  actual?: unknown;
}): string | undefined {
  if (error.type !== 'objectStrict') return undefined;
  const first = String(error.actual).split(', ')[0];
  return error.field ? `${error.field}.${first}` : first;
}
