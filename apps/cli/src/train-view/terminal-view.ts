import cliProgress from 'cli-progress';
import { inputWidth } from '@s4nn/core';
import type { EpochStartEvent, RunStartEvent, TrainEvent } from '@s4nn/train';
import { networkShape, percent } from '../figures-format.js';
import { engineText } from '../engine-text.js';
import { describeData } from './describe-data.js';
import { epochTableHeader, epochTableRow } from './epoch-table.js';
import { runSummaryText } from './run-summary-text.js';
import type { TrainView } from './train-view.js';

const BAR_FORMAT =
  'epoch {epoch}/{epochs} [{bar}] {percentage}% {value}/{total} | {speed} samples/s | train {accuracy} | {phase}';

/**
 * The view for a terminal: a line about the run, then per epoch a progress bar (cli-progress)
 * that the epoch's table row replaces when the epoch ends, then the closing summary.
 *
 * @example
 * ```ts
 * const view = process.stdout.isTTY ? terminalView('s4nn') : jsonLinesView('s4nn');
 * ```
 */
export function terminalView(cli: string): TrainView {
  let bar: cliProgress.SingleBar | undefined;
  const write = (text: string) => process.stdout.write(text);
  const stopBar = () => {
    bar?.stop();
    bar = undefined;
  };
  const startBar = (event: EpochStartEvent) => {
    bar = new cliProgress.SingleBar({
      format: BAR_FORMAT,
      stream: process.stdout,
      clearOnComplete: true,
      hideCursor: true,
      barsize: 30,
    });
    bar.start(event.samples, 0, {
      epoch: event.epoch,
      epochs: event.epochs,
      speed: '-',
      accuracy: '-',
      phase: 'training',
    });
  };
  return {
    show(event: TrainEvent): void {
      switch (event.type) {
        case 'run-start':
          write(runStartText(event));
          write(`${epochTableHeader()}\n`);
          break;
        case 'epoch-start':
          startBar(event);
          break;
        case 'progress':
          bar?.update(event.samplesDone, {
            speed: Math.round(event.samplesPerSecond),
            accuracy: percent(event.accuracy),
            // The last progress of an epoch: the validation and test passes follow before the row.
            phase: event.samplesDone === event.samples ? 'evaluating' : 'training',
          });
          break;
        case 'epoch-end':
          stopBar();
          write(`${epochTableRow(event)}\n`);
          break;
        case 'early-stop':
          write(
            `stopped early: no better validation accuracy for ${event.patience} epochs after epoch ${event.bestEpoch}\n`,
          );
          break;
        case 'run-end':
          write(`\n${runSummaryText(event, cli)}`);
          break;
        case 'stopped':
          stopBar();
          write(
            `stopped in epoch ${event.epoch} after ${event.samplesDone} samples; checkpoint ${event.checkpoint}\n`,
          );
          break;
        case 'dead-neurons':
        case 'checkpoint':
          break;
      }
    },
    stop: stopBar,
    message: (line) => write(`${line}\n`),
  };
}

function runStartText(event: RunStartEvent): string {
  const { spec, dataset, engineInfo, outDir } = event;
  const shape = networkShape(
    inputWidth(spec),
    spec.layers.map((layer) => layer.size),
  );
  const resumed =
    event.resumedFrom === undefined
      ? ''
      : `, resuming at epoch ${event.firstEpoch} from ${event.resumedFrom}`;
  return (
    `training ${shape} (${engineText(engineInfo)}) on ${describeData(dataset.source)}: ` +
    `${dataset.train} training, ${dataset.validation} validation, ${dataset.test} test samples` +
    `${cacheText(dataset.cache)}\n` +
    `run directory ${outDir}${resumed}\n`
  );
}

/** Whether the CSV data came from the cache (it then started fast) or was parsed into it. */
function cacheText(cache: RunStartEvent['dataset']['cache']): string {
  if (cache === undefined) return '';
  const splits = [cache.train, cache.test].filter((split) => split !== undefined);
  return splits.every((split) => split.hit)
    ? ' (CSV data read from the cache)'
    : ' (CSV data parsed and cached)';
}
