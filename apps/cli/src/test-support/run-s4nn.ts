import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The built command, as users run it (CI builds before it tests; locally run
 * `npx tsc -b apps/cli/tsconfig.build.json` first).
 */
export const s4nnMain = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

export interface S4nnRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Throws unless the CLI has been built: tests run the real command, not its sources. */
export function requireBuiltCli(): void {
  if (!existsSync(s4nnMain)) throw new Error(`${s4nnMain} is missing: build the CLI first`);
}

// The default CSV cache of commands run outside a project is the user's (~/.cache/s4nn): tests
// keep theirs in the temporary directory instead.
const env = { ...process.env, XDG_CACHE_HOME: join(tmpdir(), 's4nn-cli-test-cache') };

/**
 * Runs `s4nn ...args` to completion in a child process (stdout is a pipe, not a terminal),
 * in the working directory `cwd` when given.
 */
export function runS4nn(args: readonly string[], cwd?: string): S4nnRun {
  const run = spawnSync(process.execPath, [s4nnMain, ...args], {
    encoding: 'utf8',
    cwd,
    env,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** {@link runS4nn} without blocking, so that independent runs can go side by side. */
export function runS4nnAsync(args: readonly string[]): Promise<S4nnRun> {
  const child = startS4nn(args);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Starts `s4nn ...args` without waiting, for tests that signal the process. */
export function startS4nn(args: readonly string[]): ChildProcess {
  return spawn(process.execPath, [s4nnMain, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
}
