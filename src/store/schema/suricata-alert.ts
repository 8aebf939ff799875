import type { LogSchema } from './types.js';

/** suricata_alert: one record per Suricata EVE `alert` event. */
export const suricataAlertSchema: LogSchema = {
  name: 'suricata_alert',
  doc: 'Alerts read from Suricata EVE JSON logs.',
  fields: [
    { name: 'ts', type: 'time', doc: 'Alert time (EVE timestamp, converted to UTC).' },
    { name: 'flow_id', type: 'string', doc: 'Suricata flow id, shared with the flow/dns/http/tls events of the flow.' },
    { name: 'src_ip', type: 'addr', doc: 'Source address of the packet that matched.' },
    { name: 'src_port', type: 'port', doc: 'Source port.' },
    { name: 'dest_ip', type: 'addr', doc: 'Destination address.' },
    { name: 'dest_port', type: 'port', doc: 'Destination port.' },
    { name: 'proto', type: 'enum', doc: 'Transport protocol, lower case (tcp, udp, icmp…).' },
    { name: 'action', type: 'string', doc: 'allowed or blocked.' },
    { name: 'gid', type: 'count', doc: 'Rule generator id.' },
    { name: 'signature_id', type: 'count', doc: 'Rule sid.' },
    { name: 'rev', type: 'count', doc: 'Rule revision.' },
    { name: 'signature', type: 'string', doc: 'Rule message (attacker-influenced only through custom rules; escaped at display).' },
    { name: 'category', type: 'string', doc: 'Rule classtype description.' },
    { name: 'severity', type: 'count', doc: 'Rule priority: 1 (highest) to 4.' },
    { name: 'app_proto', type: 'string', doc: 'Application protocol Suricata detected on the flow.' },
    { name: 'source_file', type: 'string', doc: 'EVE file the alert was read from.' },
    { name: 'source_line', type: 'count', doc: 'Line number in source_file (1-based).' },
  ],
};
