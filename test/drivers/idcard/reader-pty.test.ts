import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SerialPort } from 'serialport';
import type { DeviceScanEvent } from '../../../protocol/events.js';
import { IdCardReader } from '../../../drivers/idcard/reader.js';
import { IdCardSimulator } from '../../../drivers/idcard/simulator.js';
import { sampleCard } from '../../../drivers/idcard/text.js';
import { attachPeerToStream } from '../../../drivers/serial/peer-binding.js';
import { hasSocat, ptyPair, type PtyPair } from '../serial/socat.js';
import { memoryLogger, sleep, waitFor } from './helpers.js';

// socat comes from Debian (apt-get install -y socat); without it this file cannot run
describe.skipIf(!hasSocat)('IdCardReader over a socat pty pair', () => {
  let pty: PtyPair;
  let device: SerialPort;
  let detach: () => void;
  const sim = new IdCardSimulator();
  let reader: IdCardReader;

  beforeAll(async () => {
    pty = await ptyPair();
    device = new SerialPort({ path: pty.b, baudRate: 115200, autoOpen: false });
    await new Promise<void>((res, rej) => device.open((e) => (e ? rej(e) : res())));
    detach = attachPeerToStream(sim, device);
    reader = new IdCardReader({ path: pty.a, binding: SerialPort.binding, logger: memoryLogger().logger, pollMs: 20 });
    await reader.open();
  });

  afterAll(async () => {
    await reader?.close();
    detach?.();
    await new Promise((r) => (device?.isOpen ? device.close(r) : r(null)));
    await pty?.close();
  });

  it('reads a placed card through the kernel tty once per placement', async () => {
    const scans: DeviceScanEvent[] = [];
    reader.on('scan', (e) => scans.push(e));
    const card = sampleCard();
    sim.place(card);
    await waitFor(() => scans.length === 1, 3000);
    expect(scans[0]).toEqual({ source: 'idcard', value: card.idNumber });
    await sleep(150);
    expect(scans).toHaveLength(1);
    sim.lift();
    await sleep(200); // several polls see the empty reader
    sim.place(card);
    await waitFor(() => scans.length === 2, 3000);
  });
});
