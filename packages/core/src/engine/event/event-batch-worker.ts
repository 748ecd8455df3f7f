/**
 * A worker thread of the event engine's batched evaluation (see EventWorkerPool): kernels built
 * once on the shared weight store, then one job (a range of samples) per message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { NetworkSpec } from '../../spec/network-spec.js';
import type { BatchResult } from '../results.js';
import { EventKernels } from './event-kernels.js';

/** What a worker is started with: the spec and the session's WeightStore (SharedArrayBuffers). */
export interface WorkerSetup {
  spec: NetworkSpec;
  transposed: Float64Array[];
  scales: Float64Array;
}

/**
 * One batch: forward all `count` samples of `inputs` into `out`, the threads taking `chunk` samples
 * at a time from the shared counter `nextSample[0]` (all on SharedArrayBuffers). The reply
 * echoes `id`, so a pool with several jobs queued on one worker settles the right one.
 */
export interface BatchJob {
  id: number;
  inputs: Uint16Array;
  count: number;
  chunk: number;
  nextSample: Int32Array;
  earlyExit: boolean;
  out: BatchResult;
}

if (parentPort !== null) {
  const port = parentPort;
  const setup = workerData as WorkerSetup;
  const kernels = new EventKernels(setup.spec, {
    transposed: setup.transposed,
    scales: setup.scales,
  });
  port.on('message', (job: BatchJob) => {
    try {
      for (;;) {
        const start = Atomics.add(job.nextSample, 0, job.chunk);
        if (start >= job.count) break;
        kernels.runBatch(
          job.inputs,
          start,
          Math.min(job.count, start + job.chunk),
          job.earlyExit,
          job.out,
        );
      }
      port.postMessage({ id: job.id });
    } catch (error) {
      port.postMessage({
        id: job.id,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  });
}
