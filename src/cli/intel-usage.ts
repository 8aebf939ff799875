/**
 * Usage texts of \`tracer intel\` and its sub-commands, kept apart from the
 * commands so \`tracer intel … --help\` (answered before a sub-command loads)
 * can show them all without loading feeds, servers or the store.
 */

/** \`tracer intel compile\`. */
export const compileUsage = `Usage: tracer intel compile <feed…> -o FILE.tix

Loads the feeds (see "tracer intel --help" for the feed syntax) and writes one
compiled index: checksummed, loaded by views over the file in well under a
second per million indicators, never executing anything it reads. The file is
written under a temporary name and renamed, so a running server can reload it.
Broken records are printed as FILE:LINE: reason; the rest compiles.

Examples:
  tracer intel compile ipsum.txt feodo.json,name=feodo -o ip.tix
  tracer intel compile iocs.csv,key=Indicator,parents misp-feed/ -o all.tix`;

/** \`tracer intel serve\`. */
export const serveUsage = `Usage: tracer intel serve [options]

CyberTrace/KUMA-compatible enrichment server. Clients may start with the
X-KF-ReplyBack or X-KF-SendFinishedEventX-KF-ReplyBack flag (with or without a
newline), then send events, one per line: key=value|key=value with url=, ip=,
hash= (and domain=) fields. Every match is answered as
Category=FEED|MatchedIndicator=…|field=value|… and every event ends with
LookupFinished. Many events per connection, pipelined. SIGHUP reloads every
feed and index and swaps them in at once.

Sources (any mix, each repeatable):
  --feed SPEC            a feed file (see "tracer intel --help" for SPEC)
  --tix FILE             a compiled index (tracer intel compile)
  --enricher MODULE      a plugin module exporting enrich(field, value)
                         (example: examples/enrichers/url-decoder.mjs)
  --misp-url URL         ask MISP /attributes/restSearch; key from $TRACER_MISP_KEY
  --misp-cache N         cached MISP answers (default 10000)
  --misp-ttl S           seconds a MISP answer is reused (default 300)
Network:
  --host ADDR            listen address (default 127.0.0.1; exposing it is your call)
  --port N               CyberTrace port (default 16666)
  --http-port N          also serve the HTTP API (POST /api/v1/lookup, /healthz, /metrics)
Limits:
  --max-line-bytes N     longer event lines are dropped, logged and answered
                         with LookupFinished; the connection stays open (default 65536)
  --idle-seconds S       close silent connections (default 120)
  --line-seconds S       close a connection whose line never ends (default 30)
  --max-connections N    refuse connections beyond this (default 16384)
Logging:
  --log FILE|-|none      JSON lines for every lookup and problem (default -: stderr)

Examples:
  tracer intel serve --feed Phishing_URL_Data_Feed.json,key=mask --port 16666
  tracer intel serve --tix ip.tix --tix url.tix --http-port 8080 --log /var/log/tracer-intel.jsonl`;

/** \`tracer intel lookup\`. */
export const lookupUsage = `Usage: tracer intel lookup <indicator…> (--feed SPEC | --tix FILE)… [--at TIME] [--json]

Checks IPs, domains, URLs and hashes (the kind is recognised from the text)
against feeds and compiled indexes and prints each match as
  OBSERVED  Category=FEED|MatchedIndicator=…|context…
Options:
  --feed SPEC   a feed (repeatable; see "tracer intel --help")
  --tix FILE    a compiled index (repeatable)
  --at TIME     evaluate expiry at this ISO-8601 time (default: now)
  --json        one JSON object per match
Exit status: 0 when something matched, 3 when nothing did.

Examples:
  tracer intel lookup 178.128.23.9 --feed feodo.json
  tracer intel lookup http://evil.example/login --tix all.tix --json`;

/** \`tracer intel match\`. */
export const matchUsage = `Usage: tracer intel match --db STORE (--feed SPEC | --tix FILE)… [--reverse-dns [--dns-server IP[:PORT]]…] [--json]

Matches everything an ingested capture saw — connection IPs, DNS queries and
answers, HTTP hosts and URLs, TLS server names, file hashes — against feeds
and compiled indexes, each judged at the time it was first seen. Prints one
alert per match, in order of first sight, with the feed's context and the
country of IP observables (offline GeoIP; data CC BY 4.0 by NRO, nro.net).
Options:
  --db STORE    the DuckDB store written by "tracer ingest"
  --feed SPEC   a feed (repeatable; see "tracer intel --help")
  --tix FILE    a compiled index (repeatable)
  --reverse-dns ask live reverse DNS (PTR) for each matched IP — opt-in, since it tells a
                resolver which addresses you investigate; 2 s timeout, answers cached
  --dns-server  resolver to ask (repeatable; default: the system's)
  --json        one JSON object per alert
Exit status: 0 when something matched, 3 when nothing did.

Example:
  tracer intel match --db case42.duckdb --tix all.tix
  tracer intel match --db case42.duckdb --feed ipsum.txt --reverse-dns --dns-server 10.0.0.53`;

/** \`tracer intel\`: the overview followed by every sub-command's usage. */
export const intelUsage = [`Usage: tracer intel <compile|serve|lookup|match> [options]

Threat intelligence: load feeds (CSV, JSON/NDJSON, Kaspersky JSON, STIX 2.1,
MISP feeds, MISP warninglists, plain lists, Zeek intel), compile them into a
fast checksummed index, check indicators, and serve a CyberTrace/KUMA
compatible enrichment server with an HTTP API.

A feed is named as PATH[,key=FIELD][,name=NAME][,format=FMT][,parents][,allow]:
  key=FIELD   CSV column or JSON field path (threat.ip) holding the indicator
  name=NAME   category reported with matches (default: file name)
  format=FMT  csv json ndjson kaspersky stix misp warninglist plain zeek
              (default: from the extension and content; a directory is a MISP feed)
  parents     domains also match their sub-domains
  allow       an allowlist: its matches suppress other feeds' matches

Sub-commands (each described below):
  compile   compile feeds into a .tix index file
  serve     CyberTrace/KUMA TCP enrichment server and HTTP API
  lookup    check indicators against feeds or compiled indexes
  match     match everything an ingested capture saw (store) against feeds`, compileUsage, serveUsage, lookupUsage, matchUsage].join('\n\n');
