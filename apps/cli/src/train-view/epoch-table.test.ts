import { describe, expect, it } from '@jest/globals';
import { sampleEpoch } from '../test-support/epoch-figures.js';
import { epochTableHeader, epochTableRow } from './epoch-table.js';

describe('the per-epoch table', () => {
  it('puts each figure of spec 6 under its header, right-aligned', () => {
    const header = epochTableHeader();
    const row = epochTableRow(sampleEpoch(3));
    expect(header.split(/\s{2,}/).map((h) => h.trim())).toEqual([
      'epoch',
      'train',
      'valid',
      'test',
      'ties ok',
      'no-fb',
      'fallbk',
      't_dec',
      'spikes',
      'dead',
      'time',
      'smp/s',
    ]);
    expect(row.trim().split(/\s{2,}/)).toEqual([
      '3',
      '50.00%',
      '55.00%',
      '70.00%',
      '80.00%',
      '60.00%',
      '10.00%',
      '42.3',
      '14.0',
      '4',
      '2.5 s',
      '50',
    ]);
    expect(row).toHaveLength(header.length);
  });

  it('shows a dash without a validation split', () => {
    const { validation: _validation, ...withoutValidation } = sampleEpoch(1);
    expect(
      epochTableRow(withoutValidation)
        .trim()
        .split(/\s{2,}/)[2],
    ).toBe('-');
  });
});
