/**
 * Bytes from hex text, ignoring whitespace and `#` comments to the end of a
 * line: byte-literal fixtures stay readable, field by field.
 * @example hexBytes('a1b2c3d4  # magic') // Uint8Array [0xa1, 0xb2, 0xc3, 0xd4]
 */
export function hexBytes(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text.replace(/#.*$/gm, '').replace(/\s+/g, ''), 'hex'));
}
