import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The built command, as users run it (CI builds before it tests; locally run
// `npx tsc -b apps/cli/tsconfig.build.json` first).
const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));

function s4nn(...args: string[]) {
  const run = spawnSync(process.execPath, [main, ...args], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

let dir: string;
let features: string;
let labels: string;

beforeAll(() => {
  if (!existsSync(main)) throw new Error(`${main} is missing: build the CLI first`);
  dir = mkdtempSync(join(tmpdir(), 's4nn-cli-'));
  features = join(dir, 'train_data.csv');
  labels = join(dir, 'train_data_labels.csv');
  writeFileSync(features, 'p0,p1,p2,p3\n0,256,3,4\n5,6,7,8\n9,10,11,12\n13,14,15,16\n1,1,1,1\n');
  writeFileSync(labels, 'label\n2\n0\n2\n1\n2\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('s4nn ingest and info', () => {
  const expected = {
    rows: 5,
    shape: [2, 2],
    width: 4,
    valueRange: { declared: [0, 256], observed: [0, 256] },
    classes: [
      { label: 0, name: '0', count: 1 },
      { label: 1, name: '1', count: 1 },
      { label: 2, name: '2', count: 3 },
    ],
  };

  it.each(['data.arrow', 'data.parquet'])(
    'ingests a notebook CSV pair to %s, then info reads it back',
    (name) => {
      const out = join(dir, name);
      const ingest = s4nn(
        'ingest',
        features,
        labels,
        '--shape',
        '2x2',
        '--value-range',
        '0,256',
        '--out',
        out,
      );
      expect(ingest).toMatchObject({ status: 0, stderr: '' });
      expect(ingest.stdout).toMatch(/^rows {5}5$/m);
      expect(ingest.stdout).toMatch(/^shape {4}2 x 2 \(4 Uint16 values a row\)$/m);
      expect(ingest.stdout).toMatch(/^ {4}2 {2}2 {2}3$/m);
      expect(ingest.stdout).toMatch(/^time {5}\d+\.\d\d s \(read .*, write .*\)$/m);

      const info = s4nn('info', out, '--json');
      expect(info.status).toBe(0);
      const summary = JSON.parse(info.stdout);
      expect(summary).toMatchObject({ ...expected, file: out, valueType: 'Uint16' });
      expect(Object.keys(summary.timings)).toEqual(['read']);
    },
  );

  it('fails a ragged CSV with exit 1 and one line naming the file and line', () => {
    const ragged = join(dir, 'ragged.csv');
    writeFileSync(ragged, 'p0,p1\n1,2\n3\n');
    const run = s4nn('ingest', ragged, labels, '--out', join(dir, 'ragged.arrow'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`^s4nn: ${ragged.replace(/[.\\/]/g, '\\$&')}, line 3: .+\n$`),
    );
    expect(existsSync(join(dir, 'ragged.arrow'))).toBe(false);
  });
});

describe('s4nn usage errors', () => {
  it('exits 2 with one line on an unknown flag', () => {
    const run = s4nn('ingest', features, '--out', join(dir, 'x.arrow'), '--bogus');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^s4nn: unknown option '--bogus'\n$/);
  });

  it('exits 2 with one line on an invalid flag value', () => {
    const run = s4nn('ingest', features, labels, '--shape', '2y2', '--out', join(dir, 'x.arrow'));
    expect(run.status).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^s4nn: option '--shape <dims>' argument '2y2' is invalid\./);
  });

  it('exits 2 naming a missing file, with the stack only under --verbose', () => {
    const missing = join(dir, 'missing.arrow');
    const run = s4nn('info', missing);
    expect(run).toMatchObject({
      status: 2,
      stdout: '',
      stderr: `s4nn: file not found: ${missing}\n`,
    });
    const verbose = s4nn('info', missing, '--verbose');
    expect(verbose.status).toBe(2);
    expect(verbose.stderr).toMatch(/^s4nn: file not found: .*\nUsageError: .*\n\s+at /);
  });

  it('exits 2 on an output that is neither Arrow nor Parquet', () => {
    const run = s4nn('ingest', features, labels, '--out', join(dir, 'x.txt'));
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `s4nn: --out ${join(dir, 'x.txt')}: expected a .arrow, .arrows or .parquet file\n`,
    );
  });

  it.each([[[]], [['ingest']], [['info']]])('shows examples in --help of s4nn %j', (command) => {
    const run = s4nn(...command, '--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\nExamples:\n {2}\$ s4nn /);
  });
});

describe('the installed command', () => {
  // npm links node_modules/.bin/s4nn to bin/s4nn.js at install time (before any build): it must
  // exist in the repository, be executable and start the built program.
  it('runs bin/s4nn.js directly, as node_modules/.bin/s4nn does', () => {
    const bin = fileURLToPath(new URL('../bin/s4nn.js', import.meta.url));
    const run = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    expect(run.error).toBeUndefined();
    expect(run.stdout.trim()).toBe('0.1.0');
  });
});
