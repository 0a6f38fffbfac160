/**
 * The platform link's push (CONTRACT.md "Platform link"): POSTs the outbox to `platform.webhookUrl`
 * in seq order, a bounded batch at a time, signed `X-Hallq-Signature: sha256=<hex HMAC-SHA256 of the
 * raw body>`. 2xx moves the cursor; anything else (a status, a dropped connection, a timeout) is
 * retried after a capped exponential backoff with jitter: at-least-once, the receiver dedupes by seq.
 * The hall never waits for it: commands only write the outbox; this loop only reads it and moves the
 * cursor, so a dead platform changes nothing but GET /api/platform/status.
 */
import { createHmac } from 'node:crypto';
import type pino from 'pino';
import type { Hall } from '../hall.js';
import { backoffMs } from './backoff.js';

export interface DeliveryOptions {
  /** events per POST: bounds the body and the time one batch holds the event loop (default 100) */
  batchSize?: number;
  /** the wait when nothing is pending (default 500 ms) */
  idleMs?: number;
  /** backoff base and cap (default 1 s, 5 min) */
  baseMs?: number;
  capMs?: number;
  /** a POST not answered within this is a failure (default 15 s) */
  timeoutMs?: number;
  /** delivered rows past the retention are pruned this often (default 10 min) */
  pruneEveryMs?: number;
  random?: () => number;
}

export const sign = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

export class PlatformDelivery {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private failures = 0;
  private lastPrune = -Infinity;
  private readonly abort = new AbortController();
  private readonly o: Required<DeliveryOptions>;

  constructor(private readonly hall: Hall, private readonly log: pino.Logger, opts: DeliveryOptions = {}) {
    this.o = { batchSize: 100, idleMs: 500, baseMs: 1000, capMs: 300_000, timeoutMs: 15_000, pruneEveryMs: 600_000, random: Math.random, ...opts };
  }

  start() { this.schedule(0); }

  /** stops after the POST in flight is abandoned (its events stay pending: sent again at the next start) */
  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.abort.abort();
    await this.running;
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.attempt().then((next) => this.schedule(next), (err: unknown) => {
        // the store refused (read-only, full): try again later, never let the loop die
        this.log.error({ err }, 'platform delivery step failed');
        this.schedule(this.o.capMs);
      });
    }, ms);
  }

  /** One step: prune when due, then push one batch. Answers the wait before the next step. */
  async attempt(): Promise<number> {
    const link = this.hall.platform;
    const { platform, hallName } = link.config();
    const t = performance.now();
    if (t - this.lastPrune >= this.o.pruneEveryMs) {
      this.lastPrune = t;
      const n = link.prune();
      if (n) this.log.info({ pruned: n }, 'pruned delivered platform events');
    }
    if (!platform?.webhookUrl) return this.o.idleMs * 4;
    const batch = link.nextBatch(this.o.batchSize);
    if (!batch.events.length) return this.o.idleMs;
    const body = JSON.stringify({ hall: hallName, events: batch.events });
    const last = batch.events.at(-1)!.seq;
    try {
      const res = await fetch(platform.webhookUrl, {
        method: 'POST', body,
        headers: { 'content-type': 'application/json', 'x-hallq-signature': sign(platform.secret, body) },
        signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(this.o.timeoutMs)]),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
    } catch (err) {
      if (this.stopped) return 0;
      this.failures++;
      const error = describe(err);
      link.failed(error);
      const wait = backoffMs(this.failures, this.o.baseMs, this.o.capMs, this.o.random);
      // one line per failure: the URL and the status, never the body (it may carry personal data)
      this.log.warn({ failures: this.failures, retryInMs: wait, error, fromSeq: batch.from + 1 }, 'platform delivery failed');
      return wait;
    }
    if (this.failures) this.log.info({ after: this.failures }, 'platform delivery recovered');
    this.failures = 0;
    link.delivered(batch.from, last);
    return 0;
  }
}

function describe(err: unknown): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  const cause = e.cause?.code ?? e.cause?.message;
  return `${e.message ?? String(err)}${cause ? ` (${cause})` : ''}`;
}
