import { InvalidArgumentError, type Command } from 'commander';
import { inputWidth } from '@s4nn/core';
import { createServer } from '@s4nn/serve';
import { withExamples } from '../help-examples.js';
import { parseCount, parseNonNegativeInteger } from '../number-parsers.js';
import { loadModelOption } from '../model-directory.js';

interface ServeFlags {
  model: string;
  host: string;
  port: number;
  threads: number;
  earlyExit?: boolean;
  bodyLimit: number;
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
    )
    .action(async (flags: ServeFlags) => {
      const model = await loadModelOption(flags.model);
      const server = await createServer(model, {
        host: flags.host,
        port: flags.port,
        threads: flags.threads,
        earlyExit: flags.earlyExit === true,
        bodyLimit: flags.bodyLimit,
      });
      const address = await server.listen();
      const width = inputWidth(model.spec);
      process.stdout.write(
        `s4nn: serving ${flags.model} (${width} inputs, ${model.classes.names.length} classes) at ${address}\n` +
          `try:  curl -s ${address}/v1/model\n` +
          `      curl -s -H 'content-type: application/json' -d '{"values": [${width} numbers]}' ${address}/v1/predict\n` +
          `      curl -sN -H 'content-type: application/x-ndjson' --data-binary @samples.ndjson ${address}/v1/predict/stream\n`,
      );
      const signal = await new Promise<NodeJS.Signals>((resolve) => {
        process.once('SIGTERM', () => resolve('SIGTERM'));
        process.once('SIGINT', () => resolve('SIGINT'));
      });
      process.stdout.write(`s4nn: ${signal}: finishing the requests in flight\n`);
      await server.close();
      process.stdout.write('s4nn: stopped\n');
    });
  withExamples(command, [
    's4nn serve --model models/mnist',
    's4nn serve --model models/mnist --host 0.0.0.0 --port 9000 --threads 2',
  ]);
}

/** A TCP port, 0..65535 (0: any free port). */
function parsePort(text: string): number {
  const port = parseNonNegativeInteger(text);
  if (port > 65535) throw new InvalidArgumentError('expected a port in 0..65535.');
  return port;
}
