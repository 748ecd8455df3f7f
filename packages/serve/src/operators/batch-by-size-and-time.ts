import {
  asyncScheduler,
  Observable,
  type OperatorFunction,
  type SchedulerLike,
  type Subscription,
} from 'rxjs';

/**
 * Groups a stream into arrays of at most `maxSize` items, an array leaving at the latest
 * `maxDelayMs` after its first item arrived (or when the source completes).
 *
 * Like `bufferTime(maxDelayMs, null, maxSize)`, except that the clock starts with a batch's first
 * item rather than ticking on an idle stream, and empty arrays are never emitted.
 *
 * ## Example
 * ```ts
 * // source: ab-c------d|     with maxSize 2, maxDelayMs 3
 * // result: -x----y----(z|)  x = [a, b], y = [c] (3 ms after c), z = [d]
 * source.pipe(batchBySizeAndTime(2, 3));
 * ```
 *
 * @param maxSize Largest batch (>= 1).
 * @param maxDelayMs Longest wait of an item for its batch to fill (>= 0).
 * @param scheduler Where the timer runs (a TestScheduler in tests).
 * @return An operator from items to non-empty arrays of consecutive items, in order.
 */
export function batchBySizeAndTime<T>(
  maxSize: number,
  maxDelayMs: number,
  scheduler: SchedulerLike = asyncScheduler,
): OperatorFunction<T, T[]> {
  return (source) =>
    new Observable<T[]>((subscriber) => {
      let batch: T[] = [];
      let timer: Subscription | undefined;
      const flush = () => {
        timer?.unsubscribe();
        timer = undefined;
        if (batch.length === 0) return;
        const full = batch;
        batch = [];
        subscriber.next(full);
      };
      const subscription = source.subscribe({
        next: (item) => {
          batch.push(item);
          if (batch.length >= maxSize) flush();
          else timer ??= scheduler.schedule(flush, maxDelayMs);
        },
        error: (error) => subscriber.error(error),
        complete: () => {
          flush();
          subscriber.complete();
        },
      });
      return () => {
        timer?.unsubscribe();
        subscription.unsubscribe();
      };
    });
}
