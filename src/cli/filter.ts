import { resolve } from 'node:path';
import { readCapture } from '../capture/index.js';
import type { CaptureInterface, RawPacket } from '../capture/packet.js';
import { CaptureWriter } from '../capture/capture-writer.js';
import { PacketDecoder } from '../decode/index.js';
import { newDecodedPacket } from '../decode/packet.js';
import { compileFilter, FilterSyntaxError, type PacketPredicate, type ProtocolName } from '../filter/index.js';
import { parseOptions } from '../store/query/flow-options.js';
import { escapeTerminal } from '../util/escape.js';
import { InputError, UsageError, type Command } from './command.js';
import { parseProtocolList } from './protocol-list.js';

const usage = `Usage: tracer filter <in> -w <out> [--proto P[,P…]] [expression…]

Copies the packets of a capture (pcap or pcapng, gzip allowed, - for stdin)
that match a tcpdump-style filter into a new capture (pcap; pcapng when the
input mixes link types). Counts of packets read, matched and written go to stderr.

Expression: tcp, udp, icmp, icmp6, ip, ip6, arp; [src|dst] host ADDR;
  [src|dst] net CIDR (or NET mask M); [tcp|udp] [src|dst] port N;
  [tcp|udp] [src|dst] portrange A-B; [ip|ip6] proto N|name; vlan [N];
  and/&&, or/||, not/!, parentheses. --proto tcp,udp keeps any of the listed protocols.
Differences from tcpdump: VLAN-tagged, tunnelled (6in4, IP-in-IP) and MPLS packets are
  matched on their innermost headers; ports of a first fragment that arrives after the
  rest of its datagram are not seen.

Examples:
  tracer filter case.pcap -w ssh.pcap tcp port 22
  tracer filter big.pcapng -w scan.pcap 'src host 172.16.0.8 and tcp and not port 80'
  tracer filter dns.pcap.gz -w out.pcap --proto udp 'port 53 and not net 10.0.0.0/8'
  tracer filter in.pcap -w c2.pcap '(dst net 203.0.113.0/24 or dst host 2001:db8::66) && !port 443'`;

/** Problems printed individually before only the count is kept. */
const MAX_PROBLEM_LINES = 5;


function compile(expr: string, protocols: ProtocolName[]): PacketPredicate {
  try {
    return compileFilter(expr, protocols);
  } catch (err) {
    if (err instanceof FilterSyntaxError) throw new UsageError(escapeTerminal(err.message));
    throw err;
  }
}

const command: Command = {
  name: 'filter',
  summary: 'Write the packets matching a tcpdump-style filter to a new capture',
  usage,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, { write: { type: 'string', short: 'w' }, proto: { type: 'string' } }, true);
    const [input, ...exprWords] = positionals;
    if (!input) throw new UsageError('filter needs an input capture: tracer filter <in> -w <out> <expression>');
    if (!values.write) throw new UsageError('filter needs an output file: -w <out>');
    const match = compile(exprWords.join(' '), parseProtocolList('proto', values.proto));
    const decoder = new PacketDecoder();
    const pkt = newDecodedPacket();
    const interfaces: CaptureInterface[] = [];
    let writer: CaptureWriter | null = null;
    let read = 0, matched = 0, written = 0, problems = 0;
    let writeError: unknown = null;
    const output = values.write;
    if (input !== '-' && resolve(input) === resolve(output)) throw new UsageError(`refusing to overwrite the input ${escapeTerminal(input)}`);
    function open(p: RawPacket): CaptureWriter {
      const linkTypes = [...new Set([p.linkType, ...interfaces.map((i) => i.linkType)])];
      return new CaptureWriter(output, { linkTypes });
    }
    const summary = await readCapture(input, {
      interface: (iface) => { interfaces.push(iface); },
      problem: (p) => {
        if (++problems <= MAX_PROBLEM_LINES) process.stderr.write(`tracer: ${escapeTerminal(input)}: offset ${p.offset}: ${escapeTerminal(p.message)}\n`);
      },
      packet: (raw) => {
        read++;
        decoder.decode(raw, pkt);
        if (!match(pkt)) return;
        matched++;
        if (writeError !== null) return;
        try {
          writer ??= open(raw);
          writer.write(raw);
          written++;
        } catch (err) {
          writeError = err;
        }
      },
    });
    writer ??= new CaptureWriter(output, { linkTypes: [summary.linkTypes[0] ?? interfaces[0]?.linkType ?? 1] });
    try {
      await writer.close();
    } catch (err) {
      writeError ??= err;
    }
    if (writeError !== null) {
      const reason = writeError instanceof Error ? writeError.message : String(writeError);
      throw new InputError(`${escapeTerminal(output)}: cannot write after ${written} packets: ${escapeTerminal(reason)}`);
    }
    process.stderr.write(`${read} packets read, ${matched} matched, ${written} written to ${escapeTerminal(output)}` +
      (problems > 0 ? ` (${problems} capture problems)` : '') + '\n');
    return 0;
  },
};

export default command;
