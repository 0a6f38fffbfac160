/**
 * `npm run agent -- --demo`: the kiosk PC's devices as simulators (a virtual printer, an ID card
 * module, a QR scanner), the same ones the server's demo runs. On a terminal, a line typed on stdin
 * plays the citizen: `id` places a sample ID card (and lifts it), `qr TEXT` scans TEXT.
 */
import { createInterface } from 'node:readline';
import type { Logger } from 'pino';
import type { AgentDevicesConfig } from '../server/devices/config.js';
import type { SimulatorFarm } from '../server/devices/simulators.js';
import { sampleCard } from '../drivers/idcard/text.js';

export function demoAgentConfig(): AgentDevicesConfig {
  return {
    devices: [
      { id: 'printer', kind: 'printer', interface: 'sim://printer', paperWidth: 80 },
      { id: 'reader', kind: 'idcard', path: 'sim://idcard', baudRate: 115200 },
      { id: 'scanner', kind: 'scanner', path: 'sim://scanner', baudRate: 9600 },
    ],
  };
}

export function demoConsole(sims: SimulatorFarm, log: Logger, input: NodeJS.ReadableStream = process.stdin): () => void {
  const lines = createInterface({ input });
  lines.on('line', (line) => {
    const [cmd, ...rest] = line.trim().split(/\s+/);
    if (cmd === 'id') {
      const reader = [...sims.idcards.values()][0];
      if (!reader) return void log.warn('no simulated ID card reader');
      reader.place(sampleCard());
      setTimeout(() => reader.lift(), 1500).unref();
    } else if (cmd === 'qr' && rest.length) {
      const scanner = [...sims.scanners.values()][0];
      if (!scanner) return void log.warn('no simulated scanner');
      scanner.scan(rest.join(' '));
    } else if (cmd) log.info('demo commands: id (an ID card on the reader), qr TEXT (a scanned code)');
  });
  return () => lines.close();
}
