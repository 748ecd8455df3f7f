import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SpecError } from '@s4nn/core';
import {
  presets,
  resolveTrainOptions,
  RUN_FILES,
  type PresetName,
  type TrainOptions,
  type TrainOptionsInput,
} from '@s4nn/train';
import { requireFiles } from './files.js';
import { overridesFromFlags, type TrainFlags } from './run-flags.js';
import { UsageError } from './usage-error.js';

/** What a command starts from when the flags do not say: a preset, or a whole configuration. */
export type RunDefaults = { preset: PresetName } | { config: TrainOptionsInput };

/**
 * The options of a run from its flags: `--preset` (default `defaults.preset` unless a config is
 * given, which then describes the whole run), overridden by the `--config` file (default
 * `defaults.config`), overridden by the other flags. Every mistake is a {@link UsageError}
 * naming the flag, file or field: invalid option values, unreadable config files (the data
 * files are checked by {@link requireInputFiles}).
 *
 * @example
 * ```ts
 * const options = resolveRunOptions({ epochs: 3, trainLimit: 1000 }, { preset: 'paper-mnist' });
 * ```
 */
export function resolveRunOptions(flags: TrainFlags, defaults: RunDefaults): TrainOptions {
  const config =
    flags.config === undefined
      ? 'config' in defaults
        ? defaults.config
        : undefined
      : readConfig(flags.config);
  const preset = (flags.preset ??
    (config === undefined && 'preset' in defaults ? defaults.preset : undefined)) as
    PresetName | undefined;
  const overrides = overridesFromFlags(flags, layerCount(config, preset));
  try {
    return resolveTrainOptions({ preset, config, overrides });
  } catch (error) {
    throw asUsageError(error, flags.config);
  }
}

/** A SpecError (a bad option or an option that does not fit the data) as bad usage; other errors as they are. */
export function asUsageError(error: unknown, configFile?: string): unknown {
  if (!(error instanceof SpecError)) return error;
  const where = configFile === undefined ? '' : ` (flags and ${configFile})`;
  return new UsageError(`invalid options${where}: ${error.message}`, { cause: error });
}

function readConfig(file: string): TrainOptionsInput {
  requireFiles([file]);
  let config: unknown;
  try {
    config = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`--config ${file}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new UsageError(`--config ${file}: expected a JSON object of train options`);
  }
  return config as TrainOptionsInput;
}

/** How many layers `--thresholds` must list: the config's network, else the preset's. */
function layerCount(
  config: TrainOptionsInput | undefined,
  preset: PresetName | undefined,
): number | undefined {
  const layers = (config?.network as { layers?: unknown } | undefined)?.layers;
  if (Array.isArray(layers)) return layers.length;
  return preset === undefined || !Object.hasOwn(presets, preset)
    ? undefined
    : presets[preset].network.layers.length;
}

/** The files a run reads must exist before it starts: missing ones are bad usage. */
export function requireInputFiles(options: TrainOptions): void {
  const { data } = options;
  const files =
    'trainFeatures' in data
      ? [data.trainFeatures, data.trainLabels, data.testFeatures, data.testLabels]
      : 'train' in data
        ? [data.train, data.test]
        : [];
  if (options.initWeights !== undefined) files.push(options.initWeights);
  requireFiles(files);
  if (options.resume !== undefined) {
    const config = join(options.resume, RUN_FILES.config);
    if (statSync(config, { throwIfNoEntry: false })?.isFile() !== true) {
      throw new UsageError(
        `--resume ${options.resume}: not a run directory (no ${RUN_FILES.config})`,
      );
    }
  }
}
