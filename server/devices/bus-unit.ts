/**
 * One RS-485 bus and everything on it: opens the Modbus master (retrying with backoff), hands it
 * to the window LED channels, and polls the bus's keypads and evaluators, turning presses into
 * hall commands. A hall command's failure (say, call-next while a ticket is in progress) is the
 * staff's business, logged; it never stops the polling.
 */
import type { Logger } from 'pino';
import { ModbusBus } from '../../drivers/rs485/bus.js';
import { KeypadPoller, type PolledDevice } from '../../drivers/keypad/poller.js';
import type { BindingInterface } from '../../drivers/serial/binding.js';
import type { Bus, EvaluatorDevice, KeypadDevice } from './config.js';
import type { HealthBoard } from './health.js';
import type { DeviceHost } from './host.js';
import type { LedChannel } from './led-channel.js';
import { Supervisor, type Backoff } from './supervisor.js';
import { HEALTH_TEXT } from './health-text.js';

export interface BusUnitOptions {
  bus: Bus;
  /** where to open it: the config path, or a simulated bus's own path */
  path: string;
  binding: BindingInterface;
  leds: LedChannel[];
  panels: (KeypadDevice | EvaluatorDevice)[];
  host: DeviceHost;
  health: HealthBoard;
  logger: Logger;
  backoff: Backoff;
  pollMs: number;
}

export class BusUnit {
  private modbus: ModbusBus | null = null;
  private poller: KeypadPoller | null = null;
  private readonly supervisor: Supervisor;

  constructor(private readonly o: BusUnitOptions) {
    this.supervisor = new Supervisor({
      name: o.bus.id,
      open: () => this.open(),
      onUp: () => this.up(),
      onDown: (err) => this.down(err.message),
      backoff: o.backoff,
      logger: o.logger,
    });
  }

  start(): Promise<void> {
    return this.supervisor.start();
  }

  async stop(): Promise<void> {
    this.supervisor.stop();
    await this.teardown();
  }

  private async open(): Promise<void> {
    const modbus = await ModbusBus.open({
      path: this.o.path,
      baudRate: this.o.bus.baudRate,
      binding: this.o.binding,
      logger: this.o.logger,
    });
    modbus.on('error', (err) => this.o.logger.warn({ bus: this.o.bus.id, err: err.message }, 'bus error'));
    modbus.on('close', () => {
      if (this.modbus !== modbus) return;
      void this.teardown().then(() => this.supervisor.lost(new Error('bus port closed')));
    });
    this.modbus = modbus;
  }

  private up(): void {
    const modbus = this.modbus;
    if (!modbus) return;
    this.o.health.set(this.o.bus.id, 'online');
    for (const led of this.o.leds) led.attach(modbus);
    if (this.o.panels.length === 0) return;
    const byAddress = new Map(this.o.panels.map((p) => [p.address, p]));
    const devices: PolledDevice[] = this.o.panels.map((p) => ({ address: p.address, window: p.window, kind: p.kind }));
    const poller = new KeypadPoller(modbus, devices, { intervalMs: this.o.pollMs });
    // optimistic until a poll fails: the poller reports faults and recoveries, not first success
    for (const p of this.o.panels) this.o.health.set(p.id, 'online');
    poller.on('fault', (f) => {
      const id = byAddress.get(f.address)?.id;
      if (!id) return;
      if (f.reason === 'unreachable') this.o.health.set(id, 'offline', HEALTH_TEXT.noAnswer(f.error?.message));
      else this.o.logger.warn({ device: id, code: f.code }, 'unknown event code from panel');
    });
    poller.on('recovered', (r) => {
      const id = byAddress.get(r.address)?.id;
      if (id) this.o.health.set(id, 'online');
    });
    poller.on('keypad', (e) => {
      const id = byAddress.get(e.address)?.id ?? `keypad@${e.address}`;
      this.o.host.windowAction(e.window, e.action, id).catch((err: Error) => {
        this.o.logger.info({ device: id, window: e.window, action: e.action, err: err.message }, 'keypad command refused');
      });
    });
    poller.on('rating', (e) => {
      const id = byAddress.get(e.address)?.id ?? `evaluator@${e.address}`;
      this.o.host.rate(e.window, e.rating, id).catch((err: Error) => {
        this.o.logger.info({ device: id, window: e.window, err: err.message }, 'rating refused');
      });
    });
    poller.start();
    this.poller = poller;
  }

  private down(reason: string): void {
    this.o.health.set(this.o.bus.id, 'offline', HEALTH_TEXT.linkDown(reason));
    for (const led of this.o.leds) led.attach(null, HEALTH_TEXT.onBus(this.o.bus.id, reason));
    for (const p of this.o.panels) this.o.health.set(p.id, 'offline', HEALTH_TEXT.onBus(this.o.bus.id, reason));
  }

  private async teardown(): Promise<void> {
    const poller = this.poller;
    const modbus = this.modbus;
    this.poller = null;
    this.modbus = null;
    if (poller) await poller.stop();
    if (modbus) await modbus.close();
  }
}
