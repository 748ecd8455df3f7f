import type { EngineInfo } from '@s4nn/core';

/**
 * What an engine session runs on, in a few words, for the first lines of `train` and `eval`.
 *
 * @example
 * ```ts
 * engineText({ engine: 'tfjs', backend: 'wasm', device: 'cpu' }); // 'tfjs engine, wasm backend on the cpu'
 * ```
 */
export function engineText(info: EngineInfo): string {
  return `${info.engine} engine, ${info.backend} backend on the ${info.device}`;
}
