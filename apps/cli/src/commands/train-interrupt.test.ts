import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModel } from '@s4nn/core';
import { requireBuiltCli, runS4nnAsync, startS4nn } from '../test-support/run-s4nn.js';

let dir: string;
let config: string;
beforeAll(() => {
  requireBuiltCli();
  dir = mkdtempSync(join(tmpdir(), 's4nn-cli-sigint-'));
  // A progress event per chunk of samples, so that the test can signal part-way through an epoch.
  config = join(dir, 'progress.json');
  writeFileSync(config, JSON.stringify({ progressThrottleMs: 0 }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// More than one synchronisation point's worth (4096 samples, @s4nn/train's SYNC_SAMPLES).
const SAMPLES = 5000;
// Shuffled, so that resuming part-way through an epoch must restore its order and random state.
const RUN = [
  'train',
  '--preset',
  'paper-mnist',
  '--config',
  '',
  '--train-limit',
  String(SAMPLES),
  '--test-limit',
  '20',
  '--epochs',
  '3',
  '--shuffle',
  '--seed',
  '5',
];

const run = (...more: string[]) => RUN.map((arg) => (arg === '' ? config : arg)).concat(more);

/**
 * The SHA-256 of a run's weights (`model` or a checkpoint under `checkpoints/`): equal digests are
 * equal weights bit for bit, and a mismatch fails fast (Jest's diff of 300000 numbers does not).
 */
async function weightsDigest(runDir: string, model: string): Promise<string> {
  const hash = createHash('sha256');
  for (const layer of (await loadModel(join(runDir, model))).weights) {
    hash.update(new Uint8Array(layer.buffer, layer.byteOffset, layer.byteLength));
  }
  return hash.digest('hex');
}

const events = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as { type: string; [key: string]: unknown });

describe('SIGINT during s4nn train, then --resume', () => {
  it('checkpoints the epoch in progress, exits 130, and resuming ends with the bit-identical weights of an uninterrupted run', async () => {
    const interrupted = join(dir, 'interrupted');
    const uninterrupted = runS4nnAsync(run('--out', join(dir, 'uninterrupted')));

    const child = startS4nn(run('--out', interrupted));
    let stdout = '';
    let stderr = '';
    let signalled = false;
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk));
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk;
      if (!signalled && /"type":"progress","epoch":2,"samplesDone":\d+,/.test(stdout)) {
        signalled = true;
        child.kill('SIGINT');
      }
    });
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));

    expect(status).toBe(130);
    const seen = events(stdout);
    expect(seen.map((event) => event.type)).not.toContain('run-end');
    const [checkpoint, stopped] = seen.slice(-2);
    expect(stopped).toMatchObject({ type: 'stopped', epoch: 2, checkpoint: checkpoint.path });
    // Signalled early in epoch 2: stopped at its synchronisation point.
    const samplesDone = stopped.samplesDone as number;
    expect(samplesDone).toBe(4096);
    const dirName = `epoch-2-at-${samplesDone}`;
    expect(checkpoint).toMatchObject({ type: 'checkpoint', epoch: 1 });
    expect(checkpoint.path).toBe(join(interrupted, 'checkpoints', dirName));
    expect(existsSync(join(interrupted, 'checkpoints', dirName, 'state.json'))).toBe(true);
    expect(existsSync(join(interrupted, 'checkpoints', dirName, 'model.json'))).toBe(true);
    expect(stderr).toContain('s4nn: interrupted; stopping within 4096 samples');
    expect(stderr).toMatch(
      new RegExp(
        `^s4nn: interrupted; the last checkpoint is .*${dirName} \\(epoch 2, ${samplesDone} samples in\\); continue with: .* train --resume ${interrupted}$`,
        'm',
      ),
    );

    const resumed = await runS4nnAsync(['train', '--resume', interrupted]);
    expect(resumed.status).toBe(0);
    const after = events(resumed.stdout);
    expect(after[0]).toMatchObject({ type: 'run-start', firstEpoch: 2 });
    expect(after[1]).toMatchObject({ type: 'epoch-start', epoch: 2, samplesDone });
    expect(after.at(-1)).toMatchObject({ type: 'run-end', epochsRun: 3 });
    expect((await uninterrupted).status).toBe(0);
    // Bit for bit: the mid-epoch checkpoint holds exactly the weights the uninterrupted run had there.
    for (const model of ['checkpoints/epoch-2', 'model']) {
      expect(await weightsDigest(interrupted, model)).toBe(
        await weightsDigest(join(dir, 'uninterrupted'), model),
      );
    }
  });
});
