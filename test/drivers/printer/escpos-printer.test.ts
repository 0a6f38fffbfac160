import { mkdtempSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { createPrinter, startVirtualPrinter, type TicketPrinter, type VirtualPrinter } from '../../../drivers/printer/index.js';
import { createEscPosPrinter } from '../../../drivers/printer/escpos-printer.js';
import { tcpLink } from '../../../drivers/printer/link-tcp.js';
import type { PrinterLink } from '../../../drivers/printer/link.js';
import { reservationJob, walkInJob } from './fixtures.js';

let dir: string;
let vp: VirtualPrinter;
let printer: TicketPrinter;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'hallq-prints-'));
  vp = await startVirtualPrinter({ dir, paperWidth: 58, png: false });
  printer = createPrinter({ interface: `tcp://127.0.0.1:${vp.port}`, paperWidth: 58, statusTimeoutMs: 200 });
});

afterEach(async () => {
  await printer.close();
  await vp.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ESC/POS printer against the virtual printer over TCP', () => {
  it('prints a ticket that the virtual printer stores as a PNG whose QR reads back', async () => {
    const withPng = await startVirtualPrinter({ dir, paperWidth: 58 });
    const p = createPrinter({ interface: `tcp://127.0.0.1:${withPng.port}`, paperWidth: 58, statusTimeoutMs: 200 });
    const out = await p.print(reservationJob);
    await p.close();
    expect(out.ok).toBe(true);
    await withPng.settled();
    const [job] = withPng.jobs();
    await withPng.close();
    expect(job.text).toContain('预约 09:30');
    expect(job.text).toContain('A012');
    expect(existsSync(job.file)).toBe(true);
    const img = PNG.sync.read(readFileSync(job.file));
    expect(jsQR(new Uint8ClampedArray(img.data), img.width, img.height)?.data).toBe(reservationJob.statusUrl);
  });

  it('reads status through DLE EOT for each mode of the printer', async () => {
    expect(await printer.status()).toEqual({ online: true, paperOut: false, paperNearEnd: false, coverOpen: false });
    vp.setMode('near-end');
    expect(await printer.status()).toMatchObject({ online: true, paperNearEnd: true });
    vp.setMode('paper-out');
    expect(await printer.status()).toMatchObject({ online: false, paperOut: true });
    vp.setMode('cover-open');
    expect(await printer.status()).toMatchObject({ online: false, coverOpen: true });
  });

  it('still prints when the paper is only near its end', async () => {
    vp.setMode('near-end');
    expect((await printer.print(walkInJob)).ok).toBe(true);
    expect(vp.jobs()).toHaveLength(1);
  });

  it('serialises two concurrent prints: one session at a time, jobs in call order', async () => {
    let open = 0;
    let maxOpen = 0;
    const inner = tcpLink('127.0.0.1', vp.port);
    const counting: PrinterLink = {
      ...inner,
      open: async () => {
        maxOpen = Math.max(maxOpen, ++open);
        await inner.open();
      },
      end: async () => {
        await inner.end();
        open--;
      },
    };
    const p = createEscPosPrinter({ link: counting, paperWidth: 58, statusTimeoutMs: 200 });
    const [a, b] = await Promise.all([p.print(reservationJob), p.print(walkInJob)]);
    await p.close();
    expect(a.ok && b.ok).toBe(true);
    expect(maxOpen).toBe(1);
    expect(vp.jobs().map((j) => j.text.includes('A012') ? 'A012' : j.text.includes('B007') ? 'B007' : '?')).toEqual(['A012', 'B007']);
  });

  it('reports paper-out with a Chinese message without sending, then reprints once paper is back', async () => {
    vp.setMode('paper-out');
    const out = await printer.print(reservationJob);
    expect(out).toMatchObject({ ok: false, fault: 'paper-out', message: '打印机缺纸，请更换纸卷' });
    expect(printer.failedJobs()).toEqual([{ jobId: out.jobId, job: reservationJob, fault: 'paper-out' }]);
    expect(vp.jobs()).toHaveLength(0);

    await vp.settled();
    vp.setMode('ok');
    expect(await printer.reprint(out.jobId)).toEqual({ ok: true, jobId: out.jobId });
    expect(printer.failedJobs()).toEqual([]);
    expect(vp.jobs()).toHaveLength(1);
    expect(vp.jobs()[0].text).toContain('A012');
  });

  it('reports paper-out when the paper runs out during a job, and reprints a whole ticket after', async () => {
    vp.paperRunsOutAfter(3);
    const out = await printer.print(reservationJob);
    expect(out).toMatchObject({ ok: false, fault: 'paper-out' });
    // the half-printed rest was cleared: new paper does not print the tail of the old ticket
    await vp.settled();
    vp.setMode('ok');
    expect(vp.jobs()).toHaveLength(0);
    expect((await printer.reprint(out.jobId)).ok).toBe(true);
    const jobs = vp.jobs();
    expect(jobs).toHaveLength(1);
    expect(jobs[0].text).toContain('商洛市政务服务中心');
    expect(jobs[0].text).toContain('过号请重新取号');
  });

  it('reports cover-open and offline as their faults', async () => {
    vp.setMode('cover-open');
    expect(await printer.print(walkInJob)).toMatchObject({ ok: false, fault: 'cover-open', message: '打印机上盖未关闭' });
    vp.setMode('offline');
    expect(await printer.print(walkInJob)).toMatchObject({ ok: false, fault: 'offline', message: '打印机离线' });
    expect(printer.failedJobs()).toHaveLength(2);
  });

  it('reports timeout when the printer accepts the connection but never answers', async () => {
    vp.setMode('silent');
    const out = await printer.print(walkInJob);
    expect(out).toMatchObject({ ok: false, fault: 'timeout', message: '打印机无响应' });
    await expect(printer.status()).rejects.toMatchObject({ fault: 'timeout' });
  });

  it('reports offline when nothing listens on the printer port', async () => {
    const free = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const port = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(port));
      });
    });
    const p = createPrinter({ interface: `tcp://127.0.0.1:${free}`, paperWidth: 80, statusTimeoutMs: 200 });
    expect(await p.print(walkInJob)).toMatchObject({ ok: false, fault: 'offline' });
    await p.close();
  });

  it('refuses an interface string it does not understand, naming the valid forms', () => {
    expect(() => createPrinter({ interface: 'lpt1', paperWidth: 58 })).toThrow(/tcp:\/\/HOST:PORT/);
  });
});
