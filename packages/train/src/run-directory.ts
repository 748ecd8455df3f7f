import fs from 'node:fs';
import path from 'node:path';
import {
  atomicWriteFile,
  loadModel,
  ModelFileError,
  saveModel,
  SpecError,
  type S4nnModel,
} from '@s4nn/core';
import {
  checkpointName,
  checkpointPosition,
  parseCheckpointState,
  type CheckpointState,
} from './checkpoint-state.js';
import type { TrainEvent } from './train-events.js';
import type { TrainOptions } from './train-options.js';

/** File and folder names inside a run directory. */
export const RUN_FILES = {
  config: 'config.json',
  events: 'events.ndjson',
  checkpoints: 'checkpoints',
  model: 'model',
  state: 'state.json',
} as const;

/** The default run directory: `runs/<timestamp>` under the working directory. */
export function defaultRunDirectory(now = new Date()): string {
  return path.join('runs', now.toISOString().replace(/[:.]/g, '-'));
}

/**
 * A run directory being written: `config.json` (the resolved options), `events.ndjson` (one
 * line per event, appended as it happens), `checkpoints/epoch-N/` (a model directory plus
 * `state.json`) and `model/` (the best model so far).
 */
export class RunDirectory {
  private eventsFile: number | undefined;

  constructor(readonly dir: string) {}

  /** Throws unless the directory holds no run yet: a new run never mixes its files with another's. */
  assertNoRun(): void {
    if (fs.existsSync(path.join(this.dir, RUN_FILES.config))) {
      throw new SpecError(
        `outDir ${this.dir} already holds a run (${RUN_FILES.config}); continue it with resume: '${this.dir}', or choose another outDir`,
        'outDir',
      );
    }
  }

  /** Creates the directory, writes `config.json` and opens the event log for appending (a resumed run continues it). */
  async open(options: TrainOptions): Promise<void> {
    await fs.promises.mkdir(this.dir, { recursive: true });
    await atomicWriteFile(
      path.join(this.dir, RUN_FILES.config),
      `${JSON.stringify(options, null, 2)}\n`,
    );
    this.eventsFile = fs.openSync(path.join(this.dir, RUN_FILES.events), 'a');
  }

  /** Appends `event` to `events.ndjson` (synchronously, so the log keeps the events' order). */
  appendEvent(event: TrainEvent): void {
    if (this.eventsFile !== undefined) fs.writeSync(this.eventsFile, `${JSON.stringify(event)}\n`);
  }

  close(): void {
    if (this.eventsFile !== undefined) fs.closeSync(this.eventsFile);
    this.eventsFile = undefined;
  }

  get modelPath(): string {
    return path.join(this.dir, RUN_FILES.model);
  }

  /** Saves the best model so far to `model/` (atomically, by core's saveModel). */
  async saveModel(model: S4nnModel): Promise<void> {
    await saveModel(this.modelPath, model);
  }

  /** The directory of the checkpoint at `position`. */
  checkpointDir(position: Pick<CheckpointState, 'epoch' | 'partial'>): string {
    return path.join(this.dir, RUN_FILES.checkpoints, checkpointName(position));
  }

  /**
   * Writes `checkpoints/epoch-N/` (or `epoch-N-at-M/` part-way through epoch N): the model, then
   * `state.json`. A checkpoint counts only once its `state.json` exists, and both are written to
   * temporary names and renamed, so an interruption leaves the previous checkpoint the last whole
   * one.
   */
  async writeCheckpoint(model: S4nnModel, state: CheckpointState): Promise<string> {
    const dir = this.checkpointDir(state);
    await saveModel(dir, model);
    await atomicWriteFile(path.join(dir, RUN_FILES.state), `${JSON.stringify(state, null, 2)}\n`);
    return dir;
  }
}

/** The resolved options a run directory was started with. */
export async function readRunConfig(dir: string): Promise<unknown> {
  const file = path.join(dir, RUN_FILES.config);
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'not found: is this a run directory?'
        : String(error);
    throw new ModelFileError(file, reason, { cause: error });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ModelFileError(file, `is not valid JSON (${(error as Error).message})`, {
      cause: error,
    });
  }
}

/** A whole checkpoint: its directory, state and model. */
export interface Checkpoint {
  dir: string;
  state: CheckpointState;
  model: S4nnModel;
}

/** The furthest checkpoint with a `state.json`, or undefined when there is none. */
export async function readLastCheckpoint(runDir: string): Promise<Checkpoint | undefined> {
  const root = path.join(runDir, RUN_FILES.checkpoints);
  const names = await fs.promises.readdir(root).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const positioned = names
    .map((name) => ({ name, position: checkpointPosition(name) }))
    .filter(
      (entry): entry is { name: string; position: [number, number] } =>
        entry.position !== undefined,
    )
    .sort((a, b) => b.position[0] - a.position[0] || b.position[1] - a.position[1]);
  for (const { name } of positioned) {
    const dir = path.join(root, name);
    const stateFile = path.join(dir, RUN_FILES.state);
    // Interrupted before its state was written: not a checkpoint. Any other failure to read it
    // is an error, not a reason to go back silently to an older checkpoint.
    const text = await fs.promises
      .readFile(stateFile, 'utf8')
      .catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
    if (text === undefined) continue;
    return { dir, state: parseCheckpointState(text, stateFile), model: await loadModel(dir) };
  }
  return undefined;
}
