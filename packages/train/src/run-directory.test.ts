import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { collectEvents, smallRunOptions, temporaryDirectory } from './test-support/tiny-data.js';
import { readLastCheckpoint, RUN_FILES } from './run-directory.js';

describe('readLastCheckpoint', () => {
  it('skips a checkpoint without state.json but fails on one whose state.json cannot be read', async () => {
    const dir = await temporaryDirectory();
    const options = await smallRunOptions(dir, { epochs: 2 }, 200);
    await collectEvents(options);
    const runDir = options.outDir as string;
    const checkpoint = (epoch: number) =>
      path.join(runDir, RUN_FILES.checkpoints, `epoch-${epoch}`);
    const state = path.join(checkpoint(2), RUN_FILES.state);
    expect((await readLastCheckpoint(runDir))?.dir).toBe(checkpoint(2));

    // Interrupted before its state was written: the one before is the last checkpoint.
    await rm(state);
    expect((await readLastCheckpoint(runDir))?.dir).toBe(checkpoint(1));

    // Present but unreadable: an error, not a silent step back to epoch 1.
    await mkdir(state);
    await expect(readLastCheckpoint(runDir)).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
