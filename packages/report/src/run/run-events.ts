import fs from 'node:fs/promises';
import { RUN_FILES } from '@s4nn/train';

/**
 * One line of a run's `events.ndjson`, as `@s4nn/train` writes it: a JSON object with a `type`
 * (`run-start`, `epoch-start`, `progress`, `epoch-end`, `checkpoint`, `dead-neurons`,
 * `early-stop`, `run-end`). Read loosely: the report uses only the fields it charts and tolerates
 * the rest changing.
 */
export interface RunEvent {
  type: string;
  [field: string]: unknown;
}

/** The file of a run directory that holds its events. */
export const EVENTS_FILE = RUN_FILES.events;

/**
 * Parses the text of an `events.ndjson` file. A run still in progress may be caught in the middle
 * of appending a line: an unparsable *last* line without its newline is ignored; any other bad
 * line is an error naming the file and line.
 *
 * ## Example
 * ```ts
 * parseRunEvents('{"type":"run-start"}\n{"type":"epoch-end","epoch":1}\n', 'events.ndjson');
 * // [{ type: 'run-start' }, { type: 'epoch-end', epoch: 1 }]
 * ```
 */
export function parseRunEvents(text: string, file: string): RunEvent[] {
  const lines = text.split('\n');
  const events: RunEvent[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const isUnfinishedLast = index === lines.length - 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      if (isUnfinishedLast) return;
      throw new Error(
        `${file}, line ${index + 1}: not a JSON object (expected one event per line)`,
      );
    }
    if (
      typeof value !== 'object' ||
      value === null ||
      typeof (value as RunEvent).type !== 'string'
    ) {
      throw new Error(`${file}, line ${index + 1}: expected an object with a string field 'type'`);
    }
    events.push(value as RunEvent);
  });
  return events;
}

/** Reads and parses `file` (see {@link parseRunEvents}); a missing file is an empty run. */
export async function readRunEvents(file: string): Promise<RunEvent[]> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return parseRunEvents(text, file);
}
