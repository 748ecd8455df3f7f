/**
 * Picks and initialises the TensorFlow.js backend of the `tfjs` engine. The native backends
 * (`@tensorflow/tfjs-node-gpu`, `@tensorflow/tfjs-node`) are optional peer dependencies that
 * download libtensorflow at install time, so they are loaded at run time through a variable
 * specifier: a machine without them installs, builds and tests as usual.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { SpecError } from '../../spec/spec-error.js';
import { installedNativeBackends } from './native-backends.js';
import {
  TFJS_BACKEND_CHOICES,
  TFJS_GPU_INSTALL_HINT,
  type TfjsBackendChoice,
  type TfjsBackendInfo,
} from './tfjs-options.js';

const require = createRequire(import.meta.url);

let nativeLoaded: TfjsBackendInfo | null | undefined;
let wasmLoaded = false;

/** Loads the first native package that imports (once); null when none does. */
async function loadNative(): Promise<TfjsBackendInfo | null> {
  if (nativeLoaded !== undefined) return nativeLoaded;
  nativeLoaded = null;
  // TensorFlow runs float32 matrix products as TF32 (10-bit mantissa) on Ampere and later GPUs
  // unless told otherwise; S4NN's threshold tests need true float32 sums.
  process.env.NVIDIA_TF32_OVERRIDE ??= '0';
  for (const candidate of installedNativeBackends()) {
    try {
      const specifier: string = candidate.name;
      // A variable specifier: TypeScript and bundlers leave the optional peer alone.
      await import(specifier);
      nativeLoaded = { backend: 'tensorflow', package: candidate.name, gpu: candidate.gpu };
      break;
    } catch {
      // Installed but broken (e.g. no libtensorflow or CUDA libraries): try the next one.
    }
  }
  return nativeLoaded;
}

async function loadWasm(): Promise<void> {
  if (wasmLoaded) return;
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  // In Node the backend reads its .wasm binaries from files: point it at the package's dist/.
  const dist = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
  wasm.setWasmPaths(`${dist}/`);
  wasmLoaded = true;
}

async function activate(name: TfjsBackendInfo['backend']): Promise<boolean> {
  try {
    return await tf.setBackend(name);
  } catch {
    return false;
  }
}

/**
 * Initialises the backend asked for and makes it tfjs's current one. `auto` falls down the
 * list tensorflow (tfjs-node-gpu, then tfjs-node) -> wasm -> cpu. Asking for `tensorflow` on a
 * machine without a native package throws with the install command.
 *
 * ## Example
 * ```ts
 * const info = await useTfjsBackend('auto'); // { backend: 'wasm', package: '@tensorflow/tfjs-backend-wasm', gpu: false }
 * ```
 */
export async function useTfjsBackend(choice: TfjsBackendChoice): Promise<TfjsBackendInfo> {
  if (!TFJS_BACKEND_CHOICES.includes(choice)) {
    throw new SpecError(
      `tfjs engine: option 'backend' must be one of ${TFJS_BACKEND_CHOICES.join(', ')} (got ${String(choice)})`,
      'backend',
    );
  }
  if (choice === 'auto' || choice === 'tensorflow') {
    const native = await loadNative();
    if (native !== null && (await activate('tensorflow'))) return native;
    if (choice === 'tensorflow') {
      throw new Error(
        `tfjs engine: backend 'tensorflow' asked for, but neither @tensorflow/tfjs-node-gpu nor ` +
          `@tensorflow/tfjs-node loads here; ${TFJS_GPU_INSTALL_HINT}`,
      );
    }
  }
  if (choice === 'auto' || choice === 'wasm') {
    try {
      await loadWasm();
      if (await activate('wasm')) {
        return { backend: 'wasm', package: '@tensorflow/tfjs-backend-wasm', gpu: false };
      }
    } catch (error) {
      if (choice === 'wasm')
        throw new Error(`tfjs engine: the wasm backend failed to load: ${String(error)}`);
    }
    if (choice === 'wasm') throw new Error('tfjs engine: the wasm backend failed to initialise');
  }
  await import('@tensorflow/tfjs-backend-cpu');
  if (!(await activate('cpu')))
    throw new Error('tfjs engine: the cpu backend failed to initialise');
  // The cpu backend prints a banner recommending tfjs-node on its first tensor; the engine
  // reports its backend itself (and how to get the native one), so the banner is switched off.
  (tf.backend() as unknown as { firstUse: boolean }).firstUse = false;
  return { backend: 'cpu', package: '@tensorflow/tfjs-backend-cpu', gpu: false };
}

/**
 * Makes `backend` current again when another session switched tfjs to a different one. The
 * backend is initialised already, so `setBackend` switches synchronously (it awaits only a
 * first initialisation) and its promise can be left alone.
 */
export function switchToBackend(backend: TfjsBackendInfo['backend']): void {
  if (tf.getBackend() !== backend) void tf.setBackend(backend);
}
