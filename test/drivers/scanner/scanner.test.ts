import { afterEach, describe, expect, it } from 'vitest';
import { SerialPort } from 'serialport';
import type { DeviceScanEvent } from '../../../protocol/events.js';
import { QrScanner } from '../../../drivers/scanner/scanner.js';
import { ScannerSimulator } from '../../../drivers/scanner/simulator.js';
import { PeerRegistry, attachPeerToStream } from '../../../drivers/serial/peer-binding.js';
import { hasSocat, ptyPair } from '../serial/socat.js';
import { memoryLogger, sleep, waitFor } from '../idcard/helpers.js';

let scanner: QrScanner | null = null;
afterEach(async () => {
  await scanner?.close();
  scanner = null;
});

function setup(path: string) {
  const sim = new ScannerSimulator();
  const peers = new PeerRegistry();
  peers.add(path, sim);
  let now = 1_000_000;
  const { logger, lines } = memoryLogger();
  scanner = new QrScanner({ path, binding: peers.binding, logger, now: () => now });
  const scans: DeviceScanEvent[] = [];
  scanner.on('scan', (e) => scans.push(e));
  return { sim, scans, lines, scanner, advance: (ms: number) => (now += ms) };
}

describe('QrScanner on MockBinding', () => {
  it('emits a trimmed qr scan per terminated line', async () => {
    const { sim, scans, scanner: s } = setup('/dev/mock-qr-1');
    await s.open();
    sim.scan('  HQ1.bk_1.sig  ');
    sim.scan('HQ1.bk_2.sig', '\n');
    await waitFor(() => scans.length === 2);
    expect(scans).toEqual([
      { source: 'qr', value: 'HQ1.bk_1.sig' },
      { source: 'qr', value: 'HQ1.bk_2.sig' },
    ]);
  });

  it('ignores empty lines and non-ASCII lines', async () => {
    const { sim, scans, scanner: s } = setup('/dev/mock-qr-2');
    await s.open();
    sim.sendRaw(Buffer.from('\r\n   \r\n'));
    sim.sendRaw(Buffer.from([0xc4, 0xe3, 0x0d, 0x0a]));
    sim.scan('HQ1.ok.sig');
    await waitFor(() => scans.length === 1);
    await sleep(20);
    expect(scans.map((e) => e.value)).toEqual(['HQ1.ok.sig']);
  });

  it('rate-limits the same code within one second, by the injected clock', async () => {
    const { sim, scans, advance, scanner: s } = setup('/dev/mock-qr-3');
    await s.open();
    sim.scan('HQ1.same.sig');
    await waitFor(() => scans.length === 1);
    advance(500);
    sim.scan('HQ1.same.sig');
    await sleep(20);
    expect(scans).toHaveLength(1);
    advance(1500);
    sim.scan('HQ1.same.sig');
    await waitFor(() => scans.length === 2);
  });

  it('never logs the scanned content', async () => {
    const { sim, lines, scanner: s } = setup('/dev/mock-qr-4');
    await s.open();
    sim.scan('61100219900307124X');
    sim.sendRaw(Buffer.from('secret\u00e9\r\n', 'latin1'));
    await sleep(20);
    expect(lines.join('')).not.toContain('61100219900307124X');
    expect(lines.join('')).not.toContain('secret');
  });

  it('reports a disconnect when the port closes under it', async () => {
    const { scanner: s } = setup('/dev/mock-qr-5');
    await s.open();
    const gone = new Promise((r) => s.once('disconnect', r));
    // the stream closing without close() being called, as when a USB adapter is pulled
    (s as unknown as { port: SerialPort }).port.close();
    await gone;
    expect(s.isOpen).toBe(false);
  });
});

describe.skipIf(!hasSocat)('QrScanner over a socat pty pair', () => {
  it('reads scans written by a device on the other end', async () => {
    const pty = await ptyPair();
    const device = new SerialPort({ path: pty.b, baudRate: 9600, autoOpen: false });
    await new Promise<void>((res, rej) => device.open((e) => (e ? rej(e) : res())));
    const sim = new ScannerSimulator();
    const detach = attachPeerToStream(sim, device);
    scanner = new QrScanner({ path: pty.a, binding: SerialPort.binding, logger: memoryLogger().logger });
    const scans: DeviceScanEvent[] = [];
    scanner.on('scan', (e) => scans.push(e));
    try {
      await scanner.open();
      sim.scan('HQ1.pty.sig');
      await waitFor(() => scans.length === 1, 3000);
      expect(scans[0]).toEqual({ source: 'qr', value: 'HQ1.pty.sig' });
    } finally {
      await scanner.close();
      scanner = null;
      detach();
      await new Promise((r) => device.close(r));
      await pty.close();
    }
  });
});
