import { describe, expect, it } from '@jest/globals';
import { commandPrefix } from './command-prefix.js';

describe('commandPrefix', () => {
  it('suggests node and the script path when started by path, s4nn when installed', () => {
    expect(commandPrefix('/repo/apps/cli/dist/main.js', '/repo')).toBe(
      'node apps/cli/dist/main.js',
    );
    expect(commandPrefix('/usr/local/bin/s4nn', '/home/me')).toBe('s4nn');
  });
});
