import { describe, expect, it } from '@jest/globals';
import { NdjsonLineSplitter, type NdjsonLine } from './ndjson-lines.js';

function split(chunks: (string | Buffer)[], maxLineBytes = 100): NdjsonLine[] {
  const lines: NdjsonLine[] = [];
  const splitter = new NdjsonLineSplitter(maxLineBytes, (line) => lines.push(line));
  chunks.forEach((chunk) => splitter.push(chunk));
  splitter.end();
  return lines;
}

describe('NdjsonLineSplitter', () => {
  it('joins lines split across chunks and numbers them from 1, blank lines counted but skipped', () => {
    expect(split(['{"a":', '1}\n\n  \n[2', ']\r\n', '[3]'])).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 4, text: '[2]\r' },
      { line: 5, text: '[3]' },
    ]);
  });

  it('keeps a multi-byte character split between chunks', () => {
    const bytes = Buffer.from('"é"\n');
    expect(split([bytes.subarray(0, 2), bytes.subarray(2)])).toEqual([{ line: 1, text: '"é"' }]);
  });

  it('reports a line over the limit as an error without keeping it, and goes on', () => {
    const long = 'x'.repeat(30);
    expect(split([`[1]\n${long.slice(0, 15)}`, `${long.slice(15)}`, '\n[2]\n'], 20)).toEqual([
      { line: 1, text: '[1]' },
      { line: 2, text: '', error: 'line longer than 20 bytes' },
      { line: 3, text: '[2]' },
    ]);
  });
});
