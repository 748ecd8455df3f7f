import type { TrainEvent } from '@s4nn/train';
import { runSummaryText } from './run-summary-text.js';
import type { TrainView } from './train-view.js';

/**
 * The view for `--json` and pipes: every event as one JSON object on a line of stdout (as in the
 * run's `events.ndjson`), nothing else there; the closing summary goes to stderr.
 *
 * @example
 * ```ts
 * train$(options).subscribe((event) => view.show(event));
 * ```
 */
export function jsonLinesView(cli: string): TrainView {
  return {
    show(event: TrainEvent): void {
      process.stdout.write(`${JSON.stringify(event)}\n`);
      if (event.type === 'run-end') process.stderr.write(runSummaryText(event, cli));
    },
    stop(): void {},
    message(line: string): void {
      process.stderr.write(`${line}\n`);
    },
  };
}
