import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { loadModel, type S4nnModel } from '@s4nn/core';
import { createServer, type S4nnServer } from './server.js';
import {
  directForward,
  randomModel,
  randomSamples,
  saveTemporaryModel,
} from './test-support/models.js';
import { NdjsonClient } from './test-support/ndjson-client.js';

const samples = randomSamples(30, 16, 5);
let model: S4nnModel;
let expected: Awaited<ReturnType<typeof directForward>>;
let modelDir: { dir: string; remove: () => Promise<void> };
let server: S4nnServer;
let url: string;

beforeAll(async () => {
  // Through the model files, as `s4nn serve --model DIR` loads them.
  modelDir = await saveTemporaryModel(randomModel(21));
  model = await loadModel(modelDir.dir);
  expected = await directForward(model, samples);
  server = await createServer(model, { bodyLimit: 4096, idleTimeoutMs: 400, batchSize: 4 });
  server.app.get('/test/fault', () => {
    throw new Error('cannot open /srv/secret/model.json');
  });
  url = await server.listen();
});
afterAll(async () => {
  await server.close();
  await modelDir.remove();
});

const post = (path: string, body: string, type = 'application/json') =>
  fetch(`${url}${path}`, { method: 'POST', body, headers: { 'content-type': type } });
const ndjson = (items: unknown[]) => items.map((item) => `${JSON.stringify(item)}\n`).join('');
const activeStreams = async () =>
  Number(/^s4nn_active_streams (\d+)$/m.exec(await (await fetch(`${url}/metrics`)).text())?.[1]);

async function eventually(check: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('createServer', () => {
  it('binds 127.0.0.1 by default', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers one sample as a direct engine forward does', async () => {
    const response = await post('/v1/predict', JSON.stringify({ values: samples[0], id: 'one' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ index: 0, id: 'one', ...expected[0] });
  });

  it('answers a batch in order, an error item for a bad sample', async () => {
    const response = await post(
      '/v1/predict',
      JSON.stringify([samples[1], { values: [1] }, { values: samples[2] }]),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([
      { index: 0, ...expected[1] },
      { index: 1, error: 'values holds 1 numbers; the model takes 16' },
      { index: 2, ...expected[2] },
    ]);
  });

  it('answers 400 to a bad sample, to bad JSON, and 413 over the body limit', async () => {
    const badSample = await post('/v1/predict', JSON.stringify({ times: [1, 2] }));
    expect(badSample.status).toBe(400);
    expect(await badSample.json()).toEqual({
      index: 0,
      error: 'times holds 2 numbers; the model takes 16',
    });
    const badJson = await post('/v1/predict', '{"values": [1, 2');
    expect(badJson.status).toBe(400);
    expect((await badJson.json()) as object).toHaveProperty('error');
    const tooLarge = await post('/v1/predict', JSON.stringify({ values: new Array(3000).fill(0) }));
    expect(tooLarge.status).toBe(413);
  });

  it('answers a fault of its own with 500 and no internals', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await fetch(`${url}/test/fault`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: 'internal error' });
    expect(String(logged.mock.calls[0][0])).toContain('/srv/secret/model.json');
    logged.mockRestore();
  });

  it('describes the model, health and metrics', async () => {
    expect(await (await fetch(`${url}/v1/model`)).json()).toEqual({
      spec: model.spec,
      classes: model.classes,
      encoder: model.encoder,
      provenance: model.provenance,
      inputWidth: 16,
      engine: 'event',
    });
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(
      /^s4nn_requests_total\{method="POST",route="\/v1\/predict",status="200"\} \d+$/m,
    );
    expect(metrics).toMatch(/^s4nn_predictions_total [1-9]\d*$/m);
    expect(metrics).toMatch(/^s4nn_errors_total [1-9]\d*$/m);
    expect(metrics).toMatch(/^s4nn_request_duration_seconds_bucket\{le="\+Inf"\} [1-9]\d*$/m);
  });

  it('streams: the first line arrives before the request ends; bad lines get their line number', async () => {
    const client = new NdjsonClient(`${url}/v1/predict/stream`);
    client.write(ndjson([{ values: samples[0], id: 'first' }]));
    expect(await client.nextItem()).toEqual({ index: 0, id: 'first', ...expected[0] });
    client.write(
      `${ndjson([samples[1]])}\n{"values": oops}\n${ndjson([{ times: [9] }, { values: samples[2] }])}`,
    );
    client.end(JSON.stringify(samples[3]));
    expect(client.status).toBe(200);
    expect(await client.rest()).toEqual([
      { index: 1, ...expected[1] },
      { index: 2, line: 4, error: expect.stringContaining('invalid JSON') },
      { index: 3, line: 5, error: 'times holds 1 numbers; the model takes 16' },
      { index: 4, ...expected[2] },
      { index: 5, ...expected[3] },
    ]);
  });

  it('streams more than the body limit through one connection, every line answered in order', async () => {
    const many = Array.from({ length: 400 }, (_, k) => samples[k % samples.length]);
    const response = await post('/v1/predict/stream', ndjson(many), 'application/x-ndjson');
    const lines = (await response.text())
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual(many.map((_, k) => ({ index: k, ...expected[k % samples.length] })));
  });

  it('closes a stalled stream after the idle timeout and frees it', async () => {
    const client = new NdjsonClient(`${url}/v1/predict/stream`);
    client.write(`${ndjson([samples[0]])}{"values": [1,`);
    expect(await client.nextItem()).toEqual({ index: 0, ...expected[0] });
    expect(await activeStreams()).toBe(1);
    await client.closed;
    await eventually(async () => (await activeStreams()) === 0);
  });

  it('frees a stream whose client disconnects mid-stream', async () => {
    const client = new NdjsonClient(`${url}/v1/predict/stream`);
    client.write(ndjson(samples.slice(0, 3)));
    await client.nextItem();
    expect(await activeStreams()).toBe(1);
    client.request.destroy();
    await eventually(async () => (await activeStreams()) === 0);
    // The server goes on serving.
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});

describe('a server process on SIGTERM', () => {
  it('stops accepting, finishes the stream in flight and exits 0', async () => {
    const script = fileURLToPath(new URL('./test-support/serve-child.ts', import.meta.url));
    const tsconfig = fileURLToPath(
      new URL('./test-support/tsconfig.sources.json', import.meta.url),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script, modelDir.dir], {
      env: { ...process.env, TSX_TSCONFIG_PATH: tsconfig },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    let stdout = '';
    child.stdout.setEncoding('utf8');
    const childUrl = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        const match = /^(http:\/\/\S+)$/m.exec(stdout);
        if (match) resolve(match[1]);
      });
      child.on('exit', () => reject(new Error(`child exited early: ${stdout}`)));
    });

    const client = new NdjsonClient(`${childUrl}/v1/predict/stream`);
    client.write(ndjson([samples[0]]));
    expect(await client.nextItem()).toEqual({ index: 0, ...expected[0] });
    child.kill('SIGTERM');
    await eventually(async () => stdout.includes('closing'));
    // New connections are refused while the stream in flight goes on to its end.
    await expect(fetch(`${childUrl}/healthz`)).rejects.toThrow();
    client.end(ndjson([samples[1], samples[2]]));
    expect(await client.rest()).toEqual([
      { index: 1, ...expected[1] },
      { index: 2, ...expected[2] },
    ]);
    expect(await exited).toBe(0);
    expect(stdout).toContain('closed');
  });
});
