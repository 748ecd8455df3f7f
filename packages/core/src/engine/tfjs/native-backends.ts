import { createRequire } from 'node:module';

/** The native tfjs packages (optional peers: they download libtensorflow at install), best first. */
const NATIVE_PACKAGES = [
  { name: '@tensorflow/tfjs-node-gpu', gpu: true },
  { name: '@tensorflow/tfjs-node', gpu: false },
] as const;

const require = createRequire(import.meta.url);

/**
 * The native packages installed here (they resolve), best first; nothing is loaded.
 *
 * ## Example
 * ```ts
 * installedNativeBackends(); // [] on a machine without tfjs-node(-gpu)
 * ```
 */
export function installedNativeBackends(): { name: string; gpu: boolean }[] {
  return NATIVE_PACKAGES.filter((candidate) => {
    try {
      require.resolve(candidate.name);
      return true;
    } catch {
      return false;
    }
  });
}
