import { setNetworkWeights, type Network } from '../../network/network.js';
import type { Rng } from '../../random/rng.js';
import type { Weights } from '../../spec/network-spec.js';
import { inputWidth, outputSize } from '../../spec/network-shape.js';
import { SpecError } from '../../spec/spec-error.js';
import { BatchedSession } from '../batched-session.js';
import {
  checkBatch,
  checkBatchOut,
  checkDropoutRng,
  checkLabel,
  checkSpikeTimes,
} from '../check-arguments.js';
import type { BatchOptions, EngineInfo, EngineOptions, EngineSession } from '../engine.js';
import { ForwardEarlyExit, Forward, TrainStep, type KernelName } from '../kernel-names.js';
import {
  createBatchResult,
  type BatchResult,
  type EarlyExitResult,
  type ForwardResult,
  type TrainStepResult,
} from '../results.js';
import { EventKernels } from './event-kernels.js';
import {
  createWeightStore,
  loadWeightStore,
  readWeightStore,
  type WeightStore,
} from './weight-store.js';
import { EventWorkerPool } from './event-worker-pool.js';

/** The name the event engine registers under. */
export const EVENT_ENGINE = 'event';

/** What every event session runs on (`session.info`, `describeEngines`). */
export const EVENT_ENGINE_INFO: Readonly<EngineInfo> = Object.freeze({
  engine: EVENT_ENGINE,
  backend: 'typed-arrays',
  device: 'cpu',
  detail: 'exact event-driven kernels in float64; worker threads on request (threads > 0)',
});

/**
 * A network bound to the event engine: the kernels of this thread, and a pool of worker
 * threads (started on the first batch that asks for threads) reading the same weight store on
 * SharedArrayBuffers.
 */
export class EventSession extends BatchedSession implements EngineSession {
  readonly engine = EVENT_ENGINE;
  readonly info: EngineInfo = EVENT_ENGINE_INFO;
  private readonly store: WeightStore;
  private readonly kernels: EventKernels;
  private readonly width: number;
  private readonly rng: Rng | undefined;
  private pool: EventWorkerPool | undefined;
  private pendingBatches = 0;
  private disposed = false;

  constructor(
    readonly network: Network,
    options: EngineOptions = {},
  ) {
    const { spec } = network;
    super();
    checkDropoutRng(spec, options.rng, EVENT_ENGINE);
    if (options.backend !== undefined && options.backend !== 'auto') {
      throw new SpecError(
        `event engine: option 'backend' must be auto or left out, the engine has one backend (got ${options.backend})`,
        'backend',
      );
    }
    this.rng = options.rng;
    this.width = inputWidth(spec);
    this.store = createWeightStore(spec, true);
    loadWeightStore(this.store, spec, network.weights);
    this.kernels = new EventKernels(spec, this.store);
  }

  forward(input: Uint16Array, out: ForwardResult): ForwardResult {
    this.checkUsable(Forward);
    checkSpikeTimes(input, this.width, 'input', Forward);
    return this.kernels.forward(input, 0, out);
  }

  forwardEarlyExit(input: Uint16Array, out: EarlyExitResult): EarlyExitResult {
    this.checkUsable(ForwardEarlyExit);
    checkSpikeTimes(input, this.width, 'input', ForwardEarlyExit);
    return this.kernels.forwardEarlyExit(input, 0, out);
  }

  trainStep(input: Uint16Array, label: number, out: TrainStepResult): TrainStepResult {
    this.checkUsable(TrainStep);
    this.checkNoBatchPending(TrainStep);
    checkSpikeTimes(input, this.width, 'input', TrainStep);
    checkLabel(label, outputSize(this.network.spec), TrainStep);
    return this.kernels.trainStep(input, label, this.rng, out);
  }

  getWeights(): Weights {
    readWeightStore(this.store, this.network.spec, this.network.weights);
    return this.network.weights;
  }

  setWeights(weights: Weights): void {
    this.checkUsable(TrainStep);
    this.checkNoBatchPending(TrainStep);
    setNetworkWeights(this.network, weights);
    loadWeightStore(this.store, this.network.spec, this.network.weights);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const pool = this.pool;
    this.pool = undefined;
    if (pool !== undefined) await pool.close();
  }

  protected async runBatch(
    inputs: Uint16Array,
    options: BatchOptions,
    kernel: KernelName,
  ): Promise<BatchResult> {
    this.checkUsable(kernel);
    const count = checkBatch(inputs, this.width, kernel);
    const threads = options.threads ?? 0;
    if (!Number.isInteger(threads) || threads < 0) {
      throw new SpecError(
        `${kernel}: options.threads must be a non-negative integer (got ${threads})`,
        'threads',
      );
    }
    const out =
      options.out === undefined
        ? createBatchResult(this.network.spec, count, threads > 0)
        : checkBatchOut(options.out, count, kernel);
    const earlyExit = options.earlyExit === true;
    if (threads === 0) {
      this.kernels.runBatch(inputs, 0, count, earlyExit, out);
      return out;
    }
    this.pendingBatches++;
    try {
      this.pool ??= new EventWorkerPool(this.network.spec, this.store);
      await this.pool.run(inputs, count, earlyExit, threads, out);
      return out;
    } finally {
      this.pendingBatches--;
    }
  }

  private checkUsable(kernel: KernelName): void {
    if (this.disposed) throw new Error(`${kernel}: the event session has been disposed`);
  }

  private checkNoBatchPending(kernel: KernelName): void {
    if (this.pendingBatches > 0) {
      throw new Error(
        `${kernel}: cannot change the weights while a batch is running on worker threads`,
      );
    }
  }
}
