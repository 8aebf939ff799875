/**
 * Zeek's `likely_server_ports`: the ports its default scripts register for
 * their analyzers. A connection whose first packet comes from such a port to
 * one that is not is flipped, so that the server is the responder.
 */
const TCP_SERVER_PORTS = [
  21, 22, 23, 25, 53, 80, 81, 88, 110, 111, 135, 139, 143, 389, 443, 445, 502, 563, 585, 587, 614, 631, 636,
  989, 990, 992, 993, 995, 1080, 1433, 1723, 2811, 3128, 3268, 3306, 3389, 5060, 5222, 5269, 5432, 6379,
  6666, 6667, 6668, 6669, 8000, 8080, 8888, 20000,
];
const UDP_SERVER_PORTS = [
  53, 67, 68, 69, 88, 111, 123, 137, 161, 162, 443, 514, 1812, 1813, 2123, 2152, 3544, 4789, 5060, 5072,
  5353, 5355, 6081, 20000,
];

function portSet(ports: readonly number[]): Uint8Array {
  const set = new Uint8Array(65536);
  for (const p of ports) set[p] = 1;
  return set;
}

const tcpPorts = portSet(TCP_SERVER_PORTS);
const udpPorts = portSet(UDP_SERVER_PORTS);

/**
 * True when `port` is a likely server port for IP protocol `ipProto` (6 or 17).
 * @example isLikelyServerPort(17, 53) // → true
 */
export function isLikelyServerPort(ipProto: number, port: number): boolean {
  if (ipProto === 6) return tcpPorts[port & 0xffff] === 1;
  if (ipProto === 17) return udpPorts[port & 0xffff] === 1;
  return false;
}
