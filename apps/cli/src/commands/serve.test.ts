import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng, initWeights, paperMnistSpec, saveModel } from '@s4nn/core';
import { bundledMnistPaths, datasetView, readDataset } from '@s4nn/data';
import { requireBuiltCli, runS4nn, startS4nn } from '../test-support/run-s4nn.js';

const COUNT = 20;
let dir: string;
let modelDir: string;
let samplesFile: string;
let csvFile: string;
let evalLines: Record<string, unknown>[];

/** The fields `s4nn eval --predictions` and the serve package's predictions share. */
const shared = (line: Record<string, unknown>) => ({
  index: line.index,
  prediction: line.prediction,
  class: line.class,
  decisionTime: line.decisionTime,
  outputTimes: line.outputTimes,
});
const parseLines = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

beforeAll(async () => {
  requireBuiltCli();
  dir = mkdtempSync(join(tmpdir(), 's4nn-cli-serve-'));
  modelDir = join(dir, 'model');
  // A 784-400-10 network with random weights in the paper's ranges (no training needed).
  const spec = paperMnistSpec();
  const cats = [4, 1, 0, 7, 9, 2, 3, 5, 8, 6];
  await saveModel(modelDir, {
    spec,
    weights: initWeights(spec, createRng(5)),
    encoder: { type: 'latency', tmax: 256, maxValue: 255 },
    classes: { names: cats.map(String), categories: cats },
  });
  const { features, labels, width } = datasetView(await readDataset(bundledMnistPaths('test')));
  samplesFile = join(dir, 'samples.ndjson');
  const lines = Array.from({ length: COUNT }, (_, s) =>
    JSON.stringify({ values: Array.from(features.subarray(s * width, (s + 1) * width)) }),
  );
  writeFileSync(samplesFile, `${lines.join('\n')}\n`);
  csvFile = join(dir, 'samples.csv');
  const header = [...Array.from({ length: width }, (_, i) => `p${i}`), 'label'].join(',');
  const rows = Array.from({ length: COUNT }, (_, s) =>
    [...features.subarray(s * width, (s + 1) * width), labels[s]].join(','),
  );
  writeFileSync(csvFile, `${header}\n${rows.join('\n')}\n`);
  const predictionsFile = join(dir, 'eval.ndjson');
  const evaluated = runS4nn([
    'eval',
    '--model',
    modelDir,
    '--dataset',
    'mnist',
    '--limit',
    String(COUNT),
    '--predictions',
    predictionsFile,
  ]);
  expect(evaluated).toMatchObject({ status: 0, stderr: '' });
  evalLines = parseLines(readFileSync(predictionsFile, 'utf8'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('s4nn predict', () => {
  it('answers an NDJSON file as s4nn eval --predictions does', () => {
    const run = runS4nn(['predict', '--model', modelDir, samplesFile]);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(parseLines(run.stdout).map(shared)).toEqual(evalLines.map(shared));
  });

  it('reads a CSV dataset with early exit: the same decisions, one line per sample', () => {
    const run = runS4nn(['predict', '--model', modelDir, csvFile, '--early-exit']);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    const decision = (line: Record<string, unknown>) => [
      line.index,
      line.prediction,
      line.decisionTime,
    ];
    expect(parseLines(run.stdout).map(decision)).toEqual(evalLines.map(decision));
  });

  it('runs on the tfjs engine with the backend asked for, to the same decisions', () => {
    const run = runS4nn([
      'predict',
      '--model',
      modelDir,
      samplesFile,
      '--engine',
      'tfjs',
      '--backend',
      'cpu',
    ]);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    const prediction = (line: Record<string, unknown>) => line.prediction;
    expect(parseLines(run.stdout).map(prediction)).toEqual(evalLines.map(prediction));
  });

  it('exits 2 naming a missing model directory', () => {
    const run = runS4nn(['predict', '--model', join(dir, 'nowhere'), samplesFile]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('model directory not found');
  });
});

describe('s4nn serve', () => {
  it('prints its address and a curl example, streams as s4nn eval, exits 0 on SIGTERM', async () => {
    const server = startS4nn(['serve', '--model', modelDir, '--port', '0']);
    let stdout = '';
    server.stdout?.setEncoding('utf8');
    const address = await new Promise<string>((resolve, reject) => {
      server.stdout?.on('data', (chunk: string) => {
        stdout += chunk;
        const match = /at (http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout);
        if (match) resolve(match[1]);
      });
      server.on('exit', (code) => reject(new Error(`s4nn serve exited with ${code}: ${stdout}`)));
    });
    const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
    expect(stdout).toContain(`curl -s ${address}/v1/model`);
    expect(stdout).toContain('10 classes; event engine, typed-arrays backend on the cpu) at');

    const body = await new Promise<string>((resolve, reject) => {
      const request = http.request(`${address}/v1/predict/stream`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson' },
      });
      request.on('error', reject);
      request.on('response', (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve(text));
      });
      request.end(readFileSync(samplesFile));
    });
    expect(parseLines(body).map(shared)).toEqual(evalLines.map(shared));

    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toContain('s4nn: stopped');
  });
});
