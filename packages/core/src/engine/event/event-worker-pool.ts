import { Worker } from 'node:worker_threads';
import type { NetworkSpec } from '../../spec/network-spec.js';
import { createBatchResult, type BatchResult } from '../results.js';
import type { WeightStore } from './weight-store.js';
import type { BatchJob, WorkerSetup } from './event-batch-worker.js';

/**
 * How to start a worker. A build runs `event-batch-worker.js` beside this file. Under Jest (or
 * tsx) this module is the `.ts` source and Node 20 cannot run TypeScript in a worker by itself;
 * `execArgv: ['--import', 'tsx']` does not reach a worker's entry module on Node 20, so the worker
 * starts from a two-line script that registers tsx's loader in that thread and then imports the
 * `.ts` worker. (`tsx` is a dev dependency of the workspace: only source runs need it.)
 */
function startWorker(workerData: WorkerSetup): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./event-batch-worker.js', import.meta.url), { workerData });
  }
  const entry = JSON.stringify(new URL('./event-batch-worker.ts', import.meta.url).href);
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${entry}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/** Samples a worker takes from the batch at a time. */
const CHUNK_SAMPLES = 64;

/** A job waiting for one worker's reply. */
interface PendingReply {
  resolve(): void;
  reject(error: Error): void;
}

/** A worker and the jobs posted to it that it has not answered yet, by job id. */
interface PoolWorker {
  worker: Worker;
  pending: Map<number, PendingReply>;
}

/** What a worker posts back after a job: its id, and the error message if it failed. */
interface JobReply {
  id: number;
  error?: string;
}

/**
 * Worker threads for batched evaluation (Node-only). Every worker builds its own EventKernels on
 * the session's weight store, which lives on SharedArrayBuffers: the weights are shared
 * read-only, never copied per call. Each sample's computation is the same code on the same
 * weights as in the calling thread, so the results are identical to a single-thread run.
 *
 * Concurrent `run` calls are safe: every job carries an id that its replies echo, so a worker
 * that has two jobs queued settles each when its own reply arrives (a worker runs its jobs one
 * after another, in the order posted).
 */
export class EventWorkerPool {
  private readonly workers: PoolWorker[] = [];
  private nextJobId = 0;

  constructor(
    private readonly spec: NetworkSpec,
    private readonly store: WeightStore,
  ) {}

  async run(
    inputs: Uint16Array,
    count: number,
    earlyExit: boolean,
    threads: number,
    out: BatchResult,
  ): Promise<void> {
    while (this.workers.length < threads) this.workers.push(this.spawn());
    const sharedInputs = inputs.buffer instanceof SharedArrayBuffer ? inputs : copyToShared(inputs);
    const target = isShared(out) ? out : createBatchResult(this.spec, count, true);
    // Threads take chunks of samples from a shared counter until none are left, so a thread slowed
    // by another process (the cores are shared) takes fewer; which thread computes a sample does
    // not change its result.
    const nextSample = new Int32Array(new SharedArrayBuffer(4));
    const job: BatchJob = {
      id: this.nextJobId++,
      inputs: sharedInputs,
      count,
      chunk: CHUNK_SAMPLES,
      nextSample,
      earlyExit,
      out: target,
    };
    const jobs = this.workers.slice(0, threads).map((entry) => post(entry, job));
    await Promise.all(jobs);
    if (target !== out) copyBatch(target, out);
  }

  async close(): Promise<void> {
    const entries = this.workers.splice(0);
    await Promise.all(entries.map((entry) => entry.worker.terminate()));
  }

  private spawn(): PoolWorker {
    const worker = startWorker({
      spec: this.spec,
      transposed: this.store.transposed,
      scales: this.store.scales,
    });
    const entry: PoolWorker = { worker, pending: new Map() };
    // A failed worker fails every job it holds and leaves the pool (the next batch starts a new one).
    const fail = (error: Error) => {
      const index = this.workers.indexOf(entry);
      if (index >= 0) this.workers.splice(index, 1);
      const pending = [...entry.pending.values()];
      entry.pending.clear();
      worker.unref();
      for (const job of pending) job.reject(error);
    };
    worker.on('message', (reply: JobReply) => {
      const job = entry.pending.get(reply.id);
      if (job === undefined) return;
      entry.pending.delete(reply.id);
      if (entry.pending.size === 0) worker.unref();
      if (reply.error !== undefined) job.reject(new Error(`event engine worker: ${reply.error}`));
      else job.resolve();
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      fail(new Error(`event engine worker exited with code ${code} during a batch`));
    });
    // An idle pool must not keep the process alive; `post` holds a reference while jobs wait.
    worker.unref();
    return entry;
  }
}

/** Posts `job` to one worker; settles when that worker answers this job's id. */
function post(entry: PoolWorker, job: BatchJob): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    entry.pending.set(job.id, { resolve, reject });
    entry.worker.ref();
    entry.worker.postMessage(job);
  });
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
