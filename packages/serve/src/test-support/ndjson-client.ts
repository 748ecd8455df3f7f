import http from 'node:http';

/**
 * A streaming NDJSON client over one HTTP/1.1 connection, so that tests can interleave writing
 * the request with reading the response, stall, or vanish.
 */
export class NdjsonClient {
  readonly request: http.ClientRequest;
  /** Resolves when the connection is gone, however it ended. */
  readonly closed: Promise<void>;
  status: number | undefined;
  private readonly lines: string[] = [];
  private partial = '';
  private waiting: (() => void) | undefined;
  private ended = false;

  constructor(url: string) {
    this.request = http.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      agent: false,
    });
    this.request.flushHeaders();
    this.closed = new Promise((resolve) => {
      const finish = () => {
        this.ended = true;
        this.waiting?.();
        resolve();
      };
      this.request.on('error', finish);
      this.request.on('close', finish);
      this.request.on('response', (response) => {
        this.status = response.statusCode;
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          const parts = (this.partial + chunk).split('\n');
          this.partial = parts.pop() ?? '';
          this.lines.push(...parts);
          this.waiting?.();
        });
        response.on('error', finish);
        response.on('close', finish);
      });
    });
  }

  write(text: string): void {
    this.request.write(text);
  }

  end(text = ''): void {
    this.request.end(text);
  }

  /** The next response line, parsed; rejects when the connection ends first. */
  async nextItem(): Promise<Record<string, unknown>> {
    while (this.lines.length === 0) {
      if (this.ended) throw new Error('the response ended');
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
    return JSON.parse(this.lines.shift() as string) as Record<string, unknown>;
  }

  /** All lines until the response ends, parsed. */
  async rest(): Promise<Record<string, unknown>[]> {
    await this.closed;
    return this.lines.splice(0).map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}
