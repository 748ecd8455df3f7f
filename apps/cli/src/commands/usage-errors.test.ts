import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireBuiltCli, runS4nn, runS4nnAsync, type S4nnRun } from '../test-support/run-s4nn.js';

let dir: string;

// Each case: the arguments and what the one line on stderr must name (the flag, file or field).
const cases: [string, () => string[], RegExp][] = [
  ['an unknown flag', () => ['train', '--bogus'], /unknown option '--bogus'/],
  [
    'a bad flag value',
    () => ['train', '--epochs', '0'],
    /--epochs <n>.*'0' is invalid\. expected an integer >= 1\./,
  ],
  ['a bad choice', () => ['train', '--encoding', 'rate'], /--encoding <code>.*'rate' is invalid/],
  [
    'thresholds for another depth',
    () => ['train', '--thresholds', '1,2,3'],
    /--thresholds gives 3 values for a network of 2 layers/,
  ],
  ['a half data source', () => ['train', '--train', 'a.arrow'], /--train needs --test too/],
  [
    'a missing data file',
    () => ['train', '--train', join(dir, 'no.arrow'), '--test', join(dir, 'no.arrow')],
    /file not found: .*no\.arrow/,
  ],
  [
    'a missing config file',
    () => ['train', '--config', join(dir, 'none.json')],
    /file not found: .*none\.json/,
  ],
  [
    'a config that is not JSON',
    () => ['train', '--config', join(dir, 'broken.json')],
    /--config .*broken\.json: not valid JSON/,
  ],
  [
    'a bad config field',
    () => ['train', '--preset', 'paper-mnist', '--config', join(dir, 'zero-epochs.json')],
    /zero-epochs\.json\): epochs must be an integer >= 1 \(got 0\)/,
  ],
  [
    'an unknown config field',
    () => ['train', '--preset', 'paper-mnist', '--config', join(dir, 'misspelt.json')],
    /epoch is not a known option/,
  ],
  [
    'a config field that does not fit the preset',
    () => ['train', '--cats', '1,2'],
    /cats must list one label per output neuron/,
  ],
  [
    'a resume directory that is no run',
    () => ['train', '--resume', dir],
    /--resume .*: not a run directory \(no config\.json\)/,
  ],
  ['eval without a network', () => ['eval'], /give either --model <dir> or --weights <file\.npz>/],
  [
    'eval of a missing model',
    () => ['eval', '--model', join(dir, 'nomodel')],
    /--model .*nomodel: model directory not found/,
  ],
  [
    'eval of a folder that is no model',
    () => ['eval', '--model', dir],
    /not a model directory \(no model\.json\)/,
  ],
  [
    'spec flags on a model',
    () => ['eval', '--model', dir, '--tmax', '100'],
    /--tmax applies to --weights only/,
  ],
  [
    'import of a missing file',
    () => ['import', join(dir, 'W.npz'), '--out', join(dir, 'm')],
    /file not found: .*W\.npz/,
  ],
  [
    'an export format',
    () => ['export', '--model', dir, '--format', 'npy', '--out', 'w.npy'],
    /--format <format>.*'npy' is invalid/,
  ],
];

const runs = new Map<string, S4nnRun>();
beforeAll(async () => {
  requireBuiltCli();
  dir = mkdtempSync(join(tmpdir(), 's4nn-cli-usage-'));
  writeFileSync(join(dir, 'zero-epochs.json'), JSON.stringify({ epochs: 0 }));
  writeFileSync(join(dir, 'misspelt.json'), JSON.stringify({ epoch: 3 }));
  writeFileSync(join(dir, 'broken.json'), '{ "epochs": ');
  // Side by side: each run is a fresh process, most of whose time is start-up.
  const results = await Promise.all(cases.map(([, args]) => runS4nnAsync(args())));
  cases.forEach(([name], index) => runs.set(name, results[index]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bad usage exits 2 with one line naming what was wrong', () => {
  it.each(cases)('%s', (name, _args, message) => {
    const run = runs.get(name) as S4nnRun;
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^s4nn: [^\n]+\n$/);
    expect(run.stderr).toMatch(message);
  });

  it.each(['train', 'eval', 'export', 'import'])('%s --help shows examples', (command) => {
    const help = runS4nn([command, '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(new RegExp(`^Usage: s4nn ${command} `, 'm'));
    expect(help.stdout).toMatch(new RegExp(`^Examples:\\n {2}\\$ s4nn ${command} `, 'm'));
  });
});
