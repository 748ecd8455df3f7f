/**
 * Bad configuration or arguments: the message names the field (e.g. `layers[1].threshold`) and
 * what was expected. `field` holds the same path for programs.
 */
export class SpecError extends Error {
  constructor(
    message: string,
    /** Path of the offending field, e.g. `layers[1].threshold`; empty when not about one field. */
    readonly field: string = '',
  ) {
    super(message);
    this.name = 'SpecError';
  }
}
