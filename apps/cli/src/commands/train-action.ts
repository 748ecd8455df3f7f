import { fromEvent, lastValueFrom, take, tap } from 'rxjs';
import { writeReport } from '@s4nn/report';
import { SYNC_SAMPLES, train$, type StoppedEvent, type TrainOptions } from '@s4nn/train';
import { commandPrefix } from '../command-prefix.js';
import { checkBackendFlag } from '../engine-flags.js';
import { Interrupted } from '../interrupted.js';
import { ExitCode } from '../run-cli.js';
import { asUsageError, requireInputFiles, resolveRunOptions } from '../resolve-run-options.js';
import type { TrainFlags } from '../run-flags.js';
import { jsonLinesView } from '../train-view/json-lines-view.js';
import { terminalView } from '../train-view/terminal-view.js';
import type { TrainView } from '../train-view/train-view.js';

/** The flags of `s4nn train` (see `commands/train.ts`). */
export interface TrainCommandFlags extends TrainFlags {
  json?: boolean;
  report?: boolean;
}

/**
 * Runs `s4nn train`: the run with its view, then the report page when asked for. Throws
 * {@link Interrupted} when SIGINT stopped the run (after its mid-epoch checkpoint is written).
 */
export async function trainAction(flags: TrainCommandFlags): Promise<void> {
  const options = resolveRunOptions(flags, { preset: 'paper-mnist' });
  checkBackendFlag(options.engine, flags.backend);
  requireInputFiles(options);
  const cli = commandPrefix();
  const view =
    flags.json === true || !process.stdout.isTTY ? jsonLinesView(cli) : terminalView(cli);
  const { outDir, stopped } = await runTraining(options, view);
  if (stopped !== undefined) {
    throw new Interrupted(
      `interrupted; the last checkpoint is ${stopped.checkpoint} (epoch ${stopped.epoch}, ` +
        `${stopped.samplesDone} samples in); continue with: ${cli} train --resume ${outDir}`,
    );
  }
  if (flags.report === true) {
    const { page } = await writeReport(outDir, { threads: options.threads });
    view.message(`report    ${page}`);
  }
}

/**
 * Subscribes to the run and shows its events until it ends. The first SIGINT asks the run to
 * stop (`stop$`: at the next synchronisation point, within `SYNC_SAMPLES` samples or at the
 * epoch's end, after writing a checkpoint of where it stands); a second one quits at once.
 */
async function runTraining(
  options: TrainOptions,
  view: TrainView,
): Promise<{ outDir: string; stopped?: StoppedEvent }> {
  let outDir = options.resume ?? options.outDir ?? '';
  let stopped: StoppedEvent | undefined;
  const quit = () => process.exit(ExitCode.interrupted);
  const stop$ = fromEvent(process, 'SIGINT').pipe(
    take(1),
    tap(() => {
      view.stop();
      process.stderr.write(
        `s4nn: interrupted; stopping within ${SYNC_SAMPLES} samples (Ctrl-C again to quit at once)\n`,
      );
      process.once('SIGINT', quit);
    }),
  );
  try {
    await lastValueFrom(
      train$(options, { stop$ }).pipe(
        tap((event) => {
          if (event.type === 'run-start') outDir = event.outDir;
          if (event.type === 'stopped') stopped = event;
          view.show(event);
        }),
      ),
      { defaultValue: undefined },
    );
  } catch (error) {
    view.stop();
    throw asUsageError(error);
  } finally {
    process.off('SIGINT', quit);
  }
  return { outDir, ...(stopped === undefined ? {} : { stopped }) };
}
