import { createServer, type AddressInfo, type Server } from 'node:net';
import { IntelConnection, type ServerContext } from './connection.js';

/** How often incomplete lines are checked against the line deadline (a fraction of it, at most a second). */
const MAX_SWEEP_MS = 1000;

/** A running CyberTrace/KUMA protocol server. */
export interface RunningIntelServer {
  server: Server;
  address: AddressInfo;
  /** Open connections. */
  connections: ReadonlySet<IntelConnection>;
  close(): Promise<void>;
}

/**
 * Starts the CyberTrace-compatible TCP enrichment server on `host:port`
 * (127.0.0.1 by default: exposing it is a deliberate choice). Refuses
 * connections beyond `limits.maxConnections`, closes idle connections and
 * those whose current line does not end within `limits.lineMs`.
 * @example const s = await startIntelServer(context, { port: 16666 })
 */
export async function startIntelServer(context: ServerContext, { host = '127.0.0.1', port = 0 }: { host?: string; port?: number } = {}): Promise<RunningIntelServer> {
  const connections = new Set<IntelConnection>();
  let nextId = 0;
  const server = createServer({ noDelay: true }, (socket) => {
    const connection = new IntelConnection(socket, ++nextId, context);
    connections.add(connection);
    context.metrics.connectionsOpen++;
    context.metrics.connectionsTotal++;
    socket.on('close', () => {
      connections.delete(connection);
      context.metrics.connectionsOpen--;
    });
  });
  server.maxConnections = context.limits.maxConnections;
  server.on('drop', () => {
    context.metrics.connectionsRefused++;
    context.log.problem('connection_refused', { limit: context.limits.maxConnections });
  });
  const sweep = setInterval(() => {
    const deadline = Date.now() - context.limits.lineMs;
    for (const connection of connections) {
      if (connection.partialSince !== 0 && connection.partialSince < deadline) connection.close('line_timeout');
    }
  }, Math.min(MAX_SWEEP_MS, Math.max(10, context.limits.lineMs / 4)));
  sweep.unref();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => { server.off('error', reject); resolve(); });
  });
  return {
    server,
    address: server.address() as AddressInfo,
    connections,
    close: () => new Promise<void>((resolve) => {
      clearInterval(sweep);
      for (const connection of connections) connection.socket.destroy();
      server.close(() => resolve());
    }),
  };
}
