/**
 * The SMS sender: sends what the SMS outbox holds (server/hall/sms-queue.ts), one message at a time
 * with a timeout, and queues the day-before reminders. A provider that fails or hangs delays the
 * message (retried with backoff), never loses it and never blocks the hall. Logs name the message's
 * id and kind, never its phone or text.
 */
import type pino from 'pino';
import type { Hall } from '../hall.js';
import { backoffMs } from './backoff.js';
import { scrub, smsProvider, type SmsProvider } from './sms-providers.js';

export interface SmsSenderOptions {
  /** the wait when nothing is due (default 1 s) */
  idleMs?: number;
  /** retry backoff base and cap (default 5 s, 30 min) */
  baseMs?: number;
  capMs?: number;
  /** reminders are looked for this often (default 60 s) */
  remindEveryMs?: number;
  /** messages per step (default 10) */
  batchSize?: number;
  random?: () => number;
}

export class SmsSender {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private lastRemind = -Infinity;
  private provider: { key: string; p: SmsProvider | null } | null = null;
  private readonly abort = new AbortController();
  private readonly o: Required<SmsSenderOptions>;

  constructor(private readonly hall: Hall, private readonly log: pino.Logger, opts: SmsSenderOptions = {}) {
    this.o = { idleMs: 1000, baseMs: 5000, capMs: 1_800_000, remindEveryMs: 60_000, batchSize: 10, random: Math.random, ...opts };
  }

  start() { this.schedule(0); }

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.abort.abort();
    await this.running;
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.step().then((next) => this.schedule(next), (err: unknown) => {
        this.log.error({ err }, 'sms step failed');
        this.schedule(this.o.idleMs * 30);
      });
    }, ms);
  }

  /** the provider for the section in effect (built again when an admin changes it) */
  private providerFor(): SmsProvider | null {
    const { sms } = this.hall.platform.config();
    if (!sms) return null;
    const key = JSON.stringify(sms);
    if (this.provider?.key !== key) this.provider = { key, p: smsProvider(sms) };
    return this.provider.p;
  }

  /** Queues reminders when due, then sends up to a batch. Answers the wait before the next step. */
  async step(): Promise<number> {
    const link = this.hall.platform;
    const t = performance.now();
    if (t - this.lastRemind >= this.o.remindEveryMs) {
      this.lastRemind = t;
      const n = link.queueReminders();
      if (n) this.log.info({ reminders: n }, 'queued booking reminders');
    }
    const provider = this.providerFor();
    if (!provider) return this.o.idleMs * 5;
    const timeoutMs = link.config().sms?.timeoutMs ?? 10_000;
    const due = link.dueSms(this.o.batchSize);
    for (const m of due) {
      if (this.stopped) return 0;
      try {
        await provider.send({ phone: m.phone, text: m.text, kind: m.kind, params: JSON.parse(m.params) as Record<string, string> },
          AbortSignal.any([this.abort.signal, AbortSignal.timeout(timeoutMs)]));
        link.smsSent(m.id, provider.name);
      } catch (err) {
        if (this.stopped) return 0;
        const wait = backoffMs(m.attempts + 1, this.o.baseMs, this.o.capMs, this.o.random);
        const error = scrub((err as Error).message ?? String(err));
        link.smsRetry(m.id, wait, error, provider.name);
        this.log.warn({ sms: m.id, kind: m.kind, attempts: m.attempts + 1, retryInMs: wait, error }, 'sms not sent');
      }
    }
    return due.length === this.o.batchSize ? 0 : this.o.idleMs;
  }
}
