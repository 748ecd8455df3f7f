import type { Command } from 'commander';
import { withExamples } from '../help-examples.js';
import { parseNonNegativeInteger } from '../number-parsers.js';

/** The flags of `s4nn report`. */
export interface ReportFlags {
  out?: string;
  sample?: number;
  engine?: string;
  threads?: number;
}

/** `s4nn report RUN_DIR`: a self-contained HTML page of a run, and each chart as SVG and PNG. */
export function registerReport(program: Command): void {
  const command = program
    .command('report')
    .summary('write the charts of a training run as an HTML page, SVG and PNG')
    .description(
      'Reads a run directory (finished, or still in progress: its events and latest checkpoint) ' +
        'and writes index.html, a page with every chart inline that opens from the file system ' +
        'with no network, plus each chart as <name>.svg and <name>.png. Prints the path of the page.',
    )
    .argument('<run-dir>', 'the run directory of `s4nn train` (e.g. runs/<timestamp>)')
    .option('-o, --out <dir>', 'directory for the page and charts (default: <run-dir>/report)')
    .option(
      '--sample <n>',
      'test-set index of the sample whose spike raster is drawn',
      parseNonNegativeInteger,
      0,
    )
    .option('--engine <name>', 'engine that evaluates the test set')
    .option(
      '--threads <n>',
      'worker threads for that evaluation (0: none)',
      parseNonNegativeInteger,
    )
    .action(async (runDir: string, flags: ReportFlags) =>
      (await import('./report-action.js')).reportAction(runDir, flags),
    );
  withExamples(command, [
    's4nn report runs/2026-12-04T20-00-00-000Z',
    's4nn report runs/mnist --sample 7 --out mnist-report',
  ]);
}
