/**
 * What one window's LED screen should show, and getting it there. The latest wanted content
 * wins: while a write is on the bus, newer calls replace older ones instead of queueing, so a
 * slow or dead bus never builds a backlog and a screen that comes back shows the current state.
 */
import type { Logger } from 'pino';
import type { ModbusBus } from '../../drivers/rs485/bus.js';
import { ModbusExceptionError } from '../../drivers/rs485/errors.js';
import { LedScreen, brightnessAt } from '../../drivers/led/screen.js';
import type { LedDevice } from './config.js';
import type { HealthBoard } from './health.js';
import { HEALTH_TEXT } from './health-text.js';

export type LedContent =
  | { kind: 'call'; ticketNumber: string; windowNumber: number }
  | { kind: 'serving'; ticketNumber: string; windowNumber: number }
  | { kind: 'paused' }
  | { kind: 'idle'; name: string }
  | { kind: 'clear' };

export class LedChannel {
  private screen: LedScreen | null = null;
  private wanted: LedContent | null = null;
  private dirty = false;
  private pumping: Promise<void> | null = null;
  /** the brightness the screen was last set to; null after (re)attach, so it is set again */
  private level: number | null = null;

  constructor(
    readonly device: LedDevice,
    private readonly health: HealthBoard,
    private readonly log: Logger,
    /** the hall's local time, HH:MM: brightness follows the time of day (bright by day, dim at night) */
    private readonly localTime: () => string = () => '12:00',
  ) {}

  /** Called every minute: when the time of day moves the brightness band, the screen follows. */
  tickBrightness(): void {
    if (this.wanted && this.level !== brightnessAt(this.localTime())) {
      this.dirty = true;
      this.kick();
    }
  }

  /** The bus came up (a fresh ModbusBus) or went down (null). */
  attach(bus: ModbusBus | null, downReason?: string): void {
    this.screen = bus ? new LedScreen(bus, this.device.address, this.device.window) : null;
    this.level = null;
    if (!bus) {
      this.health.set(this.device.id, 'offline', downReason ?? HEALTH_TEXT.busDown);
      return;
    }
    if (this.wanted) {
      this.dirty = true;
      this.kick();
    }
  }

  show(content: LedContent): void {
    this.wanted = content;
    this.dirty = true;
    this.kick();
  }

  /** Resolves when nothing is left to write (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pumping) await this.pumping;
  }

  private kick(): void {
    if (this.pumping || !this.screen) return;
    this.pumping = this.pump().finally(() => {
      this.pumping = null;
    });
  }

  private async pump(): Promise<void> {
    while (this.dirty && this.screen && this.wanted) {
      this.dirty = false;
      const screen = this.screen;
      const content = this.wanted;
      try {
        const level = brightnessAt(this.localTime());
        if (level !== this.level) {
          await screen.setBrightness(level);
          this.level = level;
        }
        await render(screen, content);
        this.health.set(this.device.id, 'online');
      } catch (err) {
        const e = err as Error;
        // an exception reply means the screen is there but refused: not "offline"
        this.health.set(this.device.id, err instanceof ModbusExceptionError ? 'error' : 'offline', HEALTH_TEXT.writeFailed(e.message));
        this.log.warn({ device: this.device.id, err: e.message }, 'LED screen update failed');
        // keep `wanted`: the next attach (bus back) or the next show() retries it
      }
    }
  }
}

function render(screen: LedScreen, c: LedContent): Promise<void> {
  switch (c.kind) {
    case 'call':
      return screen.showCall(c.ticketNumber, c.windowNumber);
    case 'serving':
      return screen.showServing(c.ticketNumber, c.windowNumber);
    case 'paused':
      return screen.showPaused();
    case 'idle':
      return screen.showIdle(c.name);
    case 'clear':
      return screen.clear();
  }
}
