import type { LogSchema } from './types.js';

/** pdns: passive DNS, one record per (address, name) pair per connection. */
export const pdnsSchema: LogSchema = {
  name: 'pdns',
  doc: 'Passive DNS: addresses seen in A/AAAA answers and the names they answered, per connection.',
  fields: [
    { name: 'first_seen', type: 'time', doc: 'First reply carrying this pair on the connection.' },
    { name: 'last_seen', type: 'time', doc: 'Last reply carrying this pair on the connection.' },
    { name: 'answer', type: 'addr', doc: 'Address given in an A or AAAA answer.' },
    { name: 'query', type: 'string', doc: 'Name it answered: the record owner, or the name asked for at the head of a CNAME chain.' },
    { name: 'count', type: 'count', doc: 'Replies on the connection that carried this pair.' },
    { name: 'uid', type: 'string', doc: 'Connection uid of the DNS exchange.' },
  ],
};
