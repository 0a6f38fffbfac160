import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PeerRegistry } from '../../../drivers/serial/peer-binding.js';
import { createPrinter, startVirtualPrinter, type VirtualPrinter } from '../../../drivers/printer/index.js';
import { walkInJob } from './fixtures.js';

let dir: string;
let vp: VirtualPrinter;
let registry: PeerRegistry;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'hallq-prints-'));
  vp = await startVirtualPrinter({ dir, paperWidth: 80, png: false });
  registry = new PeerRegistry();
  registry.add('/dev/ttyUSB7', vp.peer());
});

afterEach(async () => {
  await vp.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ESC/POS printer on a serial port', () => {
  it('prints and reads paper status through the serialport binding', async () => {
    const p = createPrinter({ interface: 'serial:/dev/ttyUSB7?baudRate=19200', paperWidth: 80, statusTimeoutMs: 200, binding: registry.binding });
    expect((await p.print(walkInJob)).ok).toBe(true);
    expect(vp.jobs()[0].text).toContain('B007');
    vp.setMode('paper-out');
    expect(await p.status()).toMatchObject({ paperOut: true, online: false });
    expect(await p.print(walkInJob)).toMatchObject({ ok: false, fault: 'paper-out' });
    await p.close();
  });

  it('reports offline when the serial device is unplugged', async () => {
    registry.unplug('/dev/ttyUSB7');
    const p = createPrinter({ interface: 'serial:/dev/ttyUSB7', paperWidth: 80, statusTimeoutMs: 200, binding: registry.binding });
    expect(await p.print(walkInJob)).toMatchObject({ ok: false, fault: 'offline', message: '打印机离线' });
    await p.close();
  });
});
