/** User and password of a Basic authorization header (RFC 7617). */
export interface BasicCredentials {
  user: string;
  /** Everything after the first colon; null when the decoded value has no colon. */
  password: string | null;
}

/**
 * Decodes `Basic <base64>` (scheme case-insensitive, as Zeek); null for other
 * schemes. The value is attacker-controlled: callers log it as text, escaped by the exporters.
 * @example basicCredentials('Basic dXNlcjpwYXNz') // { user: 'user', password: 'pass' }
 */
export function basicCredentials(authorization: string | null): BasicCredentials | null {
  if (authorization === null || !/^basic\s/i.test(authorization)) return null;
  const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('latin1');
  const colon = decoded.indexOf(':');
  return colon < 0 ? { user: decoded, password: null } : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
