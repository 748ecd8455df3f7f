import type { Network } from '../../network/network.js';
import { installedNativeBackends } from './native-backends.js';
import { registerEngine } from '../registry.js';
import { TFJS_ENGINE, type TfjsBackendInfo, type TfjsEngineOptions } from './tfjs-options.js';
import type { TfjsSession } from './tfjs-session.js';

/**
 * Below the event engine's priority: on a CPU the dense time axis costs far more than the event
 * kernels (~110 ms against ~4 ms per 784-400-10 forward pass), so `tfjs` runs only when asked
 * for by name, with `backend` picking tfjs-node-gpu, tfjs-node, wasm or cpu.
 */
export const TFJS_ENGINE_PRIORITY = 0;

/**
 * Binds `network` to the tfjs engine. TensorFlow.js is loaded on the first call, not when
 * `@s4nn/core` is imported.
 *
 * ## Example
 * ```ts
 * const session = await createTfjsSession(network, { backend: 'auto' });
 * console.log(session.info.backend); // 'tensorflow' with tfjs-node(-gpu) installed, else 'wasm'
 * ```
 */
export async function createTfjsSession(
  network: Network,
  options: TfjsEngineOptions = {},
): Promise<TfjsSession> {
  const { TfjsSession } = await import('./tfjs-session.js');
  return TfjsSession.create(network, options);
}

/**
 * What `s4nn info --engines` shows for tfjs: the backend `auto` picks here (initialising it),
 * and the native packages installed.
 */
export async function describeTfjsEngine(): Promise<{
  auto: TfjsBackendInfo;
  nativeInstalled: string[];
}> {
  const { useTfjsBackend } = await import('./tfjs-backend.js');
  return {
    auto: await useTfjsBackend('auto'),
    nativeInstalled: installedNativeBackends().map((candidate) => candidate.name),
  };
}

registerEngine({
  name: TFJS_ENGINE,
  priority: TFJS_ENGINE_PRIORITY,
  // The cpu backend ships with @s4nn/core, so the engine runs everywhere.
  isAvailable: () => true,
  describe: async () => {
    const { auto, nativeInstalled } = await describeTfjsEngine();
    const native = nativeInstalled.length > 0 ? nativeInstalled.join(', ') : 'none';
    return `auto picks ${auto.backend} (${auto.package}${auto.gpu ? ', GPU' : ''}); native packages installed: ${native}`;
  },
  // `createSession` passes its options object through: `backend` (validated by
  // `useTfjsBackend`, naming the option), `memoryBudgetBytes` and `potentials` ride along.
  create: (network, options) => createTfjsSession(network, options as TfjsEngineOptions),
});
