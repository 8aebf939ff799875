/**
 * Whether a server name is covered by a certificate's DNS names (SAN, or the
 * subject CN when there is no SAN), with RFC 6125 left-most-label wildcards.
 * Case-insensitive.
 */
export function sniMatchesCert(serverName: string, dnsNames: readonly string[]): boolean {
  const name = serverName.toLowerCase();
  return dnsNames.some((pattern) => {
    const p = pattern.toLowerCase();
    if (p === name) return true;
    if (!p.startsWith('*.')) return false;
    const dot = name.indexOf('.');
    return dot > 0 && name.slice(dot) === p.slice(1);
  });
}
