import { describe, expect, it } from '@jest/globals';
import { parseRunEvents } from './run-events.js';

describe('parseRunEvents', () => {
  it('reads one event per line and skips blank lines', () => {
    const text = '{"type":"run-start"}\n\n{"type":"epoch-end","epoch":1}\n';
    expect(parseRunEvents(text, 'e.ndjson')).toEqual([
      { type: 'run-start' },
      { type: 'epoch-end', epoch: 1 },
    ]);
  });

  it('ignores a half-written last line (a run still appending)', () => {
    expect(parseRunEvents('{"type":"run-start"}\n{"type":"progr', 'e.ndjson')).toEqual([
      { type: 'run-start' },
    ]);
  });

  it('names the file and line of a bad line before the last', () => {
    expect(() =>
      parseRunEvents('{"type":"a"}\n{oops\n{"type":"b"}\n', 'runs/x/events.ndjson'),
    ).toThrow('runs/x/events.ndjson, line 2: not a JSON object');
    expect(() => parseRunEvents('{"type":"a"}\n[1,2]\n', 'e.ndjson')).toThrow(
      "e.ndjson, line 2: expected an object with a string field 'type'",
    );
  });
});
