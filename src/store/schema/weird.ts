import type { LogSchema } from './types.js';

/** weird: samples of named anomalies (malformed packets, capture damage), as Zeek weird.log. */
export const weirdSchema: LogSchema = {
  name: 'weird',
  doc: 'Named anomalies found in traffic or in the capture container, as Zeek weird.log.',
  fields: [
    { name: 'ts', type: 'time', doc: 'Time of the packet (or of the last packet before the damage).' },
    { name: 'uid', type: 'string', doc: 'Connection uid when the anomaly belongs to a connection, else empty.' },
    { name: 'name', type: 'string', doc: 'Stable snake_case anomaly code, e.g. ip_truncated.' },
    { name: 'addl', type: 'string', doc: 'Extra detail: frame number, lengths, message.' },
    { name: 'source', type: 'string', doc: 'Input file and byte offset (file@offset) where it was found.' },
  ],
};
