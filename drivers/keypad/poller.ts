/**
 * Polls caller keypads and evaluators on an RS-485 bus with 0x04 and turns new events into
 * `keypad` and `rating` events for their window. An event is new when the sequence number
 * (input register 0) differs from the last one read. The first good read of a device only
 * syncs, and so does the first good read after a fault: a device that rebooted or a stale
 * register must never call a citizen by itself — a press lost in a fault is the lesser harm.
 */
import { EventEmitter } from 'node:events';
import type { ModbusBus } from '../rs485/bus.js';
import { REG_SEQUENCE, isRating, keypadAction, type KeypadAction, type Rating } from './codes.js';

export interface PolledDevice {
  address: number;
  window: number;
  kind: 'keypad' | 'evaluator';
}

export interface KeypadEvent { window: number; action: KeypadAction; address: number }
export interface RatingEvent { window: number; rating: Rating; address: number }
export interface PollFault {
  window: number;
  address: number;
  kind: PolledDevice['kind'];
  /** 'unreachable' (the read failed) or 'bad-code' (an event code outside the profile) */
  reason: 'unreachable' | 'bad-code';
  error?: Error;
  code?: number;
}

export interface KeypadPollerEvents {
  keypad: [KeypadEvent];
  rating: [RatingEvent];
  fault: [PollFault];
  /** A device answered again after a fault. */
  recovered: [{ window: number; address: number; kind: PolledDevice['kind'] }];
}

export class KeypadPoller extends EventEmitter<KeypadPollerEvents> {
  private readonly lastSeq = new Map<number, number | null>();
  private readonly faulted = new Set<number>();
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private readonly intervalMs: number;

  constructor(private readonly bus: ModbusBus, private readonly devices: PolledDevice[], opts: { intervalMs?: number } = {}) {
    super();
    this.intervalMs = opts.intervalMs ?? 250;
    for (const d of devices) this.lastSeq.set(d.address, null);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after the poll in flight; resolves once the loop has ended. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  /** One pass over every device; exposed so a caller (or a test) can poll on its own schedule. */
  async pollOnce(): Promise<void> {
    for (const device of this.devices) {
      if (!this.running && this.loop) return;
      await this.poll(device);
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      const started = performance.now();
      await this.pollOnce();
      const rest = this.intervalMs - (performance.now() - started);
      if (rest > 0 && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, rest);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
      }
    }
  }

  private async poll(device: PolledDevice): Promise<void> {
    let seq: number;
    let code: number;
    try {
      [seq, code] = await this.bus.readInputRegisters(device.address, REG_SEQUENCE, 2);
    } catch (err) {
      this.lastSeq.set(device.address, null);
      if (!this.faulted.has(device.address)) {
        this.faulted.add(device.address);
        this.emit('fault', { window: device.window, address: device.address, kind: device.kind, reason: 'unreachable', error: err as Error });
      }
      return;
    }
    if (this.faulted.delete(device.address)) {
      this.emit('recovered', { window: device.window, address: device.address, kind: device.kind });
    }
    const previous = this.lastSeq.get(device.address);
    this.lastSeq.set(device.address, seq);
    if (previous === null || previous === undefined || previous === seq) return;
    this.dispatch(device, code);
  }

  private dispatch(device: PolledDevice, code: number): void {
    const { window, address } = device;
    if (device.kind === 'keypad') {
      const action = keypadAction(code);
      if (action) this.emit('keypad', { window, action, address });
      else this.emit('fault', { window, address, kind: device.kind, reason: 'bad-code', code });
      return;
    }
    if (isRating(code)) this.emit('rating', { window, rating: code, address });
    else this.emit('fault', { window, address, kind: device.kind, reason: 'bad-code', code });
  }
}
