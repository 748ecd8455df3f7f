#!/usr/bin/env node
// `npm test`: builds and tests every project through Nx, then prints the closing
// "N passed, N failed, N skipped" line from the per-project tallies and exits non-zero when
// anything failed or a project left no tally (a suite that crashed before Jest could report).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = fileURLToPath(new URL('../..', import.meta.url));
const resultsDir = path.join(root, '.test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const nx = spawnSync(
  'npx',
  ['nx', 'run-many', '-t', 'test', '--output-style=stream', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { NX_DAEMON: 'false', ...process.env } },
);

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of existsSync(resultsDir) ? readdirSync(resultsDir) : []) {
  const tally = JSON.parse(readFileSync(path.join(resultsDir, file), 'utf8'));
  passed += tally.passed;
  failed += tally.failed;
  skipped += tally.skipped;
}
if (nx.status !== 0 && failed === 0) failed = 1; // a build or a crash, not a failed assertion
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(nx.status === 0 && failed === 0 ? 0 : 1);
