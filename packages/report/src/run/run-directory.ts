import fs from 'node:fs/promises';
import path from 'node:path';
import { MANIFEST_FILE } from '@s4nn/core';
import { RUN_FILES } from '@s4nn/train';
import { EVENTS_FILE, readRunEvents, type RunEvent } from './run-events.js';

/** What a run directory holds, finished or still in progress. */
export interface RunDirectory {
  dir: string;
  /** `config.json` (the resolved training options), or undefined when absent. */
  config: Record<string, unknown> | undefined;
  /** Its path, for error messages. */
  configFile: string;
  events: RunEvent[];
  /** True once a `run-end` event was written. */
  finished: boolean;
  /** The model to show: `model/` when the run finished, else the latest complete `checkpoints/epoch-N/` (else `model/`). */
  modelDir: string | undefined;
  /** Describes `modelDir` for people: `final model`, `checkpoint of epoch N`, `best model so far`. */
  modelLabel: string | undefined;
}

/**
 * Reads what the report needs from a run directory written by `@s4nn/train`: `config.json`,
 * `events.ndjson`, and the final model or, for a run in progress, its latest checkpoint.
 *
 * ## Example
 * ```ts
 * const run = await readRunDirectory('runs/2026-12-04T20-00-00');
 * run.finished; // false while training goes on
 * ```
 */
export async function readRunDirectory(dir: string): Promise<RunDirectory> {
  const stat = await fs.stat(dir).catch(() => undefined);
  if (!stat?.isDirectory()) throw new Error(`report: run directory ${dir} does not exist`);
  const configFile = path.join(dir, RUN_FILES.config);
  const config = await readConfig(configFile);
  const events = await readRunEvents(path.join(dir, EVENTS_FILE));
  if (config === undefined && events.length === 0) {
    throw new Error(
      `report: ${dir} is not a run directory (it has neither ${RUN_FILES.config} nor ${EVENTS_FILE})`,
    );
  }
  const finished = events.some((event) => event.type === 'run-end');
  return { dir, config, configFile, events, finished, ...(await modelToShow(dir, finished)) };
}

/**
 * A finished run shows its final (best) model; a run in progress its latest checkpoint, which is
 * newer than the best-so-far model it may also have written.
 */
async function modelToShow(
  dir: string,
  finished: boolean,
): Promise<Pick<RunDirectory, 'modelDir' | 'modelLabel'>> {
  const finalModel = path.join(dir, RUN_FILES.model);
  const hasFinal = await hasManifest(finalModel);
  if (finished && hasFinal) return { modelDir: finalModel, modelLabel: 'final model' };
  const checkpoint = await latestCheckpoint(path.join(dir, RUN_FILES.checkpoints));
  if (checkpoint !== undefined) {
    return { modelDir: checkpoint.dir, modelLabel: `checkpoint of epoch ${checkpoint.epoch}` };
  }
  if (!hasFinal) return { modelDir: undefined, modelLabel: undefined };
  return { modelDir: finalModel, modelLabel: finished ? 'final model' : 'best model so far' };
}

async function readConfig(file: string): Promise<Record<string, unknown> | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${file}: expected a JSON object of training options`);
  }
  return value as Record<string, unknown>;
}

async function hasManifest(modelDir: string): Promise<boolean> {
  return fs.stat(path.join(modelDir, MANIFEST_FILE)).then(
    (stat) => stat.isFile(),
    () => false,
  );
}

/** The complete checkpoint (manifest present) with the highest epoch number. */
async function latestCheckpoint(
  checkpointsDir: string,
): Promise<{ dir: string; epoch: number } | undefined> {
  const names = await fs.readdir(checkpointsDir).catch(() => [] as string[]);
  const epochs = names
    .map((name) => /^epoch-(\d+)$/.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Number(match[1]))
    .sort((a, b) => b - a);
  for (const epoch of epochs) {
    const dir = path.join(checkpointsDir, `epoch-${epoch}`);
    if (await hasManifest(dir)) return { dir, epoch };
  }
  return undefined;
}
