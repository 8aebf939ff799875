import { PROTOCOL_NAMES, type ProtocolName } from '../filter/index.js';
import { UsageError } from './command.js';

/**
 * Parses a comma-separated protocol list given to `--<option>` (`tcp,udp`);
 * undefined gives an empty list, anything not in PROTOCOL_NAMES a one-line UsageError.
 * @example parseProtocolList('protocol', 'tcp,icmp') // ['tcp', 'icmp']
 */
export function parseProtocolList(option: string, text: string | undefined): ProtocolName[] {
  if (text === undefined) return [];
  const names = text.split(',').filter((n) => n !== '');
  const bad = names.find((n) => !PROTOCOL_NAMES.includes(n as ProtocolName));
  if (bad !== undefined || names.length === 0) throw new UsageError(`--${option} ${JSON.stringify(text)}: expected a comma-separated list of ${PROTOCOL_NAMES.join(', ')}`);
  return names as ProtocolName[];
}
