import { EventEmitter } from 'node:events';
import type { DeviceScanEvent, TicketCalledEvent } from '../../protocol/events.js';
import type { WindowState } from '../../protocol/domain.js';
import type { DeviceHost, KeypadAction } from '../../server/devices/host.js';

/** A DeviceHost that records what the devices asked of the hall, and lets a test emit hall events. */
export class FakeHost implements DeviceHost {
  readonly emitter = new EventEmitter();
  readonly events = this.emitter as unknown as DeviceHost['events'];
  readonly actions: { window: number; action: KeypadAction; deviceId: string }[] = [];
  readonly ratings: { window: number; rating: number; deviceId: string }[] = [];
  readonly scans: { kiosk: string; event: DeviceScanEvent }[] = [];
  refuseActions = false;

  hallName(): string {
    return '测试政务服务中心';
  }

  async windowAction(window: number, action: KeypadAction, deviceId: string): Promise<void> {
    this.actions.push({ window, action, deviceId });
    if (this.refuseActions) throw new Error('ticket-in-progress');
  }

  async rate(window: number, rating: number, deviceId: string): Promise<void> {
    this.ratings.push({ window, rating, deviceId });
  }

  scan(kiosk: string, event: DeviceScanEvent): void {
    this.scans.push({ kiosk, event });
  }

  now(): Date {
    return new Date('2026-11-23T09:00:00+08:00');
  }

  called(windowNumber: number, ticketNumber: string, recall = false): void {
    const e: TicketCalledEvent = {
      ticket: { id: `t-${ticketNumber}`, number: ticketNumber, kind: 'walk-in', queueId: 'q-a' },
      window: { id: `w-${windowNumber}`, number: windowNumber, name: `${windowNumber}号窗口` },
      recall,
      at: this.now().toISOString(),
    };
    this.emitter.emit('ticket:called', e);
  }

  windowUpdated(window: Partial<WindowState> & { number: number }): void {
    const w: WindowState = { id: `w-${window.number}`, name: `${window.number}号窗口`, status: 'open', mode: 'normal', current: null, ...window };
    this.emitter.emit('window:updated', { window: w });
  }
}
