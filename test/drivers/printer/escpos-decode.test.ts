import { describe, expect, it } from 'vitest';
import { decodeEscPos, EscPosDecoder, type EscPosOp } from '../../../drivers/printer/escpos-decode.js';
import { renderTicketBytes } from '../../../drivers/printer/ticket-layout.js';
import { DLE_DC4_CLEAR, dleEot, GS_R_PAPER } from '../../../drivers/printer/escpos-commands.js';
import { reservationJob } from './fixtures.js';

describe('ESC/POS decoder', () => {
  it('decodes a stream cut at any byte the same as the whole job', () => {
    const bytes = renderTicketBytes({ ...reservationJob, hallName: '𠀀政务中心' }, 58);
    const whole = decodeEscPos(bytes);
    for (const step of [1, 2, 3, 7]) {
      const d = new EscPosDecoder();
      const ops: EscPosOp[] = [];
      for (let i = 0; i < bytes.length; i += step) ops.push(...d.push(bytes.subarray(i, i + step)));
      ops.push(...d.end());
      // text runs may arrive in pieces; joined they must be the same
      const join = (o: typeof ops) => JSON.stringify(o.map((x) => (x.op === 'text' ? { op: 'text' } : x)).filter((x, i, a) => !(x.op === 'text' && a[i - 1]?.op === 'text')));
      expect(join(ops)).toBe(join(whole));
      expect(ops.filter((o) => o.op === 'text').map((o) => (o.op === 'text' ? o.text : '')).join('')).toBe(
        whole.filter((o) => o.op === 'text').map((o) => (o.op === 'text' ? o.text : '')).join(''),
      );
    }
  });

  it('decodes text as GB18030 only while Chinese mode is on', () => {
    const gb = Buffer.from([0xd4, 0xa4, 0xd4, 0xbc]);
    const on = decodeEscPos(Buffer.concat([Buffer.from([0x1c, 0x26]), gb, Buffer.from([0x0a])]));
    expect(on).toContainEqual({ op: 'text', text: '预约' });
    const off = decodeEscPos(Buffer.concat([gb, Buffer.from([0x0a])]));
    expect(off).not.toContainEqual({ op: 'text', text: '预约' });
  });

  it('recognises the status queries and the buffer clear the driver sends', () => {
    const ops = decodeEscPos(Buffer.concat([dleEot(1), dleEot(2), dleEot(4), GS_R_PAPER, DLE_DC4_CLEAR]));
    expect(ops).toEqual([
      { op: 'status-request', n: 1 },
      { op: 'status-request', n: 2 },
      { op: 'status-request', n: 4 },
      { op: 'paper-status-request', n: 1 },
      { op: 'clear-buffer' },
    ]);
  });

  it('reports bytes it does not understand as unknown instead of dropping them', () => {
    expect(decodeEscPos(Buffer.from([0x1b, 0x7a]))).toEqual([{ op: 'unknown', bytes: [0x1b, 0x7a] }]);
  });
});
