import type { AnalyzerContext } from '../analyzer.js';
import { PassiveDnsCollector } from '../pdns/collector.js';
import { MAX_PENDING_QUERIES } from './limits.js';
import { dnsRecord, pendingFrom, type PendingQuery } from './log.js';
import { newDnsMessage, parseDnsMessage } from './message.js';

/**
 * The parsed message, shared by every connection: a message is parsed and used up in one
 * synchronous call, and a scratch struct per connection cost ~900 bytes for each of the
 * tens of thousands of DNS flows a busy capture holds open at once.
 */
const scratch = newDnsMessage();

/**
 * DNS transactions of one connection: queries wait (bounded) for the reply
 * with the same transaction id; each reply, and each query left unanswered
 * at the end, becomes one dns.log record. Reply addresses feed passive DNS.
 */
export class DnsTransactions {
  private readonly pending: PendingQuery[] = [];
  private readonly pdns: PassiveDnsCollector;
  private confirmed = false;

  constructor(private readonly ctx: AnalyzerContext) {
    this.pdns = new PassiveDnsCollector(ctx);
  }

  /** One whole DNS message (a UDP payload or a TCP-framed message). */
  message(data: Uint8Array, ts: number): void {
    const msg = scratch;
    if (!parseDnsMessage(data, msg, this.ctx)) return;
    if (!this.confirmed) {
      this.confirmed = true;
      this.ctx.setService('dns');
    }
    if (!msg.header.qr) {
      if (this.pending.length >= MAX_PENDING_QUERIES) {
        this.ctx.weird('dns_unmatched_query_overflow');
        this.logUnanswered(this.pending.shift() as PendingQuery);
      }
      this.pending.push(pendingFrom(msg, ts));
      return;
    }
    const query = this.takePending(msg.header.id);
    this.ctx.emit('dns', dnsRecord(this.ctx, query, msg, ts));
    this.pdns.observe(query?.query ?? msg.query, msg.addressOwners, msg.addresses, ts);
  }

  /** Logs every query still waiting and the passive-DNS rows. */
  end(): void {
    for (const q of this.pending) this.logUnanswered(q);
    this.pending.length = 0;
    this.pdns.flush();
  }

  private takePending(transId: number): PendingQuery | null {
    const i = this.pending.findIndex((q) => q.transId === transId);
    return i < 0 ? null : this.pending.splice(i, 1)[0];
  }

  private logUnanswered(q: PendingQuery): void {
    this.ctx.emit('dns', dnsRecord(this.ctx, q, null, q.ts));
  }
}
