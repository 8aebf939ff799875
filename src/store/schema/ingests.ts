import type { LogSchema } from './types.js';

/** ingests: one row per input file read into the store (provenance for the analyst and the court). */
export const ingestsSchema: LogSchema = {
  name: 'ingests',
  doc: 'Provenance of every input read into the store: identity, extent and damage.',
  fields: [
    { name: 'id', type: 'count', doc: 'Sequence number of the ingest within this store, from 1.' },
    { name: 'input', type: 'string', doc: 'File name of the input (no directory).' },
    { name: 'path', type: 'string', doc: 'Path of the input as given on the command line.' },
    { name: 'sha256', type: 'string', doc: 'SHA-256 of the input file as stored on disk (hex).' },
    { name: 'file_bytes', type: 'count', doc: 'Size of the input file on disk.' },
    { name: 'compressed', type: 'bool', doc: 'The input was gzip/zstd compressed.' },
    { name: 'format', type: 'string', doc: 'Container format: pcap or pcapng.' },
    { name: 'packets', type: 'count', doc: 'Packets read from the input.' },
    { name: 'first_ts', type: 'time', doc: 'Timestamp of the first packet (unset when there is none).' },
    { name: 'last_ts', type: 'time', doc: 'Timestamp of the last packet (unset when there is none).' },
    { name: 'link_types', type: 'vector[count]', doc: 'LINKTYPE_* values of the interfaces seen.' },
    { name: 'anomalies', type: 'string', doc: 'JSON object: anomaly code to count, for this input.' },
    { name: 'problems', type: 'count', doc: 'Problems found in the capture container itself.' },
    { name: 'truncated', type: 'bool', doc: 'The input ended in the middle of a record.' },
    { name: 'tracer_version', type: 'string', doc: 'Version of Tracer that did the ingest.' },
    { name: 'started', type: 'string', doc: 'Wall-clock start of the ingest (ISO 8601, UTC).' },
    { name: 'finished', type: 'string', doc: 'Wall-clock end of the ingest (ISO 8601, UTC).' },
    { name: 'parameters', type: 'string', doc: 'JSON object: the options the ingest ran with.' },
  ],
};
