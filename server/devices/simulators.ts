/**
 * The simulators behind `sim://` paths: one simulated RS-485 bus per sim bus (with a LED screen,
 * keypad or evaluator slave per device), an ID card module and a QR scanner per sim reader, a
 * virtual TCP printer per sim printer. The demo runs entirely on these; tests script them.
 */
import type { Logger } from 'pino';
import { createSimulatedBus, type SimulatedBus } from '../../drivers/rs485/sim-bus.js';
import { LedSimulator } from '../../drivers/led/simulator.js';
import { EvaluatorSimulator, KeypadSimulator } from '../../drivers/keypad/simulator.js';
import { IdCardSimulator } from '../../drivers/idcard/simulator.js';
import { ScannerSimulator } from '../../drivers/scanner/simulator.js';
import { PeerRegistry } from '../../drivers/serial/peer-binding.js';
import { startVirtualPrinter, type VirtualPrinter } from '../../drivers/printer/index.js';
import type { DevicesConfig } from './config.js';

export const isSimPath = (path: string) => path.startsWith('sim://');

export class SimulatorFarm {
  readonly buses = new Map<string, SimulatedBus>();
  /** by device id */
  readonly screens = new Map<string, LedSimulator>();
  readonly keypads = new Map<string, KeypadSimulator>();
  readonly evaluators = new Map<string, EvaluatorSimulator>();
  readonly idcards = new Map<string, IdCardSimulator>();
  readonly scanners = new Map<string, ScannerSimulator>();
  readonly printers = new Map<string, VirtualPrinter>();
  /** serial peers (ID card modules, scanners) by their sim:// path */
  readonly peers = new PeerRegistry();

  constructor(config: DevicesConfig) {
    for (const bus of config.buses) {
      if (isSimPath(bus.path)) this.buses.set(bus.id, createSimulatedBus({ baudRate: bus.baudRate }));
    }
    for (const d of config.devices) {
      if (d.kind === 'led' || d.kind === 'keypad' || d.kind === 'evaluator') {
        const sim = this.buses.get(d.bus);
        if (!sim) continue;
        const slave =
          d.kind === 'led' ? new LedSimulator(d.address) : d.kind === 'keypad' ? new KeypadSimulator(d.address) : new EvaluatorSimulator(d.address);
        sim.attach(slave);
        if (slave instanceof LedSimulator) this.screens.set(d.id, slave);
        else if (slave instanceof KeypadSimulator) this.keypads.set(d.id, slave);
        else this.evaluators.set(d.id, slave);
      } else if ((d.kind === 'idcard' || d.kind === 'scanner') && isSimPath(d.path)) {
        const sim = d.kind === 'idcard' ? new IdCardSimulator() : new ScannerSimulator();
        this.peers.add(d.path, sim);
        if (sim instanceof IdCardSimulator) this.idcards.set(d.id, sim);
        else this.scanners.set(d.id, sim);
      }
    }
  }

  /** Starts a virtual TCP printer for every `sim://` printer; returns device id → tcp:// interface. */
  async startPrinters(config: DevicesConfig, logger: Logger, dir?: string): Promise<Map<string, string>> {
    const ifaces = new Map<string, string>();
    for (const d of config.devices) {
      if (d.kind !== 'printer' || !isSimPath(d.interface)) continue;
      const vp = await startVirtualPrinter({ host: '127.0.0.1', port: 0, paperWidth: d.paperWidth, logger, ...(dir ? { dir } : {}) });
      this.printers.set(d.id, vp);
      ifaces.set(d.id, `tcp://127.0.0.1:${vp.port}`);
    }
    return ifaces;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.printers.values()].map((p) => p.close()));
    this.printers.clear();
  }
}
