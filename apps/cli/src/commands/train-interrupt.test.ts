import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireBuiltCli, startS4nn } from '../test-support/run-s4nn.js';

let dir: string;
beforeAll(() => {
  requireBuiltCli();
  dir = mkdtempSync(join(tmpdir(), 's4nn-cli-sigint-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SIGINT during s4nn train', () => {
  it('stops the run, keeps the last checkpoint whole and exits 130', async () => {
    const run = join(dir, 'run');
    // Many short epochs: the run is still going when the first checkpoint is out.
    const child = startS4nn([
      'train',
      '--train-limit',
      '200',
      '--test-limit',
      '20',
      '--epochs',
      '1000',
      '--out',
      run,
    ]);
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
    const status = await new Promise<number | null>((resolve) =>
      child.on('close', (code) => resolve(code)),
    );

    expect(signalled).toBe(true);
    expect(status).toBe(130);
    expect(stdout).not.toContain('"type":"run-end"');
    expect(stderr).toMatch(
      /^s4nn: interrupted; the last checkpoint is .*epoch-\d+ \(epoch \d+\); continue with: .* train --resume /m,
    );
    const checkpoints = readdirSync(join(run, 'checkpoints'));
    expect(checkpoints.length).toBeGreaterThan(0);
    for (const name of checkpoints) {
      expect(existsSync(join(run, 'checkpoints', name, 'state.json'))).toBe(true);
      expect(existsSync(join(run, 'checkpoints', name, 'model.json'))).toBe(true);
    }
  });
});
