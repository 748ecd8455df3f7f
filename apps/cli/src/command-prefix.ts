import { basename, relative } from 'node:path';

/**
 * How the user runs this CLI, for the commands it suggests: `s4nn` when installed as a command,
 * `node <path to main.js>` when started by path (e.g. by `npm start` in the repository).
 *
 * @example
 * ```ts
 * `${commandPrefix()} eval --model runs/x/model`; // 'node apps/cli/dist/main.js eval ...'
 * ```
 */
export function commandPrefix(script = process.argv[1] ?? 's4nn', cwd = process.cwd()): string {
  return basename(script) === 'main.js' ? `node ${relative(cwd, script)}` : 's4nn';
}
