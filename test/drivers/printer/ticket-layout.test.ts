import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { renderTicketBytes } from '../../../drivers/printer/ticket-layout.js';
import { decodeEscPos, opsText } from '../../../drivers/printer/escpos-decode.js';
import { columns } from '../../../drivers/printer/text-columns.js';
import { reservationJob, walkInJob } from './fixtures.js';

const has = (hay: Buffer, needle: number[]) => hay.indexOf(Buffer.from(needle)) >= 0;

describe('ticket bytes', () => {
  it('turns Chinese mode on with FS & and encodes 预约 as GB18030', () => {
    const b = renderTicketBytes(reservationJob, 58);
    expect(has(b, [0x1c, 0x26])).toBe(true);
    expect(has(b, [0xd4, 0xa4, 0xd4, 0xbc])).toBe(true); // 预约
    expect(b.indexOf(Buffer.from('预约', 'utf8'))).toBe(-1);
    // the library's CHINA "code page" (ESC R 15) is an international set, not Chinese mode
    expect(has(b, [0x1b, 0x52, 0x0f])).toBe(false);
  });

  it('encodes GB18030-only characters as four-byte sequences where GBK would print ?', () => {
    const hall = '㐀𠀀政务服务中心';
    expect(iconv.encode('㐀', 'gbk')).toEqual(Buffer.from('?'));
    const b = renderTicketBytes({ ...reservationJob, hallName: hall }, 80);
    expect(has(b, [0x81, 0x39, 0xee, 0x39])).toBe(true); // 㐀 U+3400
    expect(has(b, [0x95, 0x32, 0x82, 0x36])).toBe(true); // 𠀀 U+20000
    expect(opsText(decodeEscPos(b))).toContain(hall);
  });

  it('stores the status URL as ASCII QR data whose length header matches the bytes', () => {
    const b = renderTicketBytes(reservationJob, 58);
    const qr = decodeEscPos(b).find((o) => o.op === 'qr-store');
    expect(qr?.op === 'qr-store' && qr.data).toBe(reservationJob.statusUrl);
    expect(qr?.op === 'qr-store' && qr.bytes.every((x) => x < 0x80)).toBe(true);
    const at = b.indexOf(Buffer.from([0x1d, 0x28, 0x6b])); // first GS ( k: the model
    expect(at).toBeGreaterThanOrEqual(0);
    const store = b.indexOf(Buffer.from([0x31, 0x50, 0x30]));
    expect(b[store - 2] | (b[store - 1] << 8)).toBe(reservationJob.statusUrl.length + 3);
  });

  it('refuses a non-ASCII status URL, which printQR would miscount', () => {
    expect(() => renderTicketBytes({ ...reservationJob, statusUrl: 'http://h/票' }, 58)).toThrow(/ASCII/);
  });

  it('refuses text that looks like an ID number or a phone number', () => {
    expect(() => renderTicketBytes({ ...walkInJob, notices: ['咨询 13812345678'] }, 58)).toThrow(/ID or phone/);
    expect(() => renderTicketBytes({ ...walkInJob, hallName: '11010519491231002X' }, 58)).toThrow(/ID or phone/);
  });

  it('prints the reservation mark with its slot only on reservation tickets', () => {
    expect(opsText(decodeEscPos(renderTicketBytes(reservationJob, 58)))).toContain('预约 09:30');
    expect(opsText(decodeEscPos(renderTicketBytes(walkInJob, 58)))).not.toContain('预约');
  });

  it('issue 14: lists the windows that serve the ticket\'s queue; no line without them', () => {
    expect(opsText(decodeEscPos(renderTicketBytes({ ...walkInJob, windows: [4, 5] }, 58)))).toContain('办理窗口：4号、5号');
    expect(opsText(decodeEscPos(renderTicketBytes(walkInJob, 58)))).not.toContain('办理窗口');
  });

  it('lists the service\'s materials to bring, folded to the paper; no line without them', () => {
    const materials = ['居民身份证原件', '营业执照副本', '法定代表人签署的申请书', '委托书（委托办理时）'];
    const lines = opsText(decodeEscPos(renderTicketBytes({ ...walkInJob, materials }, 58))).split('\n');
    const at = lines.findIndex((l) => l.startsWith('请携带：'));
    expect(at).toBeGreaterThan(lines.findIndex((l) => l.startsWith('您前面还有')));
    expect(lines.slice(at, at + 3).join('')).toBe('请携带：' + materials.join('、'));
    for (const l of lines.slice(at, at + 3)) expect(columns(l)).toBeLessThanOrEqual(32);
    expect(opsText(decodeEscPos(renderTicketBytes(walkInJob, 58)))).not.toContain('请携带');
  });

  it('prints the waiting count and the issue time in the offset of issuedAt', () => {
    const text = opsText(decodeEscPos(renderTicketBytes(walkInJob, 80)));
    expect(text).toContain('您前面还有 12 人等候');
    expect(text).toContain('取号时间 2026-11-23 14:05');
    expect(text).toContain('过号请重新取号');
  });

  it.each([
    [58, 32],
    [80, 48],
  ] as const)('lays a %i mm ticket out on %i columns: rules full width, no line wider', (paper, cols) => {
    const long = '请保管好您的号票，叫号时请到对应窗口办理业务，谢谢合作。本中心实行预约优先，预约群众请提前签到';
    const ops = decodeEscPos(renderTicketBytes({ ...reservationJob, notices: [long] }, paper));
    const lines = opsText(ops).split('\n');
    expect(lines).toContain('-'.repeat(cols));
    // only normal-size text is printed after the QR code: every line fits the paper
    const afterQr = lines.slice(lines.indexOf('扫码查看排队进度'));
    for (const l of afterQr) expect(columns(l)).toBeLessThanOrEqual(cols);
    expect(afterQr.some((l) => columns(l) > cols - 2)).toBe(true);
  });

  it('prints the ticket number larger on 80 mm than on 58 mm', () => {
    const sizeBefore = (paper: 58 | 80) => {
      const ops = decodeEscPos(renderTicketBytes(walkInJob, paper));
      const i = ops.findIndex((o) => o.op === 'text' && o.text === 'B007');
      const size = ops.slice(0, i).reverse().find((o) => o.op === 'size');
      return size?.op === 'size' ? size.width : 0;
    };
    expect(sizeBefore(58)).toBe(4);
    expect(sizeBefore(80)).toBe(5);
  });

  it('ends with a cut and decodes without unknown commands', () => {
    const ops = decodeEscPos(renderTicketBytes(reservationJob, 80));
    expect(ops.some((o) => o.op === 'cut')).toBe(true);
    expect(ops.filter((o) => o.op === 'unknown')).toEqual([]);
  });
});
