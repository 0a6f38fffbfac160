/**
 * ESC/POS decoder for every command hallq emits (and the common ones around them), incremental so
 * the virtual printer can decode a TCP or serial stream as it arrives. Text is decoded as GB18030
 * while Chinese mode (FS &) is on, else as code page 437 (the printer's power-on table).
 */
import iconv from 'iconv-lite';
import type { EscPosOp } from './escpos-ops.js';

export type { EscPosOp } from './escpos-ops.js';
export { opsText } from './escpos-ops.js';

const EC_LEVELS = ['L', 'M', 'Q', 'H'] as const;

/** Decodes a complete job. */
export function decodeEscPos(bytes: Uint8Array): EscPosOp[] {
  const d = new EscPosDecoder();
  return [...d.push(bytes), ...d.end()];
}

export class EscPosDecoder {
  private pending: Buffer = Buffer.alloc(0);
  private chinese = false;

  /** Decodes what is complete; keeps a command or text run cut by the chunk boundary for later. */
  push(chunk: Uint8Array): EscPosOp[] {
    this.pending = Buffer.concat([this.pending, chunk]);
    return this.drain(false);
  }

  /** The stream ended: whatever is left is decoded as far as it goes. */
  end(): EscPosOp[] {
    const ops = this.drain(true);
    if (this.pending.length > 0) ops.push({ op: 'unknown', bytes: [...this.pending] });
    this.pending = Buffer.alloc(0);
    return ops;
  }

  private drain(final: boolean): EscPosOp[] {
    const ops: EscPosOp[] = [];
    let pos = 0;
    for (;;) {
      const r = this.next(this.pending, pos, final);
      if (!r) break;
      if (r.op.op === 'chinese') this.chinese = r.op.on;
      if (r.op.op === 'init') this.chinese = false;
      ops.push(r.op);
      pos = r.end;
    }
    this.pending = this.pending.subarray(pos);
    return ops;
  }

  /** One command at `pos`, or null when more bytes are needed (or none are left). */
  private next(b: Buffer, pos: number, final: boolean): { op: EscPosOp; end: number } | null {
    if (pos >= b.length) return null;
    const need = (n: number) => pos + n <= b.length;
    const c = b[pos];
    if (c >= 0x20) {
      let end = pos;
      while (end < b.length && b[end] >= 0x20) end++;
      if (end === b.length && !final) return null;
      const raw = b.subarray(pos, end);
      const text = this.chinese ? iconv.decode(raw, 'gb18030') : iconv.decode(raw, 'cp437');
      return { op: { op: 'text', text }, end };
    }
    if (c === 0x0a) return { op: { op: 'lf' }, end: pos + 1 };
    if (c === 0x0d) return { op: { op: 'cr' }, end: pos + 1 };
    if (!need(2)) return final ? { op: { op: 'unknown', bytes: [...b.subarray(pos)] }, end: b.length } : null;
    const c1 = b[pos + 1];
    const with1 = (make: (n: number) => EscPosOp) => (need(3) ? { op: make(b[pos + 2]), end: pos + 3 } : this.short(b, pos, final));

    if (c === 0x1b) {
      switch (c1) {
        case 0x40: return { op: { op: 'init' }, end: pos + 2 };
        case 0x32: return { op: { op: 'line-spacing', dots: null }, end: pos + 2 };
        case 0x33: return with1((n) => ({ op: 'line-spacing', dots: n }));
        case 0x61: return with1((n) => ({ op: 'align', align: (['left', 'center', 'right'] as const)[n % 48] ?? 'left' }));
        case 0x45: return with1((n) => ({ op: 'bold', on: (n & 1) === 1 }));
        case 0x2d: return with1((n) => ({ op: 'underline', dots: n % 48 }));
        case 0x4d: return with1((n) => ({ op: 'font', font: n % 48 === 1 ? 'B' : 'A' }));
        case 0x64: return with1((n) => ({ op: 'feed', lines: n }));
        case 0x4a: return with1((n) => ({ op: 'feed-dots', dots: n }));
        case 0x74: return with1((n) => ({ op: 'code-page', n }));
        case 0x52: return with1((n) => ({ op: 'intl-charset', n }));
        case 0x21:
          return with1((n) => ({
            op: 'print-mode', fontB: (n & 0x01) !== 0, bold: (n & 0x08) !== 0,
            doubleHeight: (n & 0x10) !== 0, doubleWidth: (n & 0x20) !== 0, underline: (n & 0x80) !== 0,
          }));
      }
      return { op: { op: 'unknown', bytes: [c, c1] }, end: pos + 2 };
    }
    if (c === 0x1c) {
      if (c1 === 0x26) return { op: { op: 'chinese', on: true }, end: pos + 2 };
      if (c1 === 0x2e) return { op: { op: 'chinese', on: false }, end: pos + 2 };
      return { op: { op: 'unknown', bytes: [c, c1] }, end: pos + 2 };
    }
    if (c === 0x10) {
      if (c1 === 0x04) return with1((n) => ({ op: 'status-request', n }));
      if (c1 === 0x14) {
        if (!need(3)) return this.short(b, pos, final);
        if (b[pos + 2] === 0x08) {
          if (!need(10)) return this.short(b, pos, final);
          return { op: { op: 'clear-buffer' }, end: pos + 10 };
        }
        if (!need(5)) return this.short(b, pos, final);
        return { op: { op: 'unknown', bytes: [...b.subarray(pos, pos + 5)] }, end: pos + 5 };
      }
      return { op: { op: 'unknown', bytes: [c, c1] }, end: pos + 2 };
    }
    if (c === 0x1d) {
      switch (c1) {
        case 0x21: return with1((n) => ({ op: 'size', width: (n >> 4) + 1, height: (n & 0x0f) + 1 }));
        case 0x42: return with1((n) => ({ op: 'invert', on: (n & 1) === 1 }));
        case 0x72: return with1((n) => ({ op: 'paper-status-request', n }));
        case 0x56: {
          if (!need(3)) return this.short(b, pos, final);
          const m = b[pos + 2];
          if (m === 65 || m === 66) return need(4) ? { op: { op: 'cut', partial: m === 66 }, end: pos + 4 } : this.short(b, pos, final);
          return { op: { op: 'cut', partial: m === 1 || m === 49 }, end: pos + 3 };
        }
        case 0x28: return this.gsParen(b, pos, final);
      }
      return { op: { op: 'unknown', bytes: [c, c1] }, end: pos + 2 };
    }
    return { op: { op: 'unknown', bytes: [c] }, end: pos + 1 };
  }

  /** GS ( fn pL pH cn fn … — the 2D symbol commands; only QR (GS ( k, cn 49) is understood. */
  private gsParen(b: Buffer, pos: number, final: boolean): { op: EscPosOp; end: number } | null {
    if (pos + 5 > b.length) return this.short(b, pos, final);
    const len = b[pos + 3] | (b[pos + 4] << 8);
    const end = pos + 5 + len;
    if (end > b.length) return this.short(b, pos, final);
    const body = b.subarray(pos + 5, end);
    const whole = [...b.subarray(pos, end)];
    if (b[pos + 2] !== 0x6b || body[0] !== 0x31) return { op: { op: 'unknown', bytes: whole }, end };
    switch (body[1]) {
      case 0x41: return { op: { op: 'qr-model', model: body[2] - 48 }, end };
      case 0x43: return { op: { op: 'qr-cell', dots: body[2] }, end };
      case 0x45: return { op: { op: 'qr-ec', level: EC_LEVELS[body[2] - 48] ?? 'L' }, end };
      case 0x50: {
        const data = body.subarray(3);
        return { op: { op: 'qr-store', data: data.toString('latin1'), bytes: [...data] }, end };
      }
      case 0x51: return { op: { op: 'qr-print' }, end };
    }
    return { op: { op: 'unknown', bytes: whole }, end };
  }

  private short(b: Buffer, pos: number, final: boolean): { op: EscPosOp; end: number } | null {
    return final ? { op: { op: 'unknown', bytes: [...b.subarray(pos)] }, end: b.length } : null;
  }
}
