/** A value of the Python literal subset that `.npy` headers use; tuples become arrays. */
export type PythonLiteral = string | number | boolean | null | PythonLiteral[] | PythonDict;
export interface PythonDict {
  [key: string]: PythonLiteral;
}

/**
 * Parses the Python literal of a `.npy` header (a dict of strings, integers, booleans, None,
 * tuples and lists, as `repr` writes them). A small recursive-descent parser: the header is data
 * and is never evaluated. Throws an Error saying what was expected at which character.
 *
 * ## Example
 * ```ts
 * parsePythonLiteral("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }");
 * // { descr: '<f8', fortran_order: false, shape: [3, 4] }
 * ```
 */
export function parsePythonLiteral(text: string): PythonLiteral {
  let position = 0;

  const fail = (expected: string): never => {
    const found = position < text.length ? JSON.stringify(text[position]) : 'the end';
    throw new Error(`expected ${expected} at character ${position}, found ${found}`);
  };
  const skipSpace = (): void => {
    while (position < text.length && /\s/.test(text[position])) position++;
  };
  const accept = (token: string): boolean => {
    skipSpace();
    if (text.startsWith(token, position)) {
      position += token.length;
      return true;
    }
    return false;
  };

  // Items separated by commas, a trailing comma allowed, up to `close`.
  const parseItems = (close: string, parseItem: () => void): void => {
    while (!accept(close)) {
      parseItem();
      if (!accept(',')) {
        if (accept(close)) return;
        fail(`',' or '${close}'`);
      }
    }
  };

  const parseString = (): string => {
    const quote = text[position];
    position++;
    let value = '';
    while (position < text.length && text[position] !== quote) {
      if (text[position] === '\\') position++;
      value += text[position];
      position++;
    }
    if (position >= text.length) fail(`closing ${quote}`);
    position++;
    return value;
  };

  const parseValue = (): PythonLiteral => {
    skipSpace();
    const start = text[position];
    if (start === "'" || start === '"') return parseString();
    if (accept('{')) {
      const dict: PythonDict = {};
      parseItems('}', () => {
        skipSpace();
        const key = parseValue();
        if (typeof key !== 'string') fail('a string key');
        if (!accept(':')) fail("':'");
        // defineProperty, so that a key such as '__proto__' is a plain key, never a prototype.
        Object.defineProperty(dict, key as string, {
          value: parseValue(),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      });
      return dict;
    }
    if (accept('(')) return parseSequence(')');
    if (accept('[')) return parseSequence(']');
    if (accept('True')) return true;
    if (accept('False')) return false;
    if (accept('None')) return null;
    const integer = /^-?\d+L?/.exec(text.slice(position));
    if (integer === null) return fail('a string, number, True, False, None, dict, tuple or list');
    position += integer[0].length;
    return Number.parseInt(integer[0], 10);
  };

  const parseSequence = (close: string): PythonLiteral[] => {
    const items: PythonLiteral[] = [];
    parseItems(close, () => items.push(parseValue()));
    return items;
  };

  const value = parseValue();
  skipSpace();
  if (position !== text.length) fail('the end of the header');
  return value;
}
