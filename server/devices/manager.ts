/**
 * The device manager: binds the hall's events to the attached devices and the devices' input to
 * hall commands. Everything here is after-the-fact: a hall command has committed before its LED
 * update or ticket print starts, and a device failure only changes that device's health.
 */
import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { DeviceHealth, TicketCalledEvent } from '../../protocol/events.js';
import type { WindowState } from '../../protocol/domain.js';
import type { PrintOutcome, TicketPrintJob } from '../../drivers/printer/types.js';
import { systemBinding, type BindingInterface } from '../../drivers/serial/binding.js';
import type { DevicesConfig, EvaluatorDevice, KeypadDevice } from './config.js';
import { HealthBoard } from './health.js';
import type { DeviceHost } from './host.js';
import { LedChannel, type LedContent } from './led-channel.js';
import { BusUnit } from './bus-unit.js';
import { ReaderUnit } from './reader-unit.js';
import { PrinterUnit, noPrinterOutcome } from './printer-unit.js';
import { SimulatorFarm, isSimPath } from './simulators.js';
import { DEFAULT_BACKOFF, type Backoff } from './supervisor.js';

export interface DeviceManagerOptions {
  config: DevicesConfig;
  host: DeviceHost;
  logger: Logger;
  /** informational: `sim://` devices run as simulators whether or not this is set */
  demo?: boolean;
  /** the serialport binding for a real path (default: the OS's) */
  bindingFor?: (path: string) => BindingInterface;
  backoff?: Backoff;
  /** keypad/evaluator poll interval (default 250 ms) */
  panelPollMs?: number;
  /** ID card reader poll interval (default 300 ms) */
  cardPollMs?: number;
  /** printer status check interval (default 30 s) */
  printerStatusMs?: number;
  /** where virtual printers store printed tickets (default data/prints) */
  printsDir?: string;
  /** the hall's local time as HH:MM, for LED brightness by time of day (default: always day) */
  localTime?: () => string;
}

export interface DeviceManagerEvents {
  health: [DeviceHealth];
}

export class DeviceManager extends EventEmitter<DeviceManagerEvents> {
  /** the simulators behind sim:// devices: the demo and tests script them */
  readonly simulators: SimulatorFarm;
  private readonly board: HealthBoard;
  private readonly log: Logger;
  private readonly leds = new Map<number, LedChannel>();
  private readonly buses: BusUnit[] = [];
  private readonly readers: ReaderUnit[] = [];
  private readonly printers = new Map<string, PrinterUnit>();
  private started = false;

  constructor(private readonly opts: DeviceManagerOptions) {
    super();
    this.log = opts.logger; // the caller's logger already names the module
    this.board = new HealthBoard(() => opts.host.now());
    this.board.onChange((h) => this.emit('health', h));
    this.simulators = new SimulatorFarm(opts.config);
    for (const b of opts.config.buses) this.board.register(b.id, 'bus');
    for (const d of opts.config.devices) this.board.register(d.id, d.kind);
    for (const d of opts.config.devices) {
      if (d.kind === 'led') this.leds.set(d.window, new LedChannel(d, this.board, this.log, opts.localTime));
    }
    opts.host.events.on('ticket:called', (e) => this.onCalled(e));
    opts.host.events.on('window:updated', (e) => this.onWindow(e.window));
  }

  /** Opens everything. A device that cannot be opened is offline and retried; this never rejects for one. */
  private brightnessTimer: NodeJS.Timeout | null = null;

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.brightnessTimer = setInterval(() => this.refreshBrightness(), 60_000);
    this.brightnessTimer.unref();
    const { config } = this.opts;
    const backoff = this.opts.backoff ?? DEFAULT_BACKOFF;
    for (const bus of config.buses) {
      const sim = this.simulators.buses.get(bus.id);
      const panels = config.devices.filter((d): d is KeypadDevice | EvaluatorDevice => (d.kind === 'keypad' || d.kind === 'evaluator') && d.bus === bus.id);
      this.buses.push(
        new BusUnit({
          bus,
          path: sim ? sim.path : bus.path,
          binding: sim ? (sim.binding as BindingInterface) : this.bindingFor(bus.path),
          leds: config.devices.flatMap((d) => (d.kind === 'led' && d.bus === bus.id ? [this.leds.get(d.window)!] : [])),
          panels,
          host: this.opts.host,
          health: this.board,
          logger: this.log,
          backoff,
          pollMs: this.opts.panelPollMs ?? 250,
        }),
      );
    }
    const simPrinters = await this.simulators.startPrinters(config, this.log, this.opts.printsDir);
    for (const d of config.devices) {
      if (d.kind === 'idcard' || d.kind === 'scanner') {
        const binding = isSimPath(d.path) ? this.simulators.peers.binding : this.bindingFor(d.path);
        this.readers.push(
          new ReaderUnit({ device: d, binding, host: this.opts.host, health: this.board, logger: this.log, backoff, pollMs: this.opts.cardPollMs }),
        );
      } else if (d.kind === 'printer') {
        const iface = simPrinters.get(d.id) ?? d.interface;
        const serialPath = /^serial:([^?]+)/.exec(iface)?.[1];
        this.printers.set(
          d.kiosk,
          new PrinterUnit({
            device: d,
            iface,
            binding: serialPath ? this.bindingFor(serialPath) : systemBinding,
            health: this.board,
            logger: this.log,
            statusIntervalMs: this.opts.printerStatusMs ?? 30_000,
          }),
        );
      }
    }
    // every screen is given its window's state before its bus opens: a screen that is there is
    // written at once and reports online, instead of waiting offline for the window's first event
    for (const w of this.opts.host.windows?.() ?? []) this.onWindow(w, true);
    const units: { start(): Promise<void> }[] = [...this.buses, ...this.readers, ...this.printers.values()];
    const results = await Promise.allSettled(units.map((u) => u.start()));
    for (const r of results) {
      if (r.status === 'rejected') this.log.error({ err: (r.reason as Error)?.message }, 'device unit failed to start');
    }
    this.log.info({ devices: config.devices.length, buses: config.buses.length }, 'device manager started');
  }

  async stop(): Promise<void> {
    if (this.brightnessTimer) clearInterval(this.brightnessTimer);
    this.brightnessTimer = null;
    const units: { stop(): Promise<void> }[] = [...this.buses, ...this.readers, ...this.printers.values()];
    const results = await Promise.allSettled(units.map((u) => u.stop()));
    for (const r of results) {
      if (r.status === 'rejected') this.log.warn({ err: (r.reason as Error)?.message }, 'device did not close cleanly');
    }
    await this.simulators.stop();
    this.started = false;
  }

  /**
   * Prints on the printer bound to that kiosk. Call it after the ticket's transaction and do not
   * make the citizen's response wait on it; the outcome is for the kiosk's notice and the admin.
   */
  async printTicket(kioskName: string, job: TicketPrintJob): Promise<PrintOutcome> {
    const unit = this.printers.get(kioskName);
    if (!unit) return noPrinterOutcome(kioskName);
    return unit.print(job);
  }

  /** Screens follow the time of day: any screen whose brightness band changed is updated (every minute). */
  refreshBrightness(): void {
    for (const c of this.leds.values()) c.tickBrightness();
  }

  health(): DeviceHealth[] {
    return this.board.list();
  }

  /** What the simulated screen above a window shows now; null when that screen is not simulated. */
  ledText(windowNumber: number): { line1: string; line2: string; blink: boolean } | null {
    const channel = this.leds.get(windowNumber);
    const sim = channel && this.simulators.screens.get(channel.device.id);
    if (!sim) return null;
    const { line1, line2, blink } = sim.text();
    return { line1, line2, blink };
  }

  /** Resolves when every LED write asked for so far has finished (tests, orderly shutdown). */
  async ledsIdle(): Promise<void> {
    await Promise.all([...this.leds.values()].map((c) => c.idle()));
  }

  private bindingFor(path: string): BindingInterface {
    return this.opts.bindingFor?.(path) ?? systemBinding;
  }

  private onCalled(e: TicketCalledEvent): void {
    this.leds.get(e.window.number)?.show({ kind: 'call', ticketNumber: e.ticket.number, windowNumber: e.window.number });
  }

  /** `initial`: at start, a ticket already called there is shown as its call (later, ticket:called puts it there) */
  private onWindow(w: WindowState, initial = false): void {
    const channel = this.leds.get(w.number);
    if (!channel) return;
    let content: LedContent | null = null;
    // a closed window shows its idle text (its name), as between calls (issue 14)
    if (w.status === 'closed') content = { kind: 'idle', name: w.name };
    else if (w.status === 'paused') content = { kind: 'paused' };
    // once service starts the call text stays, steady (no blinking); while only called, ticket:called put it there blinking
    else if (w.current?.status === 'serving') content = { kind: 'serving', ticketNumber: w.current.number, windowNumber: w.number };
    else if (!w.current) content = { kind: 'idle', name: w.name };
    else if (initial) content = { kind: 'call', ticketNumber: w.current.number, windowNumber: w.number };
    if (content) channel.show(content);
  }
}
