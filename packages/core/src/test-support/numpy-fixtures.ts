import { readFileSync } from 'node:fs';

const fixtures = new URL('../../test/fixtures/numpy/', import.meta.url);

/** The bytes of a fixture made by numpy (test/fixtures/numpy/make-fixtures.py). */
export function numpyFixture(name: string): Uint8Array {
  return readFileSync(new URL(name, fixtures));
}
