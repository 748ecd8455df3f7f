import { TFJS_ENGINE } from '@s4nn/core';
import { UsageError } from './usage-error.js';

/**
 * `--backend` picks a backend of the tfjs engine: with any other engine (`engine` undefined is
 * the default engine) it is bad usage rather than silently ignored.
 *
 * @example
 * ```ts
 * checkBackendFlag('event', 'wasm'); // throws: --backend applies to --engine tfjs only ...
 * ```
 */
export function checkBackendFlag(engine: string | undefined, backend: string | undefined): void {
  if (backend === undefined || engine === TFJS_ENGINE) return;
  const given = engine === undefined ? 'no --engine was given' : `the engine is ${engine}`;
  throw new UsageError(`--backend applies to --engine ${TFJS_ENGINE} only (${given})`);
}
