/**
 * DNS over TCP (RFC 1035 §4.2.2, RFC 7766): each message is preceded by its
 * length as two bytes. Feeds whole messages from in-order stream bytes and
 * says how many bytes it consumed; the flow layer keeps the rest.
 * The loop is bounded by the data: every turn consumes at least 2 bytes.
 */
export function deliverFramed(data: Uint8Array, onMessage: (message: Uint8Array) => void, onEmpty: () => void): number {
  let pos = 0;
  while (pos + 2 <= data.length) {
    const len = (data[pos] << 8) | data[pos + 1];
    if (len === 0) {
      onEmpty();
      pos += 2;
      continue;
    }
    if (pos + 2 + len > data.length) break;
    onMessage(data.subarray(pos + 2, pos + 2 + len));
    pos += 2 + len;
  }
  return pos;
}
