/**
 * A command stopped by SIGINT after finishing what it must (a training run's checkpoint): the
 * CLI prints the message as it prints errors and exits 130 (128 + signal 2), as shells report it.
 *
 * @example
 * ```ts
 * throw new Interrupted(`interrupted; continue with: s4nn train --resume ${dir}`);
 * ```
 */
export class Interrupted extends Error {
  override readonly name = 'Interrupted';
}
