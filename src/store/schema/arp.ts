import type { LogSchema } from './types.js';

/** arp: one record per ARP message (Ethernet/IPv4), for spoofing detection. */
export const arpSchema: LogSchema = {
  name: 'arp',
  doc: 'ARP requests and replies with the claimed sender and target bindings.',
  fields: [
    { name: 'ts', type: 'time', doc: 'Time of the packet.' },
    { name: 'operation', type: 'count', doc: 'ARP operation: 1 request, 2 reply.' },
    { name: 'src_mac', type: 'string', doc: 'Ethernet source MAC.' },
    { name: 'dst_mac', type: 'string', doc: 'Ethernet destination MAC.' },
    { name: 'sender_mac', type: 'string', doc: 'Sender hardware address claimed in the message.' },
    { name: 'sender_ip', type: 'addr', doc: 'Sender protocol address claimed in the message.' },
    { name: 'target_mac', type: 'string', doc: 'Target hardware address.' },
    { name: 'target_ip', type: 'addr', doc: 'Target protocol address.' },
    { name: 'gratuitous', type: 'bool', doc: 'Sender and target IP are equal (gratuitous ARP).' },
  ],
};
