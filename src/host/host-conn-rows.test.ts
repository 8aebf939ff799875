import { describe, expect, it } from 'vitest';
import type { DeathRecord } from './host-monitor.js';
import { hostConnRows } from './host-conn-rows.js';
import type { LoggedBirth } from './host-log-reader.js';
import { hostConnsSchema } from '../store/schema/host-conns.js';
import { columnName } from '../store/schema/types.js';

describe('hostConnRows', () => {
  it('merges each birth with its death and keeps the higher risk', () => {
    const birth = { kind: 'birth', seq: 7, ts: 10, risk: 40, risk_reasons: ['shell_owns_socket'] } as unknown as LoggedBirth;
    const open = { ...birth, seq: 8 };
    const death = { kind: 'death', birth_seq: 7, ts: 4000, last_seen: 3990, duration_min: 3980, duration_max: 4000, risk: 60, risk_reasons: ['shell_owns_socket', 'long_lived'] } as DeathRecord;
    const rows = [...hostConnRows({ births: [birth, open], deaths: new Map([[7, death]]), lastTs: 4000 })];
    expect(rows[0]).toMatchObject({ log_seq: 7, death_ts: 4000, last_seen: 3990, duration_min: 3980, risk: 60, risk_reasons: ['shell_owns_socket', 'long_lived'] });
    expect(rows[1]).toMatchObject({ log_seq: 8, death_ts: null, duration_min: null, risk: 40 });
  });

  it('fills only columns the host_conns schema declares, plus chain fields the store ignores', () => {
    const birth = { kind: 'birth', seq: 1, ts: 1, risk: 0, risk_reasons: [] } as unknown as LoggedBirth;
    const [row] = [...hostConnRows({ births: [birth], deaths: new Map(), lastTs: 1 })];
    const columns = new Set(hostConnsSchema.fields.map((f) => columnName(f)));
    expect(Object.keys(row).filter((k) => !columns.has(k))).toEqual(['kind', 'seq']);
  });
});
