import { SpecError } from '@s4nn/core';
import { presets, type PresetName } from './presets.js';
import type { TrainOptions, TrainOptionsInput } from './train-options.js';
import { validateTrainOptions } from './validate-train-options.js';

/** The layers of {@link resolveTrainOptions}, lowest precedence first. */
export interface TrainOptionsSources {
  /** A built-in configuration (see {@link presets}). */
  preset?: PresetName;
  /** The parsed `--config` JSON file. */
  config?: TrainOptionsInput;
  /** Command-line flags, as options. */
  overrides?: TrainOptionsInput;
}

// Fields whose value is a choice between shapes: a later layer replaces them whole, so that
// switching from `{ dataset: 'mnist' }` to `{ train, test }` does not leave a mix of both.
const REPLACED_WHOLE = new Set(['data', 'encoding']);

/**
 * Builds the options of a run from a preset, a config file and flags, later ones winning, and
 * validates the result (see {@link validateTrainOptions}). Objects merge field by field;
 * `data` and `encoding` are replaced whole; an array of objects (`network.layers`) merges element
 * by element when both have the same length, any other array is replaced.
 *
 * ## Example
 * ```ts
 * resolveTrainOptions({
 *   preset: 'paper-mnist',
 *   config: JSON.parse(await readFile('run.json', 'utf8')),
 *   overrides: { epochs: 3, network: { layers: [{ threshold: 90 }, {}] } },
 * });
 * ```
 */
export function resolveTrainOptions(sources: TrainOptionsSources): TrainOptions {
  const { preset, config = {}, overrides = {} } = sources;
  if (preset !== undefined && !Object.hasOwn(presets, preset)) {
    throw new SpecError(
      `preset must be one of ${Object.keys(presets).join(', ')} (got ${JSON.stringify(preset)})`,
      'preset',
    );
  }
  const base = preset === undefined ? {} : presets[preset];
  return validateTrainOptions(merge(merge(base, config, ''), overrides, ''));
}

function merge(base: unknown, layer: unknown, key: string): unknown {
  if (layer === undefined) return base;
  if (REPLACED_WHOLE.has(key)) return layer;
  if (Array.isArray(base) && Array.isArray(layer)) {
    const elementwise = base.length === layer.length && [...base, ...layer].every(isPlainObject);
    return elementwise ? layer.map((item, index) => merge(base[index], item, '')) : layer;
  }
  if (isPlainObject(base) && isPlainObject(layer)) {
    const merged: Record<string, unknown> = { ...base };
    for (const [field, value] of Object.entries(layer))
      merged[field] = merge(base[field], value, field);
    return merged;
  }
  return layer;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
