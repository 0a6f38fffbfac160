/**
 * The platform link's push (CONTRACT.md "Platform link"): POSTs the outbox to `platform.webhookUrl`
 * in seq order, a bounded batch at a time, signed `X-Hallq-Signature: sha256=<hex HMAC-SHA256 of the
 * raw body>`. 2xx moves the cursor; anything else (a status, a dropped connection, a timeout) is
 * retried after a capped exponential backoff with jitter: at-least-once, the receiver dedupes by seq.
 * The hall never waits for it: commands only write the outbox; this loop only reads it and moves the
 * cursor, so a dead platform changes nothing but GET /api/platform/status.
 *
 * The cursor lives here and is stored at most once per `persistEveryMs` (and when idle or stopping):
 * storing it is a durable commit (an fsync, milliseconds on a busy disk), so one per batch would hold
 * the event loop as often as the batches come. A crash re-sends at most that last stretch, which
 * at-least-once allows. An admin's resend is noticed by the stored rewind count.
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
  /** the cursor is stored at most this often while batches flow (default 1 s) */
  persistEveryMs?: number;
  random?: () => number;
}

export const sign = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

export class PlatformDelivery {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private failures = 0;
  private lastPrune = -Infinity;
  /** delivered up to here (null: read the stored cursor first); `stored`: what the database holds as far as this loop knows */
  private cursor: number | null = null;
  private stored = { seq: 0, rewinds: -1 };
  private storedAt = 0;
  private readonly abort = new AbortController();
  private readonly o: Required<DeliveryOptions>;

  constructor(private readonly hall: Hall, private readonly log: pino.Logger, opts: DeliveryOptions = {}) {
    this.o = {
      batchSize: 100, idleMs: 500, baseMs: 1000, capMs: 300_000, timeoutMs: 15_000, pruneEveryMs: 600_000, persistEveryMs: 1000, random: Math.random, ...opts,
    };
  }

  start() { this.schedule(0); }

  /** stops after the POST in flight is abandoned (its events stay pending: sent again at the next start) */
  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.abort.abort();
    await this.running;
    this.persist();
  }

  /** stores the cursor when it moved; a resend meanwhile wins (the stored cursor is read again) */
  private persist() {
    if (this.cursor === null || this.cursor === this.stored.seq) return;
    if (this.hall.platform.delivered(this.stored.seq, this.cursor)) this.stored.seq = this.cursor;
    else this.cursor = null;
    this.storedAt = performance.now();
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
    const at = link.cursor();
    if (this.cursor === null || at.rewinds !== this.stored.rewinds) {
      // the first attempt, or an admin's resend: start from the stored cursor
      this.cursor = at.deliveredSeq;
      this.stored = { seq: at.deliveredSeq, rewinds: at.rewinds };
    }
    const events = link.nextBatch(this.cursor, this.o.batchSize);
    if (!events.length) {
      this.persist();
      return this.o.idleMs;
    }
    const body = JSON.stringify({ hall: hallName, events });
    const last = events.at(-1)!.seq;
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
      this.log.warn({ failures: this.failures, retryInMs: wait, error, fromSeq: events[0].seq }, 'platform delivery failed');
      return wait;
    }
    if (this.failures) this.log.info({ after: this.failures }, 'platform delivery recovered');
    this.failures = 0;
    this.cursor = last;
    if (performance.now() - this.storedAt >= this.o.persistEveryMs) this.persist();
    return 0;
  }
}

function describe(err: unknown): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  const cause = e.cause?.code ?? e.cause?.message;
  return `${e.message ?? String(err)}${cause ? ` (${cause})` : ''}`;
}
