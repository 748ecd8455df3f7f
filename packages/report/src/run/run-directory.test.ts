import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { makeTinyRun, removeTinyRuns } from '../test-support/tiny-run.js';
import { readRunDirectory } from './run-directory.js';

const emptyDirectories: string[] = [];
async function emptyDirectory(): Promise<string> {
  emptyDirectories.push(await fs.mkdtemp(path.join(os.tmpdir(), 's4nn-report-')));
  return emptyDirectories.at(-1)!;
}

afterAll(async () => {
  await removeTinyRuns();
  await Promise.all(emptyDirectories.map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

describe('readRunDirectory', () => {
  it('shows the final model of a finished run', async () => {
    const run = await makeTinyRun({ epochs: 2, finish: true });
    const read = await readRunDirectory(run.dir);
    expect(read.finished).toBe(true);
    expect(read.modelDir).toBe(path.join(run.dir, 'model'));
    expect(read.modelLabel).toBe('final model');
    expect(read.config?.cats).toEqual([2, 0, 1]);
    expect(read.events).toEqual(JSON.parse(JSON.stringify(run.events)));
    expect(read.events.filter((event) => event.type === 'checkpoint')).toHaveLength(2);
  });

  it('shows the latest complete checkpoint of a run in progress', async () => {
    const run = await makeTinyRun({ epochs: 2, finish: false });
    // A checkpoint being written (no manifest yet) is passed over.
    await fs.mkdir(path.join(run.dir, 'checkpoints', 'epoch-3'));
    const read = await readRunDirectory(run.dir);
    expect(read.finished).toBe(false);
    expect(read.modelDir).toBe(path.join(run.dir, 'checkpoints', 'epoch-2'));
    expect(read.modelLabel).toBe('checkpoint of epoch 2');
  });

  it('has no model before the first checkpoint', async () => {
    const dir = await emptyDirectory();
    await fs.writeFile(path.join(dir, 'events.ndjson'), '{"type":"run-start"}\n');
    const read = await readRunDirectory(dir);
    expect(read.modelDir).toBeUndefined();
    expect(read.config).toBeUndefined();
  });

  it('says what is wrong with a directory that is not a run', async () => {
    const dir = await emptyDirectory();
    await expect(readRunDirectory(dir)).rejects.toThrow(
      `report: ${dir} is not a run directory (it has neither config.json nor events.ndjson)`,
    );
    await expect(readRunDirectory(path.join(dir, 'missing'))).rejects.toThrow('does not exist');
    await fs.writeFile(path.join(dir, 'config.json'), '{"data":');
    await expect(readRunDirectory(dir)).rejects.toThrow(
      `${path.join(dir, 'config.json')}: not valid JSON`,
    );
  });
});
