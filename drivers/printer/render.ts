/**
 * Draws decoded ESC/POS operations the way a 203 dpi thermal printer lays them out — font A cells
 * of 12×24 dots, Hanzi 24×24, GS ! multipliers, alignment, inverse, QR codes — as SVG, and as PNG
 * through resvg with a CJK font loaded by file path. One SVG unit is one printer dot.
 */
import { Resvg } from '@resvg/resvg-js';
import QRCode from 'qrcode';
import type { EscPosOp } from './escpos-ops.js';
import { findCjkFont, type CjkFont } from './font.js';
import type { PaperWidth } from './types.js';

/** Printable dots per line: 58 mm → 384, 80 mm → 576 (Epson TM-T20 class). */
export const PRINT_DOTS: Record<PaperWidth, number> = { 58: 384, 80: 576 };
const MARGIN = 24;
const DEFAULT_SPACING = 30;

interface Glyph { ch: string; w: number; h: number; sx: number; bold: boolean; invert: boolean; underline: boolean }

export function renderSvg(ops: EscPosOp[], paperWidth: PaperWidth, font: CjkFont = findCjkFont()): string {
  const width = PRINT_DOTS[paperWidth];
  const out: string[] = [];
  let y = MARGIN;
  let s = freshState();
  let line: Glyph[] = [];
  let used = 0;

  const flush = (force: boolean) => {
    if (line.length === 0) {
      if (force) y += s.spacing ?? DEFAULT_SPACING;
      return;
    }
    const tallest = Math.max(...line.map((g) => g.h));
    const x0 = MARGIN + (s.align === 'center' ? (width - used) / 2 : s.align === 'right' ? width - used : 0);
    let x = x0;
    for (const g of line) {
      drawGlyph(out, g, x, y + tallest - g.h, font.family);
      x += g.w;
    }
    y += Math.max(s.spacing ?? DEFAULT_SPACING, tallest + 6);
    line = [];
    used = 0;
  };

  for (const o of ops) {
    switch (o.op) {
      case 'init': flush(false); s = freshState(); break;
      case 'chinese': s.chinese = o.on; break;
      case 'align': s.align = o.align; break;
      case 'bold': s.bold = o.on; break;
      case 'underline': s.underline = o.dots > 0; break;
      case 'invert': s.invert = o.on; break;
      case 'font': s.fontB = o.font === 'B'; break;
      case 'size': s.sw = o.width; s.sh = o.height; break;
      case 'print-mode':
        s.fontB = o.fontB; s.bold = o.bold; s.underline = o.underline;
        s.sw = o.doubleWidth ? 2 : 1; s.sh = o.doubleHeight ? 2 : 1;
        break;
      case 'line-spacing': s.spacing = o.dots; break;
      case 'text':
        for (const ch of o.text) {
          const wide = s.chinese && ch.codePointAt(0)! >= 0x80;
          const w = (wide ? 24 : s.fontB ? 9 : 12) * s.sw;
          if (used + w > width) flush(false);
          line.push({ ch, w, h: (s.fontB && !wide ? 17 : 24) * s.sh, sx: s.sw / s.sh, bold: s.bold, invert: s.invert, underline: s.underline });
          used += w;
        }
        break;
      case 'lf': flush(true); break;
      case 'feed': flush(false); y += o.lines * (s.spacing ?? DEFAULT_SPACING); break;
      case 'feed-dots': flush(false); y += o.dots; break;
      case 'qr-cell': s.qrCell = o.dots; break;
      case 'qr-ec': s.qrEc = o.level; break;
      case 'qr-store': s.qrData = Uint8Array.from(o.bytes); break;
      case 'qr-print': {
        flush(false);
        if (!s.qrData) break;
        const qr = QRCode.create([{ data: s.qrData, mode: 'byte' }], { errorCorrectionLevel: s.qrEc });
        const n = qr.modules.size;
        const size = n * s.qrCell;
        const x0 = MARGIN + (s.align === 'center' ? (width - size) / 2 : s.align === 'right' ? width - size : 0);
        for (let r = 0; r < n; r++) {
          for (let c = 0; c < n; c++) {
            if (qr.modules.get(r, c)) out.push(`<rect x="${x0 + c * s.qrCell}" y="${y + r * s.qrCell}" width="${s.qrCell}" height="${s.qrCell}"/>`);
          }
        }
        y += size;
        break;
      }
      case 'cut':
        flush(false);
        out.push(`<line x1="0" x2="${width + 2 * MARGIN}" y1="${y + 8}" y2="${y + 8}" stroke="#999" stroke-dasharray="6 4"/>`);
        y += 16;
        break;
      default:
        break; // status requests, code pages, clear-buffer and unknown bytes print nothing
    }
  }
  flush(false);
  const h = y + MARGIN;
  const w = width + 2 * MARGIN;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><rect width="100%" height="100%" fill="#fff"/><g shape-rendering="crispEdges">${out.join('')}</g></svg>`;
}

export function renderPng(ops: EscPosOp[], paperWidth: PaperWidth, font: CjkFont = findCjkFont()): Buffer {
  const svg = renderSvg(ops, paperWidth, font);
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    font: { fontFiles: [font.file], loadSystemFonts: false, defaultFontFamily: font.family },
  });
  return Buffer.from(resvg.render().asPng());
}

function freshState() {
  return {
    chinese: false, align: 'left' as 'left' | 'center' | 'right', bold: false, underline: false, invert: false, fontB: false,
    sw: 1, sh: 1, spacing: null as number | null, qrCell: 3, qrEc: 'L' as 'L' | 'M' | 'Q' | 'H', qrData: null as Uint8Array | null,
  };
}

function drawGlyph(out: string[], g: Glyph, x: number, top: number, family: string): void {
  const ink = g.invert ? '#fff' : '#000';
  if (g.invert) out.push(`<rect x="${x}" y="${top}" width="${g.w}" height="${g.h}" fill="#000"/>`);
  if (g.underline) out.push(`<rect x="${x}" y="${top + g.h - 2}" width="${g.w}" height="2" fill="${ink}"/>`);
  if (g.ch === ' ') return;
  const fontSize = g.h;
  const cx = x + g.w / 2;
  const base = top + g.h * 0.86;
  const stroke = g.bold ? ` stroke="${ink}" stroke-width="${(fontSize / 24).toFixed(2)}"` : '';
  out.push(
    `<text transform="translate(${cx} ${base}) scale(${g.sx} 1)" text-anchor="middle" font-family="${family}" font-size="${fontSize}" fill="${ink}"${stroke}>${escapeXml(g.ch)}</text>`,
  );
}

function escapeXml(ch: string): string {
  return ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : ch;
}
