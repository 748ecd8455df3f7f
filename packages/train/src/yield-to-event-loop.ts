/**
 * Resolves on the next turn of the event loop (after pending I/O and timers), so that a long
 * computation run in chunks lets unsubscribes, signals and timers in between.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
