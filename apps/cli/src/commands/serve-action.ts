import { inputWidth } from '@s4nn/core';
import { createServer } from '@s4nn/serve';
import { checkBackendFlag } from '../engine-flags.js';
import { engineText } from '../engine-text.js';
import { loadModelOption } from '../model-directory.js';
import type { ServeFlags } from './serve.js';

/** Runs `s4nn serve` (see `commands/serve.ts`) until SIGTERM or SIGINT. */
export async function serveAction(flags: ServeFlags): Promise<void> {
  checkBackendFlag(flags.engine, flags.backend);
  const model = await loadModelOption(flags.model);
  const server = await createServer(model, {
    host: flags.host,
    port: flags.port,
    threads: flags.threads,
    earlyExit: flags.earlyExit === true,
    bodyLimit: flags.bodyLimit,
    engine: flags.engine,
    backend: flags.backend,
  });
  const address = await server.listen();
  const width = inputWidth(model.spec);
  process.stdout.write(
    `s4nn: serving ${flags.model} (${width} inputs, ${model.classes.names.length} classes; ${engineText(server.engineInfo)}) at ${address}\n` +
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
}
