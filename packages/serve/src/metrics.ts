/** Upper bounds of the latency histogram, in seconds. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The server's figures in the Prometheus text format (version 0.0.4): hand-written because four
 * metrics do not justify a client library.
 */
export class ServeMetrics {
  private readonly requests = new Map<string, number>();
  private readonly bucketCounts = new Float64Array(LATENCY_BUCKETS.length);
  private latencySum = 0;
  private latencyCount = 0;
  private predictions = 0;
  private errors = 0;
  /** NDJSON streams open now. */
  activeStreams = 0;

  /** Counts a finished request and its latency. */
  recordRequest(route: string, method: string, status: number, seconds: number): void {
    const key = `method="${method}",route="${escapeLabel(route)}",status="${status}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    for (let b = 0; b < LATENCY_BUCKETS.length; b++)
      if (seconds <= LATENCY_BUCKETS[b]) this.bucketCounts[b]++;
    this.latencySum += seconds;
    this.latencyCount++;
  }

  /** Counts answered samples and error items (bad samples, failed requests). */
  recordItems(predictions: number, errors: number): void {
    this.predictions += predictions;
    this.errors += errors;
  }

  /** The exposition text. */
  render(): string {
    const lines = [
      '# HELP s4nn_requests_total HTTP requests answered.',
      '# TYPE s4nn_requests_total counter',
      ...[...this.requests].map(([labels, count]) => `s4nn_requests_total{${labels}} ${count}`),
      '# HELP s4nn_predictions_total Samples predicted.',
      '# TYPE s4nn_predictions_total counter',
      `s4nn_predictions_total ${this.predictions}`,
      '# HELP s4nn_errors_total Samples answered with an error item, and requests failed with 4xx/5xx.',
      '# TYPE s4nn_errors_total counter',
      `s4nn_errors_total ${this.errors}`,
      '# HELP s4nn_active_streams NDJSON prediction streams open.',
      '# TYPE s4nn_active_streams gauge',
      `s4nn_active_streams ${this.activeStreams}`,
      '# HELP s4nn_request_duration_seconds Time from request to response end.',
      '# TYPE s4nn_request_duration_seconds histogram',
      ...LATENCY_BUCKETS.map(
        (le, b) => `s4nn_request_duration_seconds_bucket{le="${le}"} ${this.bucketCounts[b]}`,
      ),
      `s4nn_request_duration_seconds_bucket{le="+Inf"} ${this.latencyCount}`,
      `s4nn_request_duration_seconds_sum ${this.latencySum}`,
      `s4nn_request_duration_seconds_count ${this.latencyCount}`,
    ];
    return `${lines.join('\n')}\n`;
  }
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
