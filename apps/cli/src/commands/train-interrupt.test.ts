import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireBuiltCli, runS4nnAsync, startS4nn } from '../test-support/run-s4nn.js';

let dir: string;
beforeAll(() => {
  requireBuiltCli();
  dir = mkdtempSync(join(tmpdir(), 's4nn-cli-sigint-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Short epochs, shuffled so that resuming must restore the random state too.
const RUN = [
  'train',
  '--train-limit',
  '300',
  '--test-limit',
  '20',
  '--epochs',
  '6',
  '--shuffle',
  '--seed',
  '5',
];

/** The SHA-256 of a model directory's weights, from its manifest. */
function weightsSha(modelDir: string): string {
  return JSON.parse(readFileSync(join(modelDir, 'model.json'), 'utf8')).weights.sha256;
}

describe('SIGINT during s4nn train, then --resume', () => {
  it('exits 130 with the last checkpoint whole, and resuming ends with the weights of an uninterrupted run', async () => {
    const run = join(dir, 'interrupted');
    const uninterrupted = runS4nnAsync([...RUN, '--out', join(dir, 'uninterrupted')]);

    const child = startS4nn([...RUN, '--out', run]);
    let stdout = '';
    let stderr = '';
    let signalled = false;
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk));
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk;
      if (!signalled && stdout.includes('"type":"checkpoint"')) {
        signalled = true;
        child.kill('SIGINT');
      }
    });
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));

    expect(status).toBe(130);
    expect(stdout).not.toContain('"type":"run-end"');
    expect(stderr).toMatch(
      /^s4nn: interrupted; the last checkpoint is .*epoch-\d+ \(epoch \d+\); continue with: .* train --resume /m,
    );
    const checkpoints = readdirSync(join(run, 'checkpoints'));
    expect(checkpoints.length).toBeGreaterThan(0);
    expect(checkpoints.length).toBeLessThan(6);
    for (const name of checkpoints) {
      expect(existsSync(join(run, 'checkpoints', name, 'state.json'))).toBe(true);
      expect(existsSync(join(run, 'checkpoints', name, 'model.json'))).toBe(true);
    }

    const resumed = await runS4nnAsync(['train', '--resume', run]);
    expect(resumed.status).toBe(0);
    const events = resumed.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(events[0]).toMatchObject({ type: 'run-start', firstEpoch: checkpoints.length + 1 });
    expect(events.at(-1)).toMatchObject({ type: 'run-end', epochsRun: 6 });
    expect((await uninterrupted).status).toBe(0);
    expect(weightsSha(join(run, 'model'))).toBe(weightsSha(join(dir, 'uninterrupted', 'model')));
  });
});
