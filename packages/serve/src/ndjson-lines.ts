import { StringDecoder } from 'node:string_decoder';

/** One line of an NDJSON input: its text (or what was wrong with it) and its number from 1. */
export interface NdjsonLine {
  line: number;
  text: string;
  /** Set when the line could not be kept whole (longer than the limit). */
  error?: string;
}

/**
 * Splits a byte stream into lines without holding more than one line (at most `maxLineBytes`)
 * in memory. Blank lines are counted but not reported. A line over the limit is reported as an
 * error and skipped up to its end, so that a huge line cannot exhaust memory.
 */
export class NdjsonLineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';
  private lineNumber = 0;
  private skipping = false;

  constructor(
    private readonly maxLineBytes: number,
    private readonly onLine: (line: NdjsonLine) => void,
  ) {}

  /** Feeds a chunk; calls `onLine` for every line it completes. */
  push(chunk: Buffer | string): void {
    const text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      this.endLine(text.slice(start, end));
      start = end + 1;
    }
    this.keep(text.slice(start));
  }

  /** Ends the input: the last line needs no newline. */
  end(): void {
    this.keep(this.decoder.end());
    if (this.partial.length > 0 || this.skipping) this.endLine('');
  }

  private keep(rest: string): void {
    if (this.skipping || rest.length === 0) return;
    this.partial += rest;
    // String length counts UTF-16 units, never more than the UTF-8 bytes: the check is cheap
    // and errs on the permissive side by at most the multi-byte characters.
    if (this.partial.length > this.maxLineBytes) {
      this.partial = '';
      this.skipping = true;
    }
  }

  private endLine(tail: string): void {
    this.lineNumber++;
    const text = this.partial + tail;
    this.partial = '';
    if (this.skipping || text.length > this.maxLineBytes) {
      this.skipping = false;
      this.onLine({
        line: this.lineNumber,
        text: '',
        error: `line longer than ${this.maxLineBytes} bytes`,
      });
    } else if (text.trim().length > 0) {
      this.onLine({ line: this.lineNumber, text });
    }
  }
}
