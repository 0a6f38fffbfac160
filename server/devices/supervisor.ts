/**
 * Keeps one connection (a bus, a reader, a scanner) open: tries at once, and after a failure or
 * a loss retries with exponential backoff, so an unplugged adapter is picked up again when it
 * comes back without flooding the log or the USB stack meanwhile.
 */
import type { Logger } from 'pino';

export interface Backoff {
  /** first retry delay (ms) */
  initialMs: number;
  /** ceiling (ms) */
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 1000, maxMs: 60_000 };

export interface SupervisorOptions {
  name: string;
  /** Opens the resource; rejects when it cannot. */
  open: () => Promise<void>;
  onUp: () => void;
  onDown: (err: Error) => void;
  backoff: Backoff;
  logger: Logger;
}

export function backoffDelay(failures: number, b: Backoff): number {
  return Math.min(b.maxMs, b.initialMs * 2 ** Math.max(0, failures - 1));
}

export class Supervisor {
  private failures = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private up = false;

  constructor(private readonly opts: SupervisorOptions) {}

  get isUp(): boolean {
    return this.up;
  }

  /** First attempt; resolves when it succeeded or failed (never rejects). */
  async start(): Promise<void> {
    this.stopped = false;
    await this.attempt();
  }

  /** The open resource died: report it and start retrying. */
  lost(err: Error): void {
    if (this.stopped || !this.up) return;
    this.up = false;
    this.failures = 0;
    this.opts.onDown(err);
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async attempt(): Promise<void> {
    this.timer = null;
    if (this.stopped) return;
    try {
      await this.opts.open();
    } catch (err) {
      this.failures++;
      const e = err instanceof Error ? err : new Error(String(err));
      if (this.failures === 1) this.opts.logger.warn({ device: this.opts.name, err: e.message }, 'device cannot be opened; retrying with backoff');
      this.opts.onDown(e);
      this.schedule();
      return;
    }
    if (this.stopped) return;
    if (this.failures > 0) this.opts.logger.info({ device: this.opts.name, failures: this.failures }, 'device back online');
    this.failures = 0;
    this.up = true;
    this.opts.onUp();
  }

  private schedule(): void {
    if (this.stopped || this.timer) return;
    const delay = backoffDelay(Math.max(1, this.failures), this.opts.backoff);
    this.timer = setTimeout(() => void this.attempt(), delay);
    this.timer.unref?.();
  }
}
