import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/**
 * Where a run caches its CSV sources as Arrow IPC files when `cacheDir` is not given:
 * `node_modules/.cache/s4nn` under the working directory when that has a `node_modules`
 * (the find-cache-dir convention of Babel, ESLint and webpack: the cache belongs to the project,
 * is git-ignored already and goes with a clean install), else the user's cache directory,
 * `$XDG_CACHE_HOME/s4nn` or `~/.cache/s4nn` (XDG Base Directory spec, which ignores a relative
 * `XDG_CACHE_HOME`).
 *
 * ## Example
 * ```ts
 * defaultCacheDir('/home/ada/project'); // '/home/ada/project/node_modules/.cache/s4nn'
 * ```
 */
export function defaultCacheDir(
  cwd: string = process.cwd(),
  env: NodeJS.ProcessEnv = process.env,
): string {
  const modules = path.resolve(cwd, 'node_modules');
  if (existsSync(modules)) return path.join(modules, '.cache', 's4nn');
  const xdg = env.XDG_CACHE_HOME;
  const userCache =
    xdg !== undefined && path.isAbsolute(xdg) ? xdg : path.join(homedir(), '.cache');
  return path.join(userCache, 's4nn');
}
