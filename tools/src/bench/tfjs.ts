/**
 * Bench section `tfjs`: the tfjs engine on every backend present (tensorflow when tfjs-node-gpu
 * or tfjs-node is installed, wasm, cpu) against the event engine, on the paper's 784-400-10
 * network (seeded initial weights) and the first MNIST test images. Forward samples/s by batch
 * size (each batch one tensor program), online training (B = 1, the published rule) and
 * mini-batch training (B = 64, a different algorithm) samples/s. Best of 2 runs; the machine's
 * 2 cores are shared, so figures are noisy.
 */
import { performance } from 'node:perf_hooks';
import {
  bytesPerSample,
  createNetwork,
  createRng,
  createSession,
  createTfjsSession,
  createTrainStepResult,
  initWeights,
  paperMnistSpec,
  type Network,
} from '@s4nn/core';
import { mnistTestSpikeTimes } from '../tfjs/mnist-spike-times.js';
import { tfjsBackendsHere } from '../tfjs/tfjs-backends-here.js';
import type { BenchRow, BenchSection } from './table.js';

const FORWARD_BATCHES = [1, 16, 64, 256];
/** Samples per figure: slices small enough for the dense cpu backend. */
const FORWARD_SAMPLES = 256;
const TRAIN_SAMPLES = 64;

async function bestSeconds(runs: number, work: () => Promise<unknown>): Promise<number> {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await work();
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  return best;
}

const perSecond = (samples: number, seconds: number) => Math.round(samples / seconds);

/** The paper's network with seeded initial weights, a new copy per session. */
function freshNetwork(): Network {
  const spec = paperMnistSpec();
  return createNetwork(spec, initWeights(spec, createRng(1)));
}

/** Rows of the tfjs section; `backends` defaults to every backend present. */
export async function tfjsBenchRows(backends = tfjsBackendsHere()): Promise<BenchRow[]> {
  const { inputs, digits } = await mnistTestSpikeTimes(FORWARD_SAMPLES);
  const labels = Array.from(digits.subarray(0, TRAIN_SAMPLES));
  const trainInputs = inputs.subarray(0, TRAIN_SAMPLES * 784);
  const rows: BenchRow[] = [];
  const row = (name: string, value: number, note: string) =>
    rows.push({ section: 'tfjs', case: name, value, unit: 'samples/s', note });

  const event = await createSession(freshNetwork(), { engine: 'event' });
  const eventForward = perSecond(
    FORWARD_SAMPLES,
    await bestSeconds(2, () => event.forwardBatch(inputs)),
  );
  row('event forward (784-400-10, 1 thread)', eventForward, 'reference: the CPU engine');
  const step = createTrainStepResult(paperMnistSpec());
  const eventTrain = perSecond(
    TRAIN_SAMPLES,
    await bestSeconds(2, async () => {
      for (let s = 0; s < TRAIN_SAMPLES; s++)
        event.trainStep(trainInputs.subarray(s * 784, (s + 1) * 784), labels[s], step);
    }),
  );
  row('event train online (784-400-10)', eventTrain, 'reference: the CPU engine');
  await event.dispose();

  for (const backend of backends) {
    const probe = await createTfjsSession(freshNetwork(), { backend });
    const { potentials, info } = probe;
    await probe.dispose();
    const label = `${backend}${info.gpu ? ' (GPU)' : ''}, ${potentials}`;
    for (const batch of FORWARD_BATCHES) {
      // A budget of exactly `batch` samples makes every forward program take `batch` samples.
      const session = await createTfjsSession(freshNetwork(), {
        backend,
        memoryBudgetBytes: batch * bytesPerSample(paperMnistSpec(), false, potentials),
      });
      const count = backend === 'cpu' ? Math.min(FORWARD_SAMPLES, 4 * batch) : FORWARD_SAMPLES;
      const rate = perSecond(
        count,
        await bestSeconds(2, () => session.forwardBatch(inputs.subarray(0, count * 784))),
      );
      row(
        `tfjs ${label}: forward, batch ${batch}`,
        rate,
        `${(rate / eventForward).toFixed(2)}x event`,
      );
      await session.dispose();
    }
    if (backend !== 'cpu') {
      // The other formulation at batch 64 (the cpu backend's dense product is too slow to bother).
      const other = potentials === 'indicator' ? 'increments' : 'indicator';
      const session = await createTfjsSession(freshNetwork(), {
        backend,
        potentials: other,
        memoryBudgetBytes: 64 * bytesPerSample(paperMnistSpec(), false, other),
      });
      const rate = perSecond(
        FORWARD_SAMPLES,
        await bestSeconds(2, () => session.forwardBatch(inputs)),
      );
      row(
        `tfjs ${backend}, ${other}: forward, batch 64`,
        rate,
        `${(rate / eventForward).toFixed(2)}x event`,
      );
      await session.dispose();
    }
    for (const batchSize of [1, 64]) {
      const session = await createTfjsSession(freshNetwork(), { backend });
      const count = backend === 'cpu' && batchSize === 1 ? 8 : TRAIN_SAMPLES;
      const rate = perSecond(
        count,
        await bestSeconds(2, () =>
          session.trainBatch(trainInputs.subarray(0, count * 784), labels.slice(0, count), {
            batchSize,
          }),
        ),
      );
      const kind = batchSize === 1 ? 'online (B = 1)' : `mini-batch (B = ${batchSize})`;
      row(`tfjs ${label}: train ${kind}`, rate, `${(rate / eventTrain).toFixed(2)}x event online`);
      await session.dispose();
    }
  }
  return rows;
}

export const tfjsBench: BenchSection = () => tfjsBenchRows();
