import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { renderTicketBytes } from '../../../drivers/printer/ticket-layout.js';
import { decodeEscPos, opsText } from '../../../drivers/printer/escpos-decode.js';
import { PRINT_DOTS, renderPng, renderSvg } from '../../../drivers/printer/render.js';
import { reservationJob, walkInJob } from './fixtures.js';

const ARTIFACTS = 'test-artifacts/printer';

function readQr(png: Buffer): string | null {
  const img = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length), img.width, img.height)?.data ?? null;
}

describe('ticket rendering', () => {
  it.each([
    ['reservation', reservationJob, 58],
    ['walk-in', walkInJob, 80],
  ] as const)('renders a %s ticket whose QR code reads back as the status URL', (name, job, paper) => {
    const ops = decodeEscPos(renderTicketBytes(job, paper));
    const png = renderPng(ops, paper);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(`${ARTIFACTS}/${name}-${paper}mm.png`, png); // for a person to look at
    const img = PNG.sync.read(png);
    expect(img.width).toBe(PRINT_DOTS[paper] + 48);
    expect(readQr(png)).toBe(job.statusUrl);
    const text = opsText(ops);
    expect(text).toContain(job.hallName);
    expect(text).toContain(job.ticketNumber);
    expect(text).toContain(job.serviceName);
  });

  it('draws every printed character of the ticket into the SVG', () => {
    const svg = renderSvg(decodeEscPos(renderTicketBytes(reservationJob, 58)), 58);
    for (const ch of '商洛市政务服务中心A012预约09:30不动产登记过号请重新取号') expect(svg).toContain(`>${ch}</text>`);
  });

  it('centres the ticket number and draws it four times the normal size on 58 mm', () => {
    const svg = renderSvg(decodeEscPos(renderTicketBytes(reservationJob, 58)), 58);
    const a = /<text transform="translate\(([\d.]+) [\d.]+\) scale\(1 1\)"[^>]*font-size="96"[^>]*>A<\/text>/.exec(svg);
    expect(a).not.toBeNull();
    // "A012" is 4 cells of 48 dots, centred on 384: its first cell's centre is at 24 + 96 + 24
    expect(Number(a![1])).toBe(24 + (384 - 4 * 48) / 2 + 24);
  });
});
