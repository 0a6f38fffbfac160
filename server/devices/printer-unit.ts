/**
 * A kiosk's ticket printer. Printing is asked for after the hall's transaction and never holds
 * it up; the outcome only moves the printer's health (paper out, cover open, offline), which the
 * admin sees. Between jobs the status is checked on an interval, so paper-out shows before the
 * next citizen finds it.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { FAULT_MESSAGES, PrinterError, createPrinter, type PrinterStatus, type TicketPrinter } from '../../drivers/printer/index.js';
import type { PrintOutcome, PrinterFault, TicketPrintJob } from '../../drivers/printer/types.js';
import type { BindingInterface } from '../../drivers/serial/binding.js';
import type { PrinterDevice } from './config.js';
import type { HealthBoard, HealthStatus } from './health.js';

export interface PrinterUnitOptions {
  device: PrinterDevice;
  /** the interface to use (a sim:// printer's virtual printer address replaces the config's) */
  iface: string;
  binding: BindingInterface;
  health: HealthBoard;
  logger: Logger;
  statusIntervalMs: number;
}

const FAULT_HEALTH: Record<PrinterFault, HealthStatus> = {
  'paper-out': 'paper-out',
  'cover-open': 'cover-open',
  offline: 'offline',
  timeout: 'offline',
  error: 'error',
};

export function noPrinterOutcome(kioskName: string): PrintOutcome {
  return { ok: false, jobId: randomUUID(), fault: 'offline', message: `${FAULT_MESSAGES.offline}（${kioskName} 未配置打印机）` };
}

export class PrinterUnit {
  private readonly printer: TicketPrinter;
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<void> | null = null;

  constructor(private readonly o: PrinterUnitOptions) {
    this.printer = createPrinter({ interface: o.iface, paperWidth: o.device.paperWidth, logger: o.logger, binding: o.binding });
  }

  get kiosk(): string {
    return this.o.device.kiosk;
  }

  /** First status check, then one every statusIntervalMs. Never rejects. */
  async start(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => void this.check(), this.o.statusIntervalMs);
    this.timer.unref?.();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.checking;
    await this.printer.close();
  }

  async print(job: TicketPrintJob): Promise<PrintOutcome> {
    let outcome: PrintOutcome;
    try {
      outcome = await this.printer.print(job);
    } catch (err) {
      // print() reports faults as outcomes; a throw is a driver bug, still not the hall's problem
      const fault = err instanceof PrinterError ? err.fault : 'error';
      outcome = { ok: false, jobId: randomUUID(), fault, message: FAULT_MESSAGES[fault] };
    }
    if (outcome.ok) this.o.health.set(this.o.device.id, 'online');
    else this.o.health.set(this.o.device.id, FAULT_HEALTH[outcome.fault], outcome.message);
    return outcome;
  }

  check(): Promise<void> {
    this.checking ??= this.readStatus().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private async readStatus(): Promise<void> {
    const id = this.o.device.id;
    let s: PrinterStatus;
    try {
      s = await this.printer.status();
    } catch (err) {
      const fault = err instanceof PrinterError ? err.fault : 'error';
      this.o.health.set(id, FAULT_HEALTH[fault], err instanceof Error ? err.message : String(err));
      return;
    }
    if (!s.online && !s.paperOut && !s.coverOpen) this.o.health.set(id, 'offline', FAULT_MESSAGES.offline);
    else if (s.paperOut) this.o.health.set(id, 'paper-out', FAULT_MESSAGES['paper-out']);
    else if (s.coverOpen) this.o.health.set(id, 'cover-open', FAULT_MESSAGES['cover-open']);
    else if (s.paperNearEnd) this.o.health.set(id, 'paper-near-end', '纸卷将尽');
    else this.o.health.set(id, 'online');
  }
}
