/**
 * GREASE values (RFC 8701): 0x0a0a, 0x1a1a … 0xfafa. Clients send them to keep
 * servers tolerant; JA3 and JA4 leave them out.
 */
export function isGrease(value: number): boolean {
  return (value & 0x0f0f) === 0x0a0a && (value >> 8) === (value & 0xff);
}
