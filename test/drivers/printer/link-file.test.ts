import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPrinter } from '../../../drivers/printer/index.js';
import { walkInJob } from './fixtures.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hallq-lp-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('ESC/POS printer on a USB device file', () => {
  it('does not claim a ticket printed when the device never answers the status query', async () => {
    const dev = path.join(dir, 'lp0');
    writeFileSync(dev, '');
    const p = createPrinter({ interface: dev, paperWidth: 58, statusTimeoutMs: 100 });
    expect(await p.print(walkInJob)).toMatchObject({ ok: false, fault: 'timeout' });
    // only the status query went out: no ticket bytes were sent to a printer that could not be checked
    expect([...readFileSync(dev)]).toEqual([0x10, 0x04, 0x01]);
    await p.close();
  });

  it('reports offline when the device file does not exist', async () => {
    const p = createPrinter({ interface: path.join(dir, 'missing'), paperWidth: 58, statusTimeoutMs: 100 });
    expect(await p.print(walkInJob)).toMatchObject({ ok: false, fault: 'offline' });
    await p.close();
  });
});
