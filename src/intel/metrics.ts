/** Counters of the intel server, exposed at `GET /metrics` in Prometheus text format. */
export class IntelMetrics {
  connectionsOpen = 0;
  connectionsTotal = 0;
  connectionsRefused = 0;
  eventsTotal = 0;
  matchesTotal = 0;
  linesRejectedTotal = 0;
  connectionsTimedOut = 0;
  enricherErrorsTotal = 0;
  httpRequestsTotal = 0;
  /** Indicator records in the indexes being served. */
  indexRecords = 0;
  reloadsTotal = 0;

  /** Prometheus exposition text (version 0.0.4). */
  toPrometheus(): string {
    const rows: Array<[string, string, 'counter' | 'gauge', number]> = [
      ['tracer_intel_connections_open', 'Open CyberTrace protocol connections.', 'gauge', this.connectionsOpen],
      ['tracer_intel_connections_total', 'Connections accepted.', 'counter', this.connectionsTotal],
      ['tracer_intel_connections_refused_total', 'Connections refused at the connection limit.', 'counter', this.connectionsRefused],
      ['tracer_intel_connections_timed_out_total', 'Connections closed for idleness or a line that never ended.', 'counter', this.connectionsTimedOut],
      ['tracer_intel_events_total', 'Events looked up (TCP and HTTP).', 'counter', this.eventsTotal],
      ['tracer_intel_matches_total', 'Matches answered.', 'counter', this.matchesTotal],
      ['tracer_intel_lines_rejected_total', 'Event lines dropped for exceeding the line limit.', 'counter', this.linesRejectedTotal],
      ['tracer_intel_enricher_errors_total', 'Enricher or MISP lookups that failed or timed out.', 'counter', this.enricherErrorsTotal],
      ['tracer_intel_http_requests_total', 'HTTP API requests.', 'counter', this.httpRequestsTotal],
      ['tracer_intel_reloads_total', 'Index reloads swapped in.', 'counter', this.reloadsTotal],
      ['tracer_intel_index_records', 'Indicator records served.', 'gauge', this.indexRecords],
    ];
    return rows.map(([name, help, type, value]) => `# HELP ${name} ${help}\n# TYPE ${name} ${type}\n${name} ${value}\n`).join('');
  }
}
