import { performance } from 'node:perf_hooks';
import {
  describeEngines,
  installedNativeBackends,
  TFJS_ENGINE,
  TFJS_GPU_INSTALL_HINT,
  type EngineDescription,
} from '@s4nn/core';
import { readDataset } from '@s4nn/data';
import { summarizeDataset } from '../dataset-summary.js';
import { requireFiles } from '../files.js';
import { printSummary } from '../print-summary.js';
import { UsageError } from '../usage-error.js';
import type { InfoFlags } from './info.js';

/** An engine as `s4nn info --engines --json` prints it. */
interface EngineListing extends EngineDescription {
  /** The engine `--engine` defaults to: the available one of highest priority. */
  default: boolean;
  /** tfjs only: the native packages installed (`@tensorflow/tfjs-node-gpu`, `@tensorflow/tfjs-node`). */
  nativeInstalled?: string[];
  /** tfjs only, without native packages: how to get them. */
  installHint?: string;
}

/** Runs `s4nn info` (see `commands/info.ts`). */
export async function infoAction(file: string | undefined, flags: InfoFlags): Promise<void> {
  if (flags.engines === true) {
    if (file !== undefined) throw new UsageError('give either a dataset file or --engines');
    return printEngines(await engineListing(), flags.json === true);
  }
  if (file === undefined) throw new UsageError('give a dataset file (or --engines)');
  requireFiles([file]);
  const started = performance.now();
  const table = await readDataset(file);
  const timings = { read: Math.round(performance.now() - started) };
  printSummary(summarizeDataset(table, file, timings), flags.json === true);
}

async function engineListing(): Promise<EngineListing[]> {
  const engines = await describeEngines();
  const chosen = engines.find((engine) => engine.available)?.name;
  return engines.map((engine) => {
    const listing: EngineListing = { ...engine, default: engine.name === chosen };
    if (engine.name !== TFJS_ENGINE) return listing;
    const native = installedNativeBackends().map((candidate) => candidate.name);
    return {
      ...listing,
      nativeInstalled: native,
      ...(native.length === 0 ? { installHint: TFJS_GPU_INSTALL_HINT } : {}),
    };
  });
}

function printEngines(engines: readonly EngineListing[], json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(engines)}\n`);
    return;
  }
  const lines = engines.flatMap((engine) => {
    const state = [
      `priority ${engine.priority}`,
      engine.available ? 'available' : 'not available',
      ...(engine.default ? ['the default'] : []),
    ].join(', ');
    return [
      `${engine.name} (${state}): ${engine.detail}`,
      ...(engine.installHint === undefined
        ? []
        : [`  no native tfjs backend installed: ${engine.installHint}`]),
    ];
  });
  process.stdout.write(`${lines.join('\n')}\n`);
}
