import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PacketDecoder } from '../decode/index.js';
import { newDecodedPacket } from '../decode/packet.js';
import { corpus } from '../../test/helpers/corpus.js';
import { CSV_METADATA_HEADER, CsvMetadataWriter, csvMetadataLine } from './csv-metadata.js';
import { newRawPacket } from './packet.js';
import { readCapture } from './read-capture.js';
import { tsharkMetadataRows } from './testing/tshark-metadata.js';

/** Captures mixing IPv4 and IPv6, TCP, UDP, ICMP and ICMPv6, and ARP. */
const FILES = ['pcaps/ipv6/chrissanders_http_ip4and6.pcapng', 'pcaps/ipv6/zeek_icmp6-ping.pcap', 'pcaps/ipv6/zeek_communityid_ipv6.pcap', 'pcaps/misc/chrissanders_arppoison.pcapng'];

async function tracerRows(file: string): Promise<string[]> {
  const decoder = new PacketDecoder();
  const pkt = newDecodedPacket();
  const rows: string[] = [];
  await readCapture(corpus(file), { packet: (raw) => { decoder.decode(raw, pkt); rows.push(csvMetadataLine(raw, pkt).trimEnd()); } });
  return rows;
}

describe('csvMetadataLine', () => {
  it.each(FILES)('matches tshark frame by frame on %s', async (file) => {
    const expected = tsharkMetadataRows(corpus(file));
    expect(expected.length).toBeGreaterThan(0);
    expect(await tracerRows(file)).toEqual(expected);
  });

  it('names a non-IP frame by its EtherType and leaves the address and port cells empty', () => {
    const raw = newRawPacket();
    const pkt = newDecodedPacket();
    pkt.etherType = 0x88cc;
    raw.origLen = 60;
    expect(csvMetadataLine(raw, pkt)).toBe('0.000000,,,,,ether_0x88cc,60\n');
  });
});

describe('CsvMetadataWriter', () => {
  it('writes the header and one line per packet', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'tracer-csv-')), 'meta.csv');
    const writer = new CsvMetadataWriter(path);
    const decoder = new PacketDecoder();
    const pkt = newDecodedPacket();
    await readCapture(corpus(FILES[1]), { packet: (raw) => { decoder.decode(raw, pkt); writer.add(raw, pkt); } });
    await writer.close();
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(CSV_METADATA_HEADER);
    expect(lines.slice(1)).toEqual(tsharkMetadataRows(corpus(FILES[1])));
  });
});
