import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { renderTicketBytes } from '../../../drivers/printer/ticket-layout.js';
import { decodeEscPos } from '../../../drivers/printer/escpos-decode.js';
import { createRenderThread } from '../../../drivers/printer/render-thread.js';
import { reservationJob } from './fixtures.js';

const dir = mkdtempSync(path.join(tmpdir(), 'hallq-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the render thread (issue 20: no PNG render on the event loop)', { timeout: 120_000 }, () => {
  it('renders and writes a ticket PNG off the loop; the same thread serves the next jobs', async () => {
    const thread = createRenderThread();
    const ops = decodeEscPos(renderTicketBytes(reservationJob, 58));
    const files = [0, 1].map((i) => path.join(dir, `t${i}.png`));
    await Promise.all(files.map((f) => thread.render(ops, 58, f)));
    expect(thread.pending).toBe(0);
    for (const f of files) {
      const img = PNG.sync.read(readFileSync(f));
      expect(jsQR(new Uint8ClampedArray(img.data), img.width, img.height)?.data).toBe(reservationJob.statusUrl);
    }
    await thread.close();
  });

  it('its queue is bounded: a job beyond it is refused at once', async () => {
    const thread = createRenderThread({ maxQueued: 1 });
    const ops = decodeEscPos(renderTicketBytes(reservationJob, 58));
    const first = thread.render(ops, 58, path.join(dir, 'a.png'));
    await expect(thread.render(ops, 58, path.join(dir, 'b.png'))).rejects.toThrow(/render queue full/);
    await first;
    await thread.close();
  });

  it('a failed write rejects its job, and the thread goes on', async () => {
    const thread = createRenderThread();
    const ops = decodeEscPos(renderTicketBytes(reservationJob, 58));
    await expect(thread.render(ops, 58, path.join(dir, 'missing', 'x.png'))).rejects.toThrow(/ENOENT/);
    await thread.render(ops, 58, path.join(dir, 'c.png'));
    await thread.close();
  });
});
