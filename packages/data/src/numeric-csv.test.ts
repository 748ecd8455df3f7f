import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DatasetError } from './dataset-error.js';
import { NumericCsvParser } from './numeric-csv.js';

function parse(text: string, chunkSize = text.length || 1) {
  const rows: number[][] = [];
  const lines: number[] = [];
  const parser = new NumericCsvParser('t.csv', (values, n, line) => {
    rows.push(Array.from(values.subarray(0, n)));
    lines.push(line);
  });
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += chunkSize) parser.push(bytes.subarray(i, i + chunkSize));
  const header = parser.end();
  return { header, rows, lines };
}

describe('NumericCsvParser', () => {
  it('reads the header and numbers in every decimal form, equal to Number(text)', () => {
    const fields = [
      '0',
      '255',
      '-3',
      '+7',
      '0.1',
      '12.375',
      '.5',
      '1.',
      '1e3',
      '-2.5E-2',
      '123456789012345678',
    ];
    const { header, rows } = parse(`a,b\n${fields.join(',')}\n`);
    expect(header).toEqual(['a', 'b']);
    expect(rows).toEqual([fields.map(Number)]);
  });

  it('gives the same rows whatever the chunk boundaries, with CRLF, blank lines and no final newline', () => {
    const text = '"x","y"\r\n1,2\r\n\r\n3.25,4\r\n  5 , 6';
    const whole = parse(text);
    expect(whole.header).toEqual(['x', 'y']);
    expect(whole.rows).toEqual([
      [1, 2],
      [3.25, 4],
      [5, 6],
    ]);
    expect(whole.lines).toEqual([2, 4, 5]);
    for (const size of [1, 2, 3, 7]) expect(parse(text, size)).toEqual(whole);
  });

  it('names the file, line and column of a non-number', () => {
    expect(() => parse('a,b\n1,2\n3,x4\n')).toThrow(
      new DatasetError('t.csv', 'line 3', 'column 2: expected a number, found "x4"'),
    );
    expect(() => parse('a,b\n1,\n')).toThrow(
      't.csv, line 2: column 2: expected a number, found an empty field',
    );
    expect(() => parse('a\n1e\n')).toThrow('line 2: column 1: expected a number, found "1e"');
    expect(() => parse('a\nNaN\n')).toThrow('expected a number, found "NaN"');
  });

  it('fails on a file without a header', () => {
    expect(() => parse('')).toThrow('t.csv, line 1: empty file: expected a header row');
  });

  it('parses any finite double as Number() does, in plain and exponent forms, across chunk splits', () => {
    const value = fc.oneof(
      fc.integer({ min: -1e6, max: 1e6 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(value, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 9 }),
        (rows, chunk) => {
          const width = rows[0].length;
          const table = rows.map((row) =>
            Array.from({ length: width }, (_, i) => row[i % row.length]),
          );
          const text = `${table[0].map((_, i) => `c${i}`).join(',')}\n${table.map((row) => row.map(String).join(',')).join('\n')}\n`;
          expect(parse(text, chunk).rows).toEqual(
            table.map((row) => row.map((v) => Number(String(v)))),
          );
        },
      ),
    );
  });
});
