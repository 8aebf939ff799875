/** Sorted IP networks grouped by prefix length: `groups[L]` is where length L starts, `groups[max+1]` the end. */
export interface IpGroups { net: Uint32Array; rec: Uint32Array; groups: Uint32Array }

/** Sorts IPv4 networks by (prefix length, address) and records group bounds (34 entries). */
export function groupIpv4(net: Uint32Array, len: Uint8Array, rec: Uint32Array): IpGroups {
  const order = sortedOrder(len.length, (a, b) => len[a] - len[b] || net[a] - net[b]);
  const out = { net: new Uint32Array(order.length), rec: new Uint32Array(order.length), groups: groupBounds(len, order, 32) };
  order.forEach((o, i) => { out.net[i] = net[o]; out.rec[i] = rec[o]; });
  return out;
}

/** Sorts IPv6 networks (four words each) by (prefix length, address) and records group bounds (130 entries). */
export function groupIpv6(net: Uint32Array, len: Uint8Array, rec: Uint32Array): IpGroups {
  const order = sortedOrder(len.length, (a, b) => len[a] - len[b] || compareWords(net, a * 4, net, b * 4));
  const out = { net: new Uint32Array(order.length * 4), rec: new Uint32Array(order.length), groups: groupBounds(len, order, 128) };
  order.forEach((o, i) => { out.net.set(net.subarray(o * 4, o * 4 + 4), i * 4); out.rec[i] = rec[o]; });
  return out;
}

/** Compares two 128-bit addresses held as four words each. */
export function compareWords(a: Uint32Array, aStart: number, b: ArrayLike<number>, bStart: number): number {
  for (let w = 0; w < 4; w++) {
    const d = a[aStart + w] - b[bStart + w];
    if (d !== 0) return d;
  }
  return 0;
}

function sortedOrder(count: number, compare: (a: number, b: number) => number): Uint32Array {
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  return order.sort(compare);
}

function groupBounds(len: Uint8Array, order: Uint32Array, maxLength: number): Uint32Array {
  const groups = new Uint32Array(maxLength + 2);
  let i = 0;
  for (let l = 0; l <= maxLength + 1; l++) {
    while (i < order.length && len[order[i]] < l) i++;
    groups[l] = i;
  }
  return groups;
}
