import { describe, expect, it } from 'vitest';
import { decodeLine, encodeLine } from '../../../drivers/led/text.js';

describe('LED line text', () => {
  it('encodes GB18030 (请 C7EB, 号 BAC5) NUL-padded to 128 bytes', () => {
    const bytes = encodeLine('请A012号');
    expect(bytes.length).toBe(128);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('c7eb41303132bac5');
    expect(bytes.subarray(8).every((b) => b === 0)).toBe(true);
    expect(encodeLine('到5号窗口').subarray(0, 9).toString('hex')).toBe('b5bd35bac5b4b0bfda');
  });

  it('cuts too-long text at a character boundary, never inside a character', () => {
    const line = encodeLine('A' + '窗'.repeat(70));
    expect(line[127]).toBe(0); // 1 + 63×2 = 127 bytes used; the 64th 窗 would not fit whole
    expect(decodeLine(line)).toBe('A' + '窗'.repeat(63));
  });

  it('decodes what it encodes, including characters outside GB2312', () => {
    for (const text of ['请A012号', '到48号窗口', '暂停服务', '不动产登记', '𠀀', '']) {
      expect(decodeLine(encodeLine(text))).toBe(text);
    }
  });
});
