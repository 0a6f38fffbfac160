/**
 * A kiosk's ID card reader or QR scanner: kept open with backoff, each scan forwarded to that
 * kiosk as `device:scan`. The scan value is personal data for an ID card: it goes to the kiosk
 * only and is never logged here.
 */
import type { Logger } from 'pino';
import { IdCardReader } from '../../drivers/idcard/reader.js';
import { QrScanner } from '../../drivers/scanner/scanner.js';
import type { BindingInterface } from '../../drivers/serial/binding.js';
import type { IdCardDevice, ScannerDevice } from './config.js';
import type { HealthBoard } from './health.js';
import type { DeviceHost } from './host.js';
import { Supervisor, type Backoff } from './supervisor.js';
import { HEALTH_TEXT } from './health-text.js';

export interface ReaderUnitOptions {
  device: IdCardDevice | ScannerDevice;
  binding: BindingInterface;
  host: DeviceHost;
  health: HealthBoard;
  logger: Logger;
  backoff: Backoff;
  /** ID card poll interval */
  pollMs?: number;
}

export class ReaderUnit {
  private readonly driver: IdCardReader | QrScanner;
  private readonly supervisor: Supervisor;

  constructor(o: ReaderUnitOptions) {
    const { device } = o;
    const common = { path: device.path, binding: o.binding, logger: o.logger, baudRate: device.baudRate };
    this.driver = device.kind === 'idcard' ? new IdCardReader({ ...common, pollMs: o.pollMs }) : new QrScanner(common);
    this.driver.on('scan', (e) => o.host.scan(device.kiosk, e));
    this.driver.on('disconnect', (err: Error) => this.supervisor.lost(err));
    if (this.driver instanceof IdCardReader) {
      this.driver.on('rejected', (problem) => o.logger.info({ device: device.id, problem }, 'ID card refused at kiosk'));
    }
    this.supervisor = new Supervisor({
      name: device.id,
      open: () => this.driver.open(),
      onUp: () => o.health.set(device.id, 'online'),
      onDown: (err) => o.health.set(device.id, 'offline', HEALTH_TEXT.linkDown(err.message)),
      backoff: o.backoff,
      logger: o.logger,
    });
  }

  start(): Promise<void> {
    return this.supervisor.start();
  }

  async stop(): Promise<void> {
    this.supervisor.stop();
    await this.driver.close();
  }
}
