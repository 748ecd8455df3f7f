import FastestValidator from 'fastest-validator';
import { SpecError } from '../spec/spec-error.js';
import { validateNetworkSpec } from '../spec/validate-network-spec.js';
import { outputSize } from '../spec/network-shape.js';
import { MODEL_FORMAT, MODEL_FORMAT_VERSION, type ModelManifest } from './manifest.js';
import { ModelFileError } from './model-file-error.js';
import { weightShapes } from './weight-shapes.js';

const positiveInteger = { type: 'number', integer: true, positive: true } as const;
const byteCount = { type: 'number', integer: true, min: 0 } as const;

// The package is CommonJS (`module.exports = Validator`) while its typings declare an ES default
// export; under NodeNext the default import is the class at run time, typed as the namespace.
const Validator = FastestValidator as unknown as typeof FastestValidator.default;

/** The manifest's own structure; the network spec inside is checked by `validateNetworkSpec`. */
const manifestSchema = {
  format: { type: 'string' },
  formatVersion: positiveInteger,
  spec: { type: 'object' },
  encoder: {
    type: 'object',
    props: {
      type: { type: 'enum', values: ['latency', 'pre-encoded'] },
      tmax: positiveInteger,
      maxValue: { type: 'number', positive: true, finite: true, optional: true },
    },
  },
  classes: {
    type: 'object',
    props: {
      names: { type: 'array', items: 'string' },
      categories: { type: 'array', optional: true, items: { type: 'number', integer: true } },
    },
  },
  provenance: { type: 'object', optional: true },
  weights: {
    type: 'object',
    props: {
      // A bare file name: a manifest must not point outside its directory.
      file: { type: 'string', pattern: /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/ },
      dtype: { type: 'equal', value: 'float64-le', strict: true },
      byteLength: byteCount,
      sha256: { type: 'string', pattern: /^[0-9a-f]{64}$/ },
      layers: {
        type: 'array',
        items: {
          type: 'object',
          props: {
            shape: { type: 'tuple', items: [positiveInteger, positiveInteger] },
            byteOffset: byteCount,
            byteLength: byteCount,
          },
        },
      },
    },
  },
};

// Compiled once from the schema above (fastest-validator generates code from the schema, never
// from the manifest being checked).
const checkStructure = new Validator({ haltOnFirstError: false }).compile(manifestSchema);

/**
 * Parses `model.json` text and checks it completely: JSON syntax, format tag and version,
 * structure (every missing or mistyped field named), and that the weights layout, classes and
 * encoder agree with the network spec. Throws a {@link ModelFileError} naming `file`.
 */
export function parseModelManifest(text: string, file: string): ModelManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ModelFileError(file, `not valid JSON (${(error as Error).message})`, {
      cause: error,
    });
  }
  return checkModelManifest(value, file);
}

/** Checks an already parsed manifest as {@link parseModelManifest} does. */
export function checkModelManifest(value: unknown, file: string): ModelManifest {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ModelFileError(file, 'expected a JSON object (an s4nn model manifest)');
  }
  const { format, formatVersion } = value as Record<string, unknown>;
  if (format !== MODEL_FORMAT) {
    throw new ModelFileError(
      file,
      `not an s4nn model manifest: field 'format' is ${JSON.stringify(format)}, expected '${MODEL_FORMAT}'`,
    );
  }
  if (typeof formatVersion === 'number' && formatVersion > MODEL_FORMAT_VERSION) {
    throw new ModelFileError(
      file,
      `formatVersion ${formatVersion} is newer than this s4nn reads (formatVersion ${MODEL_FORMAT_VERSION}); upgrade s4nn to load this model`,
    );
  }
  const result = checkStructure(value);
  if (result !== true) {
    const problems = (result as { message?: string }[]).map((problem) => problem.message);
    throw new ModelFileError(file, `invalid manifest: ${problems.join(' ')}`);
  }
  const manifest = value as ModelManifest;
  try {
    validateNetworkSpec(manifest.spec);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    throw new ModelFileError(file, `field 'spec': ${error.message}`, { cause: error });
  }
  checkAgreesWithSpec(manifest, file);
  return manifest;
}

/** The checks that relate fields to each other: layout vs spec, classes vs output layer. */
function checkAgreesWithSpec(manifest: ModelManifest, file: string): void {
  const { spec, encoder, classes, weights } = manifest;
  const fail = (reason: string): never => {
    throw new ModelFileError(file, reason);
  };
  // fastest-validator's `optional` also lets null through, which is what JSON makes of NaN.
  if (encoder.type === 'latency' && typeof encoder.maxValue !== 'number') {
    fail("The 'encoder.maxValue' field is required for a latency encoder.");
  }
  if (encoder.tmax !== spec.tmax) {
    fail(`encoder.tmax ${encoder.tmax} differs from spec.tmax ${spec.tmax}`);
  }
  const outputNeurons = outputSize(spec);
  if (classes.names.length !== outputNeurons) {
    fail(
      `classes.names has ${classes.names.length} names; the output layer has ${outputNeurons} neurons`,
    );
  }
  const categories = classes.categories;
  if (categories != null) {
    if (categories.length !== outputNeurons) {
      fail(
        `classes.categories has ${categories.length} entries; the output layer has ${outputNeurons} neurons`,
      );
    }
    if (new Set(categories).size !== categories.length) {
      fail('classes.categories repeats a category');
    }
  }
  const shapes = weightShapes(spec);
  if (weights.layers.length !== shapes.length) {
    fail(
      `weights.layers has ${weights.layers.length} entries; the spec has ${shapes.length} layers`,
    );
  }
  let byteOffset = 0;
  weights.layers.forEach((entry, layer) => {
    const [rows, cols] = shapes[layer];
    const field = `weights.layers[${layer}]`;
    if (entry.shape[0] !== rows || entry.shape[1] !== cols) {
      fail(`${field}.shape is ${entry.shape.join('x')}; the spec needs ${rows}x${cols}`);
    }
    if (entry.byteOffset !== byteOffset) {
      fail(
        `${field}.byteOffset is ${entry.byteOffset}; expected ${byteOffset} (layers back to back)`,
      );
    }
    if (entry.byteLength !== rows * cols * 8) {
      fail(
        `${field}.byteLength is ${entry.byteLength}; ${rows}x${cols} float64 take ${rows * cols * 8}`,
      );
    }
    byteOffset += entry.byteLength;
  });
  if (weights.byteLength !== byteOffset) {
    fail(`weights.byteLength is ${weights.byteLength}; the layers take ${byteOffset} bytes`);
  }
}
