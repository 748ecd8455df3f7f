import { installedNativeBackends, type TfjsBackendChoice } from '@s4nn/core';

/**
 * The tfjs backends this machine can run, best first: `tensorflow` when tfjs-node-gpu or
 * tfjs-node is installed, then wasm and cpu (shipped with @s4nn/core).
 */
export function tfjsBackendsHere(): Exclude<TfjsBackendChoice, 'auto'>[] {
  return installedNativeBackends().length > 0 ? ['tensorflow', 'wasm', 'cpu'] : ['wasm', 'cpu'];
}
