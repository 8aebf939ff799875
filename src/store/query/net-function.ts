import type { DuckDBConnection } from '@duckdb/node-api';
import { BOOLEAN, DuckDBScalarFunction, VARCHAR } from '../duckdb-api.js';
import { parseAddress } from '../../decode/address.js';
import { cidrContains, parseCidr, type Cidr } from '../../decode/cidr.js';

/** SQL name of the function: `tracer_in_net(addr, cidr)` → true when the address lies in the network. */
export const IN_NET_FUNCTION = 'tracer_in_net';

/** Distinct networks remembered per connection (a query uses one or two). */
const MAX_CACHED_NETS = 64;

/**
 * Registers `tracer_in_net(addr VARCHAR, cidr VARCHAR) → BOOLEAN` on a
 * connection (DuckDB's inet extension is not available offline). An address
 * or network that does not parse yields false, never an error.
 */
export function registerInNet(connection: DuckDBConnection): void {
  const nets = new Map<string, Cidr | null>();
  function netOf(text: string): Cidr | null {
    let cidr = nets.get(text);
    if (cidr === undefined) {
      if (nets.size >= MAX_CACHED_NETS) nets.clear();
      cidr = parseCidr(text);
      nets.set(text, cidr);
    }
    return cidr;
  }
  connection.registerScalarFunction(DuckDBScalarFunction.create({
    name: IN_NET_FUNCTION,
    returnType: BOOLEAN,
    parameterTypes: [VARCHAR, VARCHAR],
    mainFunction: (_info, input, output) => {
      const addrs = input.getColumnVector(0);
      const cidrs = input.getColumnVector(1);
      for (let i = 0; i < input.rowCount; i++) {
        const addr = addrs.getItem(i);
        const cidr = netOf(String(cidrs.getItem(i)));
        const words = typeof addr === 'string' ? parseAddress(addr) : null;
        output.setItem(i, cidr !== null && words !== null && cidrContains(cidr, words));
      }
      output.flush();
    },
  }));
}
