/**
 * Test helper: modbus-serial's ServerSerial (an implementation we did not write) as a slave on the
 * far end of a socat pty pair, and our ModbusBus on the near end through the OS serial binding.
 */
import { createRequire } from 'node:module';
import { ModbusBus } from '../../../drivers/rs485/bus.js';
import { ptyPair } from './socat.js';

const require = createRequire(import.meta.url);
const { ServerSerial } = require('modbus-serial') as {
  ServerSerial: new (vector: object, options: object) => {
    on(event: string, cb: (...args: unknown[]) => void): void;
    close(cb: (err?: unknown) => void): void;
  };
};

export async function busToModbusSerial(unitID: number, vector: object): Promise<{ bus: ModbusBus; stop(): Promise<void> }> {
  const pair = await ptyPair();
  const server = new ServerSerial(vector, { path: pair.b, baudRate: 9600, unitID, interval: 10 });
  await new Promise<void>((resolve, reject) => {
    server.on('initialized', () => resolve());
    server.on('error', (err) => reject(err as Error));
  });
  // ServerSerial frames requests by 10 ms of silence; keep 30 ms between our frames so a pty
  // (which has no baud-rate timing) never runs two requests together
  const bus = await ModbusBus.open({ path: pair.a, baudRate: 9600, interFrameMs: 30, timeoutMs: 300 });
  return {
    bus,
    async stop() {
      await bus.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pair.stop();
    },
  };
}
