import { InvalidArgumentError, type Command } from 'commander';
import { withExamples } from '../help-examples.js';
import { parseCount, parseNonNegativeInteger } from '../number-parsers.js';
import { addEngineChoiceOptions } from '../run-flags.js';

/** The flags of `s4nn serve`. */
export interface ServeFlags {
  model: string;
  host: string;
  port: number;
  threads: number;
  earlyExit?: boolean;
  bodyLimit: number;
  engine?: string;
  backend?: string;
}

/** `s4nn serve --model DIR`: the HTTP prediction server, until SIGTERM or SIGINT. */
export function registerServe(program: Command): void {
  const command = program
    .command('serve')
    .summary('serve a saved model over HTTP')
    .description(
      'Serves POST /v1/predict (JSON), POST /v1/predict/stream (NDJSON in and out), ' +
        'GET /v1/model, GET /healthz and GET /metrics. On SIGTERM or SIGINT it stops ' +
        'accepting connections, finishes the requests in flight and exits 0.',
    )
    .requiredOption('--model <dir>', 'the model directory (written by s4nn train)')
    .option('--host <host>', 'interface to bind (0.0.0.0 for every interface)', '127.0.0.1')
    .option('--port <n>', 'port (0: any free port)', parsePort, 8080)
    .option('--threads <n>', 'worker threads per batch', parseNonNegativeInteger, 0)
    .option('--early-exit', 'stop each sample at its first output spike (same decisions)')
    .option(
      '--body-limit <bytes>',
      'largest JSON body and NDJSON line (over it: 413)',
      parseCount,
      1 << 20,
    );
  addEngineChoiceOptions(command).action(async (flags: ServeFlags) =>
    (await import('./serve-action.js')).serveAction(flags),
  );
  withExamples(command, [
    's4nn serve --model models/mnist',
    's4nn serve --model models/mnist --host 0.0.0.0 --port 9000 --threads 2',
    's4nn serve --model models/mnist --engine tfjs --backend tensorflow',
  ]);
}

/** A TCP port, 0..65535 (0: any free port). */
function parsePort(text: string): number {
  const port = parseNonNegativeInteger(text);
  if (port > 65535) throw new InvalidArgumentError('expected a port in 0..65535.');
  return port;
}
