import { describe, expect, it } from 'vitest';
import { parseLines } from './testing/collect.js';
import { windowsSecurityParser } from './windows-security.js';

/** The three JSON layouts Windows events are exported in, with the EventData fields Microsoft documents for each id. */
const WINLOGBEAT_4625 = JSON.stringify({
  '@timestamp': '2024-05-01T10:00:00.123Z',
  winlog: { event_id: '4625', computer_name: 'DC01.corp.local', channel: 'Security', event_data: { TargetUserName: 'administrator', SubStatus: '0xc000006a', LogonType: '3', IpAddress: '198.51.100.7', IpPort: '51234', AuthenticationPackageName: 'NTLM' } },
});
const EVTX_4624 = JSON.stringify({
  Event: { System: { EventID: { '#text': 4624 }, TimeCreated: { '#attributes': { SystemTime: '2024-05-01T10:00:05.000000Z' } }, Computer: 'DC01', Channel: 'Security' },
    EventData: { TargetUserName: 'svc', LogonType: 10, IpAddress: '198.51.100.7', IpPort: '0', AuthenticationPackageName: 'Negotiate' } },
});
const FLAT_4672 = JSON.stringify({ EventID: 4672, TimeCreated: '2024-05-01T10:00:06Z', Computer: 'DC01', Channel: 'Security', EventData: { SubjectUserName: 'svc', PrivilegeList: 'SeDebugPrivilege' } });
const FLAT_4648 = JSON.stringify({ EventID: 4648, TimeCreated: '2024-05-01T10:00:07Z', Computer: 'WS7', TargetUserName: 'admin', TargetServerName: 'fs01', IpAddress: '-', IpPort: '-' });
const SYSMON_3 = JSON.stringify({
  Event: { System: { EventID: 3, TimeCreated: { SystemTime: '2024-05-01T10:01:00Z' }, Computer: 'WS7', Channel: 'Microsoft-Windows-Sysmon/Operational' },
    EventData: { UtcTime: '2024-05-01 10:00:59.876', ProcessId: '4242', Image: 'C:\\Users\\u\\evil.exe', User: 'CORP\\u', Protocol: 'tcp', Initiated: 'true', SourceIp: '10.0.0.7', SourcePort: '50123', DestinationIp: '203.0.113.66', DestinationPort: '443' } },
});

describe('Windows Security / Sysmon JSON', () => {
  it('reads 4624, 4625, 4648 and 4672 from each layout into auth', () => {
    const { records, errors } = parseLines(windowsSecurityParser({ file: 'sec.json' }), [WINLOGBEAT_4625, EVTX_4624, FLAT_4672, FLAT_4648, '{"EventID":4688,"TimeCreated":"2024-05-01T10:00:08Z"}', '{"foo":1}']);
    expect(records.auth?.map((r) => r.event)).toEqual(['logon_failure', 'logon_success', 'special_privileges', 'explicit_credentials']);
    expect(records.auth?.[0]).toMatchObject({ ts: 1714557600.123, host: 'DC01.corp.local', user: 'administrator', src_ip: '198.51.100.7', src_port: 51234, method: 'NTLM', logon_type: 3, invalid_user: false });
    expect(records.auth?.[1]).toMatchObject({ user: 'svc', logon_type: 10, src_port: null, method: 'Negotiate' });
    expect(records.auth?.[2]).toMatchObject({ user: 'svc', host: 'DC01' });
    expect(records.auth?.[3]).toMatchObject({ user: 'admin', src_ip: null, host: 'WS7' });
    expect(errors.map((e) => [e.line, e.code])).toEqual([[6, 'windows_no_event']]);
  });

  it('reads Sysmon event 3 into sysmon_conns', () => {
    const { records } = parseLines(windowsSecurityParser({ file: 'sysmon.json' }), [SYSMON_3]);
    expect(records.sysmon_conns?.[0]).toMatchObject({ ts: 1714557659.876, host: 'WS7', pid: 4242, image: 'C:\\Users\\u\\evil.exe', proto: 'tcp', initiated: true, dst_ip: '203.0.113.66', dst_port: 443 });
    expect(records.auth).toBeUndefined();
  });
});
