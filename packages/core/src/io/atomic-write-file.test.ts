import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { atomicWriteFile } from './atomic-write-file.js';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 's4nn-atomic-'));
});
afterEach(async () => {
  jest.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('atomicWriteFile', () => {
  it('creates and then replaces a file, leaving no temporary file', async () => {
    const file = path.join(dir, 'run.json');
    await atomicWriteFile(file, '{"epoch":1}');
    await atomicWriteFile(file, new Uint8Array([0x7b, 0x7d]));
    expect(await fs.readFile(file, 'utf8')).toBe('{}');
    expect(await fs.readdir(dir)).toEqual(['run.json']);
  });

  it('keeps the old contents and removes the temporary file when the rename fails', async () => {
    const file = path.join(dir, 'checkpoint.bin');
    await atomicWriteFile(file, 'old');
    jest.spyOn(fs, 'rename').mockRejectedValue(new Error('EXDEV: simulated'));
    await expect(atomicWriteFile(file, 'new')).rejects.toThrow('EXDEV: simulated');
    expect(await fs.readFile(file, 'utf8')).toBe('old');
    expect(await fs.readdir(dir)).toEqual(['checkpoint.bin']);
  });

  it('fails when the directory does not exist', async () => {
    await expect(atomicWriteFile(path.join(dir, 'missing', 'x.json'), 'x')).rejects.toThrow(
      /ENOENT/,
    );
  });
});
