import type { LogSchema } from './types.js';

/** sysmon_conns: Windows Sysmon event 3 (network connection detected), one record per event. */
export const sysmonConnsSchema: LogSchema = {
  name: 'sysmon_conns',
  doc: 'Network connections attributed to processes by Sysmon (event id 3).',
  fields: [
    { name: 'ts', type: 'time', doc: 'UtcTime of the connection.' },
    { name: 'host', type: 'string', doc: 'Computer that logged it.' },
    { name: 'pid', type: 'int', doc: 'ProcessId.' },
    { name: 'image', type: 'string', doc: 'Executable path (Image).' },
    { name: 'user', type: 'string', doc: 'Account the process ran as.' },
    { name: 'proto', type: 'enum', doc: 'tcp or udp.' },
    { name: 'initiated', type: 'bool', doc: 'The process opened the connection (outbound).' },
    { name: 'src_ip', type: 'addr', doc: 'SourceIp.' },
    { name: 'src_port', type: 'port', doc: 'SourcePort.' },
    { name: 'dst_ip', type: 'addr', doc: 'DestinationIp.' },
    { name: 'dst_port', type: 'port', doc: 'DestinationPort.' },
    { name: 'source_file', type: 'string', doc: 'Log file the event was read from.' },
    { name: 'source_line', type: 'count', doc: 'Line number in source_file (1-based).' },
  ],
};
