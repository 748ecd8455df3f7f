import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { defaultCacheDir } from './cache-directory.js';
import { temporaryDirectory } from './test-support/tiny-data.js';

describe('defaultCacheDir', () => {
  it("is the project's node_modules/.cache/s4nn when the working directory has a node_modules", async () => {
    const project = await temporaryDirectory();
    await mkdir(path.join(project, 'node_modules'));
    expect(defaultCacheDir(project, { XDG_CACHE_HOME: '/var/cache/ada' })).toBe(
      path.join(project, 'node_modules', '.cache', 's4nn'),
    );
  });

  it('is $XDG_CACHE_HOME/s4nn elsewhere, ~/.cache/s4nn without it or when it is relative', async () => {
    const elsewhere = await temporaryDirectory();
    expect(defaultCacheDir(elsewhere, { XDG_CACHE_HOME: '/var/cache/ada' })).toBe(
      '/var/cache/ada/s4nn',
    );
    const home = path.join(homedir(), '.cache', 's4nn');
    expect(defaultCacheDir(elsewhere, {})).toBe(home);
    expect(defaultCacheDir(elsewhere, { XDG_CACHE_HOME: 'cache' })).toBe(home);
  });
});
