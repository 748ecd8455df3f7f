import { statSync } from 'node:fs';
import { writeReport } from '@s4nn/report';
import { UsageError } from '../usage-error.js';
import type { ReportFlags } from './report.js';

/** Runs `s4nn report` (see `commands/report.ts`): writes the page and prints its path. */
export async function reportAction(runDir: string, flags: ReportFlags): Promise<void> {
  if (!statSync(runDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`run directory not found: ${runDir}`);
  }
  const report = await writeReport(runDir, {
    ...(flags.out === undefined ? {} : { out: flags.out }),
    ...(flags.sample === undefined ? {} : { sample: flags.sample }),
    ...(flags.engine === undefined ? {} : { engine: flags.engine }),
    ...(flags.threads === undefined ? {} : { threads: flags.threads }),
  });
  process.stdout.write(`${report.page}\n`);
}
