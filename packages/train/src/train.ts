import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { Observable, type Subscription } from 'rxjs';
import {
  createSession,
  initWeights,
  redrawDeadNeurons,
  weightsFromNpz,
  type EngineSession,
  type JsonValue,
  type Rng,
  type S4nnModel,
  type Weights,
} from '@s4nn/core';
import { CHECKPOINT_FORMAT, type CheckpointState, type PartialEpoch } from './checkpoint-state.js';
import { withAbsolutePaths } from './absolute-paths.js';
import { evaluateSession, evaluationFigures } from './evaluate.js';
import { loadTrainingData, type DatasetSummary, type TrainingData } from './load-training-data.js';
import {
  defaultRunDirectory,
  readLastCheckpoint,
  readRunConfig,
  RunDirectory,
  type Checkpoint,
} from './run-directory.js';
import { runRandom } from './run-random.js';
import { trainEpoch } from './train-epoch.js';
import type { EpochFigures, TrainEvent } from './train-events.js';
import type { TrainOptions } from './train-options.js';
import { validateTrainOptions } from './validate-train-options.js';

const { version: S4NN_VERSION } = createRequire(import.meta.url)('../package.json') as {
  version: string;
};

/** Ways to steer a run from outside, besides unsubscribing. */
export interface TrainControls {
  /**
   * When this emits (e.g. `fromEvent(process, 'SIGINT')`), the run stops at the next
   * synchronisation point: every 4096 samples from an epoch's start (`SYNC_SAMPLES`), or the
   * epoch's end, whichever comes first (during an evaluation, once it ends). There it writes a
   * checkpoint of exactly where it stands, even part-way through an epoch, emits `checkpoint` and
   * `stopped`, and completes. Resuming from that checkpoint ends with bit-identical weights.
   */
  stop$?: Observable<unknown>;
}

/**
 * A whole training run as a cold Observable of typed events: nothing happens until it is
 * subscribed, and every subscription is a run of its own. Events come in this order:
 * `run-start`, then per epoch `epoch-start`, `progress`..., `dead-neurons` (when re-drawing),
 * `epoch-end`, `checkpoint` (every `checkpointEvery` epochs and after the last), and finally
 * `early-stop` (if it stopped early) and `run-end`, or `checkpoint` and `stopped` when stopped by
 * `controls.stop$`. Every event is appended to the run directory's `events.ndjson` as it is
 * emitted.
 *
 * Unsubscribing stops the run at the next sample boundary and writes nothing more; checkpoints
 * already written stay whole (one being written is finished first). A run stopped either way
 * continues with `resume: outDir` from its last checkpoint and ends with the same weights, bit
 * for bit, as a run never stopped. With `resume`, the run directory's `config.json` defines the run; only
 * `engine`, `backend`, `threads`, `progressThrottleMs` and `cacheDir` are taken from `options`.
 *
 * ## Example
 * ```ts
 * train$(resolveTrainOptions({ preset: 'paper-mnist', overrides: { epochs: 2 } }), {
 *   stop$: fromEvent(process, 'SIGINT'),
 * })
 *   .pipe(filter((event) => event.type === 'epoch-end'))
 *   .subscribe((event) => console.log(event.epoch, event.test.accuracy));
 * ```
 */
export function train$(
  options: TrainOptions,
  controls: TrainControls = {},
): Observable<TrainEvent> {
  return new Observable<TrainEvent>((subscriber) => {
    const controller = new AbortController();
    let stopRequested = false;
    const stopping: Subscription | undefined = controls.stop$?.subscribe(
      () => (stopRequested = true),
    );
    runTraining(options, {
      emit: (event) => subscriber.next(event),
      signal: controller.signal,
      stopRequested: () => stopRequested,
    }).then(
      () => subscriber.complete(),
      (error: unknown) => {
        if (!controller.signal.aborted) subscriber.error(error);
      },
    );
    return () => {
      controller.abort();
      stopping?.unsubscribe();
    };
  });
}

/** How a run talks to its subscriber. */
interface RunChannel {
  emit: (event: TrainEvent) => void;
  signal: AbortSignal;
  stopRequested: () => boolean;
}

async function runTraining(input: TrainOptions, channel: RunChannel): Promise<void> {
  const requested = validateTrainOptions(input);
  const options = requested.resume === undefined ? requested : await resumedOptions(requested);
  const checkpoint =
    requested.resume === undefined ? undefined : await readLastCheckpoint(requested.resume);
  const outDir = options.outDir ?? defaultRunDirectory();
  // Absolute input paths: config.json (read by resume, `s4nn report`, `s4nn eval --model`)
  // then works from any working directory.
  const resolved: TrainOptions = { ...withAbsolutePaths(options), outDir };
  delete resolved.resume;
  const runDir = new RunDirectory(outDir);
  if (requested.resume === undefined) runDir.assertNoRun();
  const data = await loadTrainingData(resolved);
  const random = runRandom(resolved.seed);
  if (checkpoint !== undefined) random.training.setState(checkpoint.state.rng);
  const weights = await startingWeights(resolved, random.init, checkpoint);
  channel.signal.throwIfAborted();
  const session = await createSession(
    { spec: resolved.network, weights },
    { engine: resolved.engine, backend: resolved.backend, rng: random.training },
  );
  try {
    await runDir.open(resolved);
    const send = (event: TrainEvent) => {
      if (channel.signal.aborted) return; // unsubscribed: nothing more is emitted or logged
      runDir.appendEvent(event);
      channel.emit(event);
    };
    await new EpochLoop(resolved, data, session, runDir, random.training, {
      ...channel,
      emit: send,
    }).run(checkpoint);
  } finally {
    runDir.close();
    await session.dispose();
  }
}

/** The options of the run being resumed, with the caller's engine, backend, threads, throttle and cache. */
async function resumedOptions(requested: TrainOptions): Promise<TrainOptions> {
  const dir = requested.resume as string;
  const saved = validateTrainOptions(await readRunConfig(dir));
  return {
    ...saved,
    outDir: dir,
    engine: requested.engine,
    backend: requested.backend,
    threads: requested.threads,
    progressThrottleMs: requested.progressThrottleMs,
    cacheDir: requested.cacheDir,
  };
}

async function startingWeights(
  options: TrainOptions,
  initRng: Rng,
  checkpoint: Checkpoint | undefined,
): Promise<Weights> {
  if (checkpoint !== undefined) return checkpoint.model.weights;
  if (options.initWeights !== undefined) {
    return weightsFromNpz(
      await readFile(options.initWeights),
      options.network,
      options.initWeights,
    );
  }
  return initWeights(options.network, initRng);
}

/** The epochs of one run, from the first to train to `run-end` (or `stopped`). */
class EpochLoop {
  private best: EpochFigures | undefined;
  private last: EpochFigures | undefined;

  constructor(
    private readonly options: TrainOptions,
    private readonly data: TrainingData,
    private readonly session: EngineSession,
    private readonly runDir: RunDirectory,
    private readonly rng: Rng,
    private readonly channel: RunChannel,
  ) {}

  async run(checkpoint: Checkpoint | undefined): Promise<void> {
    const { options, channel } = this;
    const completed = checkpoint?.state.epoch ?? 0;
    let partial = checkpoint?.state.partial;
    this.best = checkpoint?.state.best;
    this.last = checkpoint?.state.last;
    channel.emit({
      type: 'run-start',
      spec: options.network,
      dataset: this.data.summary,
      engine: this.session.engine,
      engineInfo: this.session.info,
      options,
      outDir: this.runDir.dir,
      firstEpoch: completed + 1,
      ...(checkpoint === undefined ? {} : { resumedFrom: checkpoint.dir }),
    });
    // A run resumed from the checkpoint of its early stop has nothing left to train.
    const stoppedEarly = partial === undefined && this.isPastPatience(completed);
    for (let epoch = completed + 1; epoch <= options.epochs && !stoppedEarly; epoch++) {
      if (channel.stopRequested()) return this.stop(epoch - 1, partial);
      const outcome = await this.epoch(epoch, partial);
      partial = undefined;
      if (outcome === 'aborted' || channel.signal.aborted) return;
      if ('samplesDone' in outcome) return this.stop(epoch - 1, outcome); // a partial epoch
      const bestEpoch = (this.best as EpochFigures).epoch;
      const stopEarly = this.isPastPatience(epoch);
      const every = options.checkpointEvery;
      const due = every > 0 && (epoch % every === 0 || epoch === options.epochs || stopEarly);
      if (due) await this.checkpoint({ epoch });
      if (channel.signal.aborted) return;
      if (stopEarly) {
        channel.emit({
          type: 'early-stop',
          epoch,
          bestEpoch,
          patience: options.earlyStoppingPatience,
        });
        break;
      }
      if (channel.stopRequested()) return this.stop(epoch, undefined, due);
    }
    if (this.best === undefined || this.last === undefined) return;
    channel.emit({
      type: 'run-end',
      bestEpoch: this.best.epoch,
      best: this.best,
      final: this.last,
      epochsRun: this.last.epoch,
      modelPath: this.runDir.modelPath,
      outDir: this.runDir.dir,
    });
  }

  /** Early stopping: `earlyStoppingPatience` epochs have passed since the best one. */
  private isPastPatience(epoch: number): boolean {
    const patience = this.options.earlyStoppingPatience;
    return patience > 0 && this.best !== undefined && epoch - this.best.epoch >= patience;
  }

  /**
   * Trains, re-draws, evaluates and keeps the model of one epoch. Returns its figures, the
   * partial epoch when stopped on request, or 'aborted' when unsubscribed.
   */
  private async epoch(
    epoch: number,
    resumeFrom: PartialEpoch | undefined,
  ): Promise<EpochFigures | PartialEpoch | 'aborted'> {
    const { options, session, data, channel } = this;
    const { signal } = channel;
    const started = performance.now();
    const samplesDone = resumeFrom?.samplesDone ?? 0;
    channel.emit({
      type: 'epoch-start',
      epoch,
      epochs: options.epochs,
      samples: data.train.count,
      samplesDone,
    });
    const outcome = await trainEpoch({
      session,
      samples: data.train,
      epoch,
      rng: this.rng,
      shuffle: options.shuffle,
      progressThrottleMs: options.progressThrottleMs,
      onProgress: channel.emit,
      signal,
      stopRequested: channel.stopRequested,
      ...(resumeFrom === undefined ? {} : { resumeFrom }),
    });
    if (outcome.status === 'aborted') return 'aborted';
    if (outcome.status === 'stopped') return outcome.partial;
    const deadNeuronsRedrawn = options.network.layers.map(() => 0);
    if (options.deadNeuronReset) {
      // Spec 5: re-drawn before the evaluations, so the figures are those of the weights kept.
      const network = { spec: options.network, weights: session.getWeights() };
      const redrawn = redrawDeadNeurons(network, outcome.fireCounts, data.train.count, this.rng);
      session.setWeights(network.weights);
      redrawn.forEach((count, l) => (deadNeuronsRedrawn[l] = count));
      channel.emit({
        type: 'dead-neurons',
        epoch,
        redrawn,
        total: redrawn.reduce((a, b) => a + b, 0),
      });
    }
    const evaluation = { threads: options.threads, signal };
    try {
      const validation =
        data.validation && (await evaluateSession(session, data.validation, evaluation));
      const test = await evaluateSession(session, data.test, evaluation);
      const figures: EpochFigures = {
        epoch,
        training: outcome.figures,
        ...(validation === undefined ? {} : { validation: evaluationFigures(validation) }),
        test: evaluationFigures(test),
        deadNeuronsRedrawn,
        seconds: (performance.now() - started) / 1000 + (resumeFrom?.seconds ?? 0),
      };
      channel.emit({ type: 'epoch-end', ...figures });
      this.last = figures;
      if (isBetter(figures, this.best)) {
        this.best = figures;
        await this.runDir.saveModel(this.model(epoch));
      }
      return figures;
    } catch (error) {
      if (signal.aborted) return 'aborted';
      throw error;
    }
  }

  /** Writes a checkpoint of `completed` epochs (plus `partial`, if any) and emits `stopped`. */
  private async stop(
    completed: number,
    partial: PartialEpoch | undefined,
    checkpointWritten = false,
  ): Promise<void> {
    const position = { epoch: completed, ...(partial === undefined ? {} : { partial }) };
    const dir = checkpointWritten
      ? this.runDir.checkpointDir(position)
      : await this.checkpoint(position);
    if (this.channel.signal.aborted) return;
    this.channel.emit({
      type: 'stopped',
      epoch: partial === undefined ? completed : completed + 1,
      samplesDone: partial?.samplesDone ?? (completed === 0 ? 0 : this.data.train.count),
      checkpoint: dir,
    });
  }

  private async checkpoint(position: Pick<CheckpointState, 'epoch' | 'partial'>): Promise<string> {
    const state: CheckpointState = {
      format: CHECKPOINT_FORMAT,
      formatVersion: 1,
      ...position,
      rng: this.rng.getState(),
      ...(this.best === undefined ? {} : { best: this.best }),
      ...(this.last === undefined ? {} : { last: this.last }),
    };
    const dir = await this.runDir.writeCheckpoint(this.model(position.epoch), state);
    if (!this.channel.signal.aborted)
      this.channel.emit({ type: 'checkpoint', epoch: position.epoch, path: dir });
    return dir;
  }

  /** The model of the session's current weights, with its provenance. */
  private model(epoch: number): S4nnModel {
    const { options, data } = this;
    return {
      spec: options.network,
      weights: this.session.getWeights(),
      encoder: data.encoder,
      classes: {
        names: data.classNames,
        ...(data.categories === undefined ? {} : { categories: data.categories }),
      },
      provenance: {
        s4nnVersion: S4NN_VERSION,
        seed: options.seed,
        epochs: epoch,
        // Where this machine cached the data says nothing about the model.
        dataset: withoutCache(data.summary) as unknown as JsonValue,
        engine: this.session.engine,
        shuffle: options.shuffle,
        validationFraction: options.validationFraction,
        ...(options.initWeights === undefined ? {} : { initWeights: options.initWeights }),
      },
    };
  }
}

function withoutCache(summary: DatasetSummary): Omit<DatasetSummary, 'cache'> {
  const { cache: _cache, ...rest } = summary;
  return rest;
}

/** Model selection (spec 5): validation accuracy, never test; without validation the latest epoch wins. */
function isBetter(figures: EpochFigures, best: EpochFigures | undefined): boolean {
  if (best === undefined || figures.validation === undefined || best.validation === undefined)
    return true;
  return figures.validation.accuracy > best.validation.accuracy;
}
