import { Command } from 'commander';
import { registerEval } from './commands/eval.js';
import { registerExport } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerInfo } from './commands/info.js';
import { registerIngest } from './commands/ingest.js';
import { registerPredict } from './commands/predict.js';
import { registerServe } from './commands/serve.js';
import { registerTrain } from './commands/train.js';
import { registerReport } from './commands/report.js';
import { withExamples } from './help-examples.js';

/**
 * The commands, one file each under `commands/`: to add one, write `commands/<name>.ts`
 * exporting `register<Name>(program)` and list it here.
 */
const commands: readonly ((program: Command) => void)[] = [
  registerIngest,
  registerInfo,
  registerTrain,
  registerEval,
  registerImport,
  registerExport,
  registerPredict,
  registerServe,
  registerReport,
];

/**
 * Builds the `s4nn` program. Parse errors throw (exitOverride) instead of exiting, so that
 * `runCli` alone decides exit statuses; settings made here are inherited by every command.
 */
export function createProgram(): Command {
  const program = new Command('s4nn')
    .description('S4NN spiking neural networks: one spike per neuron, information in its timing')
    .version('0.1.0')
    .option('--verbose', 'print stack traces with errors')
    .exitOverride()
    // Commander's parse errors read like ours: `s4nn: <what was wrong>`.
    .configureOutput({ outputError: (text, write) => write(text.replace(/^error: /, 's4nn: ')) });
  for (const register of commands) register(program);
  return withExamples(program, [
    's4nn ingest mnist:train --out mnist-train.arrow',
    's4nn info mnist-train.arrow',
    's4nn help ingest',
  ]);
}
