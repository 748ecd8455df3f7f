import { Worker } from 'node:worker_threads';
import type { NetworkSpec } from '../../spec/network-spec.js';
import { createBatchResult, type BatchResult } from '../results.js';
import type { WeightStore } from './weight-store.js';
import type { BatchJob, WorkerSetup } from './event-batch-worker.js';

/**
 * Where the worker's code is. A build runs `event-batch-worker.js` beside this file. Under Jest
 * (and tsx) this module is the `.ts` source, and Node cannot run TypeScript in a worker by
 * itself, so the worker runs the `.ts` file with the tsx loader (`--import tsx`).
 */
function workerEntry(): { url: URL; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  return fromSource
    ? { url: new URL('./event-batch-worker.ts', import.meta.url), execArgv: ['--import', 'tsx'] }
    : { url: new URL('./event-batch-worker.js', import.meta.url), execArgv: [] };
}

/**
 * Worker threads for batched evaluation (Node-only). Every worker builds its own EventKernels on
 * the session's weight store, which lives on SharedArrayBuffers: the weights are shared
 * read-only, never copied per call. A batch is split into one contiguous range of samples per
 * thread; each sample's computation is the same code on the same weights as in the calling
 * thread, so the results are identical to a single-thread run.
 */
export class EventWorkerPool {
  private readonly workers: Worker[] = [];

  constructor(
    private readonly spec: NetworkSpec,
    private readonly store: WeightStore,
  ) {}

  async run(inputs: Uint16Array, count: number, earlyExit: boolean, threads: number, out: BatchResult): Promise<void> {
    while (this.workers.length < threads) this.workers.push(this.spawn());
    const sharedInputs = inputs.buffer instanceof SharedArrayBuffer ? inputs : copyToShared(inputs);
    const target = isShared(out) ? out : createBatchResult(this.spec, count, true);
    const jobs: Promise<void>[] = [];
    for (let w = 0; w < threads; w++) {
      const start = Math.floor((w * count) / threads);
      const end = Math.floor(((w + 1) * count) / threads);
      if (start < end) jobs.push(this.runJob(this.workers[w], { inputs: sharedInputs, start, end, earlyExit, out: target }));
    }
    await Promise.all(jobs);
    if (target !== out) copyBatch(target, out);
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private spawn(): Worker {
    const { url, execArgv } = workerEntry();
    const setup: WorkerSetup = { spec: this.spec, transposed: this.store.transposed, scales: this.store.scales };
    const worker = new Worker(url, { workerData: setup, execArgv });
    // An idle pool must not keep the process alive; `runJob` holds a reference while it waits.
    worker.unref();
    return worker;
  }

  private runJob(worker: Worker, job: BatchJob): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const cleanUp = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        worker.unref();
      };
      const onMessage = (message: { error?: string }) => {
        cleanUp();
        if (message.error !== undefined) reject(new Error(`event engine worker: ${message.error}`));
        else resolve();
      };
      const onError = (error: Error) => {
        cleanUp();
        reject(error);
      };
      const onExit = (code: number) => {
        cleanUp();
        reject(new Error(`event engine worker exited with code ${code} during a batch`));
      };
      worker.ref();
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(job);
    });
  }
}

function copyToShared(inputs: Uint16Array): Uint16Array {
  const shared = new Uint16Array(new SharedArrayBuffer(inputs.byteLength));
  shared.set(inputs);
  return shared;
}

function isShared(batch: BatchResult): boolean {
  return [
    batch.predictions,
    batch.lowestIndexPredictions,
    batch.decisionTimes,
    batch.fallback,
    batch.tiedAtMinimum,
    batch.outputTimes,
    batch.spikes,
  ].every((array) => array.buffer instanceof SharedArrayBuffer);
}

function copyBatch(from: BatchResult, to: BatchResult): void {
  to.predictions.set(from.predictions);
  to.lowestIndexPredictions.set(from.lowestIndexPredictions);
  to.decisionTimes.set(from.decisionTimes);
  to.fallback.set(from.fallback);
  to.tiedAtMinimum.set(from.tiedAtMinimum);
  to.outputTimes.set(from.outputTimes);
  to.spikes.set(from.spikes);
}
